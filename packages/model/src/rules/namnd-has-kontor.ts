import { say } from './graph.ts';
import type { GovernanceRule, RuleFinding } from './types.ts';

/** Every nämnd (and the styrelse) has an administrative unit working for it. */
export const namndHasKontor: GovernanceRule = {
  id: 'namnd-has-kontor',
  title: { sv: 'Varje nämnd har ett kontor som arbetar för den', en: 'Every committee has an office working for it' },
  description: {
    sv: 'Kommunstyrelsen och varje nämnd ska ha minst ett kontor (eller en enhet) som arbetar på dess uppdrag, på det datum som kontrolleras.',
    en: 'The executive board and every committee have at least one office (or unit) working for them, on the date checked.',
  },
  law: [],
  check(graph) {
    const bodies = [...graph.current('POLITICAL_BODY', 'styrelse'), ...graph.current('POLITICAL_BODY', 'nämnd')];
    const findings: RuleFinding[] = bodies
      .filter((b) => graph.into(b.id, ['SERVES']).filter((r) => graph.entity(r.from)?.kind === 'UNIT').length === 0)
      .map((b) => ({
        status: 'FAIL' as const,
        message: say((l) => (l === 'sv' ? `Inget kontor arbetar för ${graph.name(b.id).sv}.` : `No office works for ${graph.name(b.id).en}.`)),
        entities: [b.id],
        relations: [],
        provisions: [],
      }));
    return {
      findings,
      summary: say((l) =>
        findings.length > 0
          ? l === 'sv'
            ? `${findings.length} av ${bodies.length} nämnder saknar ett kontor som arbetar för dem.`
            : `${findings.length} of ${bodies.length} committees have no office working for them.`
          : l === 'sv'
            ? `Alla ${bodies.length} nämnder, kommunstyrelsen medräknad, har ett kontor som arbetar för dem.`
            : `All ${bodies.length} committees, the executive board included, have an office working for them.`,
      ),
    };
  },
};
