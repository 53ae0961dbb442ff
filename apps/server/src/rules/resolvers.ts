import { RULE_STATUS_LABELS, runRuleChecks, type Bilingual, type Lang, type Relation, type RuleFinding, type RuleResult } from '@styrgraf/model';
import type { Store } from '@styrgraf/store';
import type { Resolvers } from '../generated/resolvers.ts';
import { isProvision, knownAll } from '../known-entities.ts';

/** Resolvers of the governance rule checks; merged into the schema in schema.ts. */

type LangArg = { lang?: 'SV' | 'EN' };
const lang = (args: LangArg): Lang => (args.lang === 'EN' ? 'en' : 'sv');
const pick = (text: Bilingual, args: LangArg) => text[lang(args)];

interface Report {
  results: RuleResult[];
  relations: Map<string, Relation>;
}
interface FindingObject extends RuleFinding {
  report: Report;
}

/** Reports by data digest and date: the rules read the whole graph once per data set and date, not once per request. */
const reports = new Map<string, Promise<Report>>();
const REPORTS_KEPT = 16;

async function ruleReport(store: Store, asOf: string): Promise<Report> {
  const { digest } = await store.info();
  const key = `${digest}|${asOf}`;
  let report = reports.get(key);
  if (!report) {
    // Every entity and relation, every date: the rules filter by date themselves (a kontor's head is checked over its whole life).
    report = store.graph({ asOf: null }).then((graph) => ({ results: runRuleChecks({ entities: graph.nodes, relations: graph.edges }, asOf), relations: new Map(graph.edges.map((r) => [r.id, r])) }));
    reports.set(key, report);
    report.catch(() => reports.delete(key));
    if (reports.size > REPORTS_KEPT) reports.delete(reports.keys().next().value!);
  }
  return report;
}

export const ruleResolvers: Resolvers = {
  Query: {
    ruleChecks: async (_, args, ctx) => {
      const report = await ruleReport(ctx.store, args.asOf ?? ctx.today);
      return report.results.map((result) => ({ ...result, report }));
    },
  },
  RuleCheck: {
    title: (r: RuleResult, args) => pick(r.title, args),
    description: (r: RuleResult, args) => pick(r.description, args),
    statusLabel: (r: RuleResult, args) => pick(RULE_STATUS_LABELS[r.status], args),
    summary: (r: RuleResult, args) => pick(r.summary, args),
    provisions: (r: RuleResult, _args, ctx) => knownAll(ctx, r.provisions, isProvision),
    findings: (r: RuleResult & { report: Report }) => r.findings.map((f): FindingObject => ({ ...f, report: r.report })),
  },
  RuleFinding: {
    message: (f: FindingObject, args) => pick(f.message, args),
    entities: (f: FindingObject, _args, ctx) => knownAll(ctx, f.entities),
    relations: (f: FindingObject) => f.relations.map((id) => f.report.relations.get(id)).filter((r): r is Relation => !!r),
    provisions: (f: FindingObject, _args, ctx) => knownAll(ctx, f.provisions, isProvision),
  },
};
