import { useT } from '../../i18n/use-t.ts';
import { closeCell, selectEntity } from '../../state/actions.ts';
import { useView } from '../../state/store.ts';
import { ProvisionQuote } from '../detail-panel/ProvisionQuote.tsx';
import { KindIcon } from '../legend/KindIcon.tsx';
import { Loading } from '../status/ErrorNotice.tsx';
import { EvidenceNote } from '../evidence/EvidenceNote.tsx';
import { AreaFlags } from './AreaFlags.tsx';
import { useDecisionAreas } from './DecisionMatrix.tsx';

/** A matrix cell opened: the actor's roles in the decision, each with the provision that gives it. */
export function CellPanel() {
  const t = useT();
  const cell = useView((s) => s.cell);
  const areas = useDecisionAreas();
  if (!cell) return null;
  const area = areas.data?.find((a) => a.id === cell.area);
  const participants = area?.participants.filter((p) => p.actor.id === cell.actor) ?? [];
  const actor = participants[0]?.actor;
  return (
    <aside className="detail-panel" aria-label={t('provisions')} data-testid="cell-panel">
      <button type="button" className="icon-button panel-close" onClick={closeCell} aria-label={t('close')} title={t('close')}>
        ×
      </button>
      {!areas.data && <Loading label={t('loading')} />}
      {area && actor && (
        <article className="detail">
          <header className="detail-header">
            <p className="detail-kind">
              <KindIcon kind="DECISION_AREA" size={16} /> {area.topic}
            </p>
            <h2>{area.name}</h2>
            <AreaFlags area={area} reason />
          </header>
          <section className="detail-section">
            <h3 className="cell-role">
              {participants.map((p) => (
                <span key={p.role} className={`role-badge role-${p.role.toLowerCase()}`}>
                  {p.roleLabel}
                </span>
              ))}
              <button type="button" className="link-button" onClick={() => selectEntity(actor.id)}>
                <KindIcon kind={actor.kind} size={14} /> {actor.name}
              </button>
            </h3>
            {participants.map((p) => (
              <div key={p.role} className="cell-evidence" data-role={p.role}>
                {participants.length > 1 && <p className="cell-evidence-role">{p.roleLabel}</p>}
                <EvidenceNote evidence={p.evidence} />
                {p.note && <p className="detail-note">{p.note}</p>}
              </div>
            ))}
            <h3>{t('provisionsCited')}</h3>
            {/* Several roles often rest on the same provision: each is quoted once. */}
            {[...new Map(participants.flatMap((p) => p.provisions).map((pr) => [pr.id, pr])).values()].map((pr) => (
              <ProvisionQuote key={pr.id} provision={pr} />
            ))}
          </section>
          <section className="detail-section">
            <h3>{t('whoDoesWhat')}</h3>
            <p>{area.summary}</p>
          </section>
        </article>
      )}
    </aside>
  );
}
