import {
  RULE_STATUS_LABELS,
  runRuleChecks,
  type Bilingual,
  type EntityKind,
  type Lang,
  type Relation,
  type RuleFinding,
  type RuleInput,
  type RuleResult,
} from '@styrgraf/model';
import type { Store } from '@styrgraf/store';
import type { Resolvers } from '../generated/resolvers.ts';
import { isProvision, knownAll } from '../known-entities.ts';
import { municipalityArgument } from '../municipalities/lookup.ts';

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

/** Reports by data digest, date and municipality: the rules read the graph once per data set, date and scope, not once per request. */
const reports = new Map<string, Promise<Report>>();
const REPORTS_KEPT = 16;

/** The law a municipality's rules cite: the shared documents and provisions, with how they hang together. */
const LAW_KINDS: EntityKind[] = ['SOURCE_DOCUMENT', 'PROVISION'];

/** What the rules read: every entity and relation of every date (the rules filter by date themselves: a kontor's head is checked over its whole life), of one municipality's scope and the shared law, or of the whole data set. */
async function ruleInput(store: Store, municipality: string | null): Promise<RuleInput> {
  if (!municipality) {
    const graph = await store.graph({ asOf: null });
    return { entities: graph.nodes, relations: graph.edges };
  }
  const [scope, shared] = await Promise.all([
    store.graph({ asOf: null, municipality }),
    store.overview({ asOf: null, kinds: LAW_KINDS, families: ['REFERENCE'] }),
  ]);
  const law = shared.nodes.filter((e) => LAW_KINDS.includes(e.kind));
  const entities = new Map([...scope.nodes, ...law].map((e) => [e.id, e]));
  const relations = new Map([...scope.edges, ...shared.edges].filter((r) => entities.has(r.from) && entities.has(r.to)).map((r) => [r.id, r]));
  return { entities: [...entities.values()], relations: [...relations.values()] };
}

async function ruleReport(store: Store, asOf: string, municipality: string | null): Promise<Report> {
  const { digest } = await store.info();
  const key = `${digest}|${asOf}|${municipality ?? ''}`;
  let report = reports.get(key);
  if (!report) {
    report = ruleInput(store, municipality).then((input) => ({
      results: runRuleChecks(input, asOf),
      relations: new Map(input.relations.map((r) => [r.id, r])),
    }));
    reports.set(key, report);
    report.catch(() => reports.delete(key));
    if (reports.size > REPORTS_KEPT) reports.delete(reports.keys().next().value!);
  }
  return report;
}

export const ruleResolvers: Resolvers = {
  Query: {
    ruleChecks: async (_, args, ctx) => {
      const report = await ruleReport(ctx.store, args.asOf ?? ctx.today, await municipalityArgument(ctx, args.municipality));
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
