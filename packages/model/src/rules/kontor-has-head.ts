import { isValidAt } from '../dates.ts';
import type { Validity } from '../types.ts';
import { say, type RuleGraph } from './graph.ts';
import type { GovernanceRule, RuleFinding } from './types.ts';

const BEGINNING = '0001-01-01';
const END = '9999-12-31';

function shift(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The stretches of [from, to] that no interval covers, both ends inclusive. */
export function gaps(from: string, to: string, covered: [string, string][]): [string, string][] {
  const out: [string, string][] = [];
  let next: string | null = from; // null once covered to the end
  for (const [start, end] of [...covered].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    if (next === null || next > to) break;
    if (start > next) out.push([next, start <= to ? shift(start, -1) : to]);
    if (end >= next) next = end >= to ? null : shift(end, 1);
  }
  if (next !== null && next <= to) out.push([next, to]);
  return out;
}

const span = (v: Validity): [string, string] => [v.validFrom ?? BEGINNING, v.validTo ?? END];
const overlap = (a: [string, string], b: [string, string]): [string, string] | null => {
  const from = a[0] > b[0] ? a[0] : b[0];
  const to = a[1] < b[1] ? a[1] : b[1];
  return from <= to ? [from, to] : null;
};
const shown = (date: string) => (date === BEGINNING || date === END ? '…' : date);

/** The kontor of the administration, whatever their dates: units of subtype kontor that are (or were) part of a förvaltning. */
function kontorOf(graph: RuleGraph) {
  return graph.all('UNIT', 'kontor').filter((k) => graph.administrationOf(k.id, false));
}

/** Every kontor has a head at every date it exists (the instruction: "För varje kontor finns en kontorschef"). */
export const kontorHasHead: GovernanceRule = {
  id: 'kontor-has-head',
  title: { sv: 'Varje kontor har en chef, så länge det finns', en: 'Every office has a head for as long as it exists' },
  description: {
    sv: 'Varje kontor i förvaltningen ska ha en chefspost som leder det, vid varje datum kontoret finns, också bakåt i tiden. Kontor utanför förvaltningen, som revisionens, räknas inte.',
    en: 'Every office of the administration has a head’s post leading it on every date the office exists, back in time too. Offices outside the administration, such as the audit’s, are not counted.',
  },
  law: [],
  check(graph) {
    const findings: RuleFinding[] = [];
    const kontor = kontorOf(graph);
    for (const k of kontor) {
      const life = span(k);
      const heads = graph.into(k.id, ['HEADS'], false).filter((r) => graph.entity(r.from)?.kind === 'ROLE');
      const covered = heads
        .map((r) => [span(r), span(graph.entity(r.from)!)].reduce<[string, string] | null>((acc, s) => (acc ? overlap(acc, s) : null), life))
        .filter((c): c is [string, string] => !!c);
      for (const [from, to] of gaps(life[0], life[1], covered)) {
        findings.push({
          status: 'FAIL',
          message: say((l) =>
            l === 'sv'
              ? `${graph.Name(k.id).sv} saknar chef ${shown(from)} – ${shown(to)}.`
              : `${graph.Name(k.id).en} has no head ${shown(from)} – ${shown(to)}.`,
          ),
          entities: [k.id],
          relations: [],
          provisions: [...new Set(heads.flatMap((r) => r.cites))],
        });
      }
    }
    const now = kontor.filter((k) => isValidAt(k, graph.asOf)).length;
    return {
      findings,
      summary: say((l) =>
        findings.length > 0
          ? l === 'sv'
            ? `${new Set(findings.map((f) => f.entities[0])).size} av ${kontor.length} kontor saknar chef under någon tid.`
            : `${new Set(findings.map((f) => f.entities[0])).size} of ${kontor.length} offices lack a head for some time.`
          : l === 'sv'
            ? `Alla ${kontor.length} kontor (${now} av dem den ${graph.asOf}) har en chef under hela sin tid.`
            : `All ${kontor.length} offices (${now} of them on ${graph.asOf}) have a head throughout their existence.`,
      ),
    };
  },
};
