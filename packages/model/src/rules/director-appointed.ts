import type { ActorEntity, SourceDocumentEntity } from '../types.ts';
import { say } from './graph.ts';
import type { GovernanceRule, RuleFinding } from './types.ts';

/**
 * KL 7 kap. 1–2 §§: the styrelse appoints a director who heads the
 * administration under it, and sets out in an instruction how the director
 * leads it.
 */
export const directorAppointed: GovernanceRule = {
  id: 'director-appointed',
  title: {
    sv: 'Kommundirektören utses av kommunstyrelsen och har en instruktion',
    en: 'The director is appointed by the executive board and has an instruction',
  },
  description: {
    sv: 'Kommunstyrelsen ska utse en direktör som leder förvaltningen under styrelsen, och i en instruktion bestämma hur direktören ska leda den. Instruktionen ska vara antagen av kommunstyrelsen och gälla på det datum som kontrolleras.',
    en: 'The executive board appoints a director who heads the administration under it, and sets out in an instruction how the director leads it. The instruction is adopted by the board and in force on the date checked.',
  },
  law: ['7 kap. 1 §', '7 kap. 2 §'],
  check(graph) {
    const findings: RuleFinding[] = [];
    const law = graph.law(['7 kap. 1 §', '7 kap. 2 §']);
    const boards = graph.current('POLITICAL_BODY', 'styrelse').map((b) => b.id);
    const directors = [...new Set(graph.current('UNIT', 'förvaltning').flatMap((f) => graph.into(f.id, ['HEADS']).map((r) => r.from)))].filter(
      (id) => graph.entity<ActorEntity>(id)?.kind === 'ROLE',
    );
    if (directors.length === 0) {
      findings.push({
        status: 'FAIL',
        message: { sv: 'Ingen direktör leder förvaltningen.', en: 'No director heads the administration.' },
        entities: boards,
        relations: [],
        provisions: law,
      });
    }
    for (const director of directors) {
      const appointed = graph.into(director, ['APPOINTS']).filter((r) => boards.includes(r.from));
      if (appointed.length === 0) {
        findings.push({
          status: 'FAIL',
          message: say((l) =>
            l === 'sv'
              ? `${graph.Name(director).sv} är inte utsedd av kommunstyrelsen.`
              : `${graph.Name(director).en} is not appointed by the executive board.`,
          ),
          entities: [director, ...boards],
          relations: [],
          provisions: law,
        });
      }
      const instructions = graph
        .all<SourceDocumentEntity>('SOURCE_DOCUMENT')
        .filter((d) => d.governs === director && !!d.adoptedBy && boards.includes(d.adoptedBy));
      const inForce = instructions.filter((d) => !d.adopted || d.adopted <= graph.asOf);
      if (inForce.length > 0) continue;
      const later = instructions.find((d) => d.replaces);
      findings.push(
        later
          ? {
              status: 'WARN',
              message: say((l) =>
                l === 'sv'
                  ? `Instruktionen i data antogs ${later.adopted}; den som gällde ${graph.asOf} (${later.replaces}) är bara känd till sitt diarienummer.`
                  : `The instruction in the data was adopted on ${later.adopted}; the one in force on ${graph.asOf} (${later.replaces}) is known only by its reference.`,
              ),
              entities: [director, later.id],
              relations: [],
              provisions: law,
            }
          : {
              status: 'FAIL',
              message: say((l) =>
                l === 'sv'
                  ? `Ingen instruktion för ${graph.name(director).sv}, antagen av kommunstyrelsen, gäller ${graph.asOf}.`
                  : `No instruction for ${graph.name(director).en}, adopted by the executive board, is in force on ${graph.asOf}.`,
              ),
              entities: [director, ...boards],
              relations: [],
              provisions: law,
            },
      );
    }
    const instruction = graph
      .all<SourceDocumentEntity>('SOURCE_DOCUMENT')
      .find((d) => directors.includes(d.governs ?? '') && (!d.adopted || d.adopted <= graph.asOf));
    return {
      findings,
      summary: say((l) => {
        if (findings.some((f) => f.status === 'FAIL'))
          return l === 'sv'
            ? 'Direktören saknar utnämning av kommunstyrelsen eller en instruktion.'
            : 'The director lacks an appointment by the executive board or an instruction.';
        if (findings.length > 0)
          return l === 'sv'
            ? 'Direktören är utsedd av kommunstyrelsen; den instruktion som gällde då finns inte i data.'
            : 'The director is appointed by the executive board; the instruction in force then is not in the data.';
        const named = instruction ? ` (${instruction.reference ?? instruction.id})` : '';
        return l === 'sv'
          ? `Direktören är utsedd av kommunstyrelsen och har en instruktion${named}.`
          : `The director is appointed by the executive board and has an instruction${named}.`;
      }),
    };
  },
};
