import type { DecisionArea, EntityKind, EntityRef, EvidenceStatus, Participant, ParticipationRole, ProvisionRef } from '../api/types.ts';
import { evidence } from './evidence.ts';

/** For tests: decision areas as the API gives them, in the shape of the Norrköping data, built from the parts a test varies. */

export const actor = (id: string, name: string, kind: EntityKind = 'ROLE'): EntityRef => ({ id, kind, name });

export const KOMMUNDIREKTOR = actor('kommundirektor', 'Kommundirektör');
export const KOMMUNSTYRELSEN = actor('kommunstyrelsen', 'Kommunstyrelsen', 'POLITICAL_BODY');
export const BERORDA_PRESIDIER = actor('berorda-namnders-presidier', 'Berörda nämnders presidier', 'POLITICAL_BODY');

/** A provision of the director's instruction, as the API refers to it. */
export const instructionProvision = (id: string, text: string): ProvisionRef => ({
  id,
  name: id,
  text,
  section: 'Den ledande tjänstepersonen',
  reference: null,
  textKind: 'VERBATIM',
  document: { id: 'kdi', name: 'Kommundirektörens instruktion' },
});

/** The Swedish role labels the API gives when a test names none. */
const ROLE_LABELS: Record<ParticipationRole, string> = {
  DECIDES: 'Beslutar',
  DELEGATES: 'Delegerar',
  PROPOSES: 'Föreslår',
  PREPARES: 'Bereder',
  RESPONSIBLE: 'Ansvarar',
  CONSULTED: 'Samråd',
  HEARD: 'Hörs',
  INFORMED: 'Informeras',
  EXECUTES: 'Verkställer',
};

export function participant(
  role: ParticipationRole,
  who: EntityRef,
  { label = ROLE_LABELS[role], provisions = [], status = 'STATED' }: { label?: string; provisions?: ProvisionRef[]; status?: EvidenceStatus } = {},
): Participant {
  return { role, roleLabel: label, roleLabelSv: label, actor: who, provisions, note: null, evidence: evidence(status) };
}

export function decisionArea(id: string, name: string, topic: string, participants: Participant[]): DecisionArea {
  return { id, name, nameEn: name, topic, summary: '', unsettled: null, settled: true, settledReason: null, notDelegable: null, participants };
}
