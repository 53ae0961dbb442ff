import { useEffect, useRef } from 'react';
import { useVocabulary } from '../../api/vocabulary.ts';
import { takePanelFocus } from '../../state/focus-request.ts';
import type { EntityDetail, RelationDetail } from '../../api/types.ts';
import { GRAPH_KINDS } from '../../api/types.ts';
import { formatDate, useApiLang, useT } from '../../i18n/use-t.ts';
import { clearSelection, expandNeighbours, focusOn, openCell, selectEntity, selectRelation, setOrgRoot, setPathEnds, setView } from '../../state/actions.ts';
import { useView } from '../../state/store.ts';
import { FamilyLine, KindIcon } from '../legend/KindIcon.tsx';
import { ErrorNotice, Loading } from '../status/ErrorNotice.tsx';
import { ProvisionQuote, Sources } from './ProvisionQuote.tsx';
import { groupByFamily, useEntityDetail, useRelationDetail } from './use-detail.ts';
import './detail.css';
import { GlossaryText } from '../glossary/GlossaryText.tsx';
import { EvidenceIcon } from '../evidence/EvidenceIcon.tsx';
import { EvidenceMark } from '../evidence/EvidenceMark.tsx';
import { EvidenceNote } from '../evidence/EvidenceNote.tsx';
import { evidenceKey } from '../evidence/evidence.ts';
import { todayInSweden } from '@styrgraf/text/dates';
import { PostSection } from './PostSection.tsx';

/** The right-hand panel: what the selected entity or relation is, in words, with the provisions and sources it rests on. */
export function DetailPanel() {
  const t = useT();
  const selected = useView((s) => s.selected);
  if (!selected) return null;
  return (
    <aside className="detail-panel" aria-label={selected.type === 'entity' ? t('description') : t('relationDetail')} data-testid="detail-panel">
      <button type="button" className="icon-button panel-close" onClick={clearSelection} aria-label={t('close')} title={t('close')}>
        ×
      </button>
      {selected.type === 'entity' ? <EntityPanel id={selected.id} /> : <RelationPanel id={selected.id} from={selected.from} />}
    </aside>
  );
}

function Validity({ from, to }: { from: string | null; to: string | null }) {
  const t = useT();
  const lang = useView((s) => s.lang);
  if (!from && !to) return null;
  return (
    <p className="validity">
      {t('validity')} {from ? t('validFrom', { date: formatDate(from, lang) }) : ''} {to ? t('validTo', { date: formatDate(to, lang) }) : ''}
    </p>
  );
}

function EntityPanel({ id }: { id: string }) {
  const t = useT();
  const lang = useApiLang();
  const date = useView((s) => s.date);
  const focus = useView((s) => s.focus);
  const view = useView((s) => s.view);
  const vocabulary = useVocabulary(lang);
  // What is in force on the date shown, today's included: never every relation the entity ever had.
  const detail = useEntityDetail(id, lang, date ?? todayInSweden());
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = detail.data?.id;
  // After a search hit or Enter on the canvas, focus lands on the heading: a screen reader reads what was chosen, and Tab goes on into its details.
  useEffect(() => {
    if (loaded && takePanelFocus(loaded)) heading.current?.focus();
  }, [loaded]);
  if (detail.isPending) return <Loading label={t('loadingEntity')} />;
  if (detail.error) return <ErrorNotice error={detail.error} onRetry={() => void detail.refetch()} onSuggestion={(s) => selectEntity(s.id)} compact />;
  const e = detail.data;
  const inGraph = GRAPH_KINDS.includes(e.kind);
  const groups = groupByFamily(
    e.relations.filter((r) => r.family !== 'REFERENCE'),
    vocabulary.data?.families.map((f) => f.family) ?? [],
  );
  const isActor = inGraph && e.kind !== 'DECISION_AREA';

  return (
    <article className="detail" data-entity-id={e.id}>
      <header className="detail-header">
        <p className="detail-kind">
          <KindIcon kind={e.kind} size={16} /> {e.kindLabel}
          {e.subtype ? ` · ${e.subtype}` : ''}
        </p>
        <h2 lang="sv" ref={heading} tabIndex={-1} data-testid="detail-heading">
          {e.names.sv}
        </h2>
        {e.names.en !== e.names.sv && (
          <p className="detail-en" lang="en">
            <span className="visually-hidden">{t('nameEn')}: </span>
            {e.names.en}
          </p>
        )}
        {e.abbreviations.length > 0 && (
          <p className="chips">
            {e.abbreviations.map((a) => (
              <span key={a} className="chip">
                {a}
              </span>
            ))}
          </p>
        )}
        <Validity from={e.validFrom} to={e.validTo} />
        {e.confidence === 'MEDIUM' && <p className="confidence">{t('confidenceMEDIUM')}</p>}
        {e.confidence === 'LOW' && <p className="confidence">{t('confidenceLOW')}</p>}
      </header>

      {inGraph && (
        <div className="detail-actions">
          <button type="button" className="button button-primary" onClick={() => focusOn(e.id, 1)} title={t('focusHelp')}>
            {t('focus')}
          </button>
          {focus && view === 'graph' && focus !== e.id && (
            <button type="button" className="button" onClick={() => expandNeighbours(e.id)} title={t('expandHelp')}>
              {t('expand')}
            </button>
          )}
          <button type="button" className="button" onClick={() => setPathEnds({ from: e.id })}>
            {t('pathFrom')}
          </button>
          <button type="button" className="button" onClick={() => setPathEnds({ to: e.id })}>
            {t('pathTo')}
          </button>
          {isActor && (
            <button type="button" className="button" onClick={() => setOrgRoot(e.id)}>
              {t('openInOrg')}
            </button>
          )}
          {e.kind === 'DECISION_AREA' && (
            <button type="button" className="button" onClick={() => setView('matrix')}>
              {t('viewMatrix')}
            </button>
          )}
        </div>
      )}

      {e.description && (
        <p className="detail-description">
          <GlossaryText text={e.description} />
        </p>
      )}
      {e.definition && <p className="detail-description">{e.definition}</p>}
      {e.text && (
        <blockquote className="provision-standalone" lang="sv">
          {e.text}
        </blockquote>
      )}
      {e.note && <p className="detail-note">{e.note}</p>}

      <PostSection entity={e} />

      {e.kind === 'DECISION_AREA' && e.settled === false && e.settledReason && (
        <p className="detail-flag detail-flag-unsettled" data-testid="not-settled">
          <strong>{t('notSettled')}:</strong> {e.settledReason}
        </p>
      )}
      {e.notDelegable && (
        <p className="detail-flag" data-testid="not-delegable">
          <strong>{t('notDelegable')}:</strong> {e.notDelegable}
        </p>
      )}

      {e.participants && e.participants.length > 0 && (
        <section className="detail-section">
          <h3>{t('whoDoesWhat')}</h3>
          {e.summary && (
            <p>
              <GlossaryText text={e.summary} />
            </p>
          )}
          <ul className="participants">
            {e.participants.map((p) => (
              <li key={`${p.role}-${p.actor.id}`}>
                <span className={`role-badge role-${p.role.toLowerCase()}`}>{p.roleLabel}</span>
                <button type="button" className="link-button" onClick={() => openCell(e.id, p.actor.id)}>
                  {p.actor.name}
                </button>
                <EvidenceMark evidence={p.evidence} />
              </li>
            ))}
          </ul>
          {e.unsettled && (
            <p className="unsettled">
              <strong>{t('unsettled')}:</strong> {e.unsettled}
            </p>
          )}
        </section>
      )}

      {groups.length > 0 ? (
        <section className="detail-section">
          <h3>
            {t('relations')} <span className="count">({groups.reduce((n, g) => n + g.relations.length, 0)})</span>
          </h3>
          {groups.map((g) => (
            <div key={g.family} className="relation-group" data-family={g.family}>
              <h4>
                <FamilyLine family={g.family} width={28} /> {g.label} <span className="count">{g.relations.length}</span>
              </h4>
              <ul className="relation-list">
                {g.relations.map((r) => (
                  <RelationItem key={r.id} relation={r} self={e} />
                ))}
              </ul>
            </div>
          ))}
        </section>
      ) : (
        inGraph && <p className="muted">{t('noRelations')}</p>
      )}

      {e.provisions.length > 0 && (
        <section className="detail-section">
          <h3>{t('provisions')}</h3>
          {e.provisions.map((p) => (
            <ProvisionQuote key={p.id} provision={p} />
          ))}
        </section>
      )}
      {e.sources.length > 0 && (
        <section className="detail-section">
          <h3>{t('sources')}</h3>
          <Sources sources={e.sources} />
        </section>
      )}
    </article>
  );
}

/** One relation in words; opened, it shows the provisions it rests on and leads on to the entity at its other end. */
function RelationItem({ relation: r, self }: { relation: RelationDetail; self: EntityDetail }) {
  const t = useT();
  const other = r.from.id === self.id ? r.to : r.from;
  return (
    <li>
      <details className="relation-item" data-relation-id={r.id}>
        <summary>
          <span>{r.sentence}</span>
          <span className="relation-evidence" title={r.evidence.wording}>
            <EvidenceIcon evidence={evidenceKey(r.evidence)} />
          </span>
          {r.provisions.length > 0 && (
            <span className="provision-count" title={t('provisions')}>
              § {r.provisions.length}
            </span>
          )}
        </summary>
        <div className="relation-body">
          <EvidenceNote evidence={r.evidence} />
          {r.note && <p className="detail-note">{r.note}</p>}
          {r.provisions.map((p) => (
            <ProvisionQuote key={p.id} provision={p} />
          ))}
          <Sources sources={r.sources} />
          <Validity from={r.validFrom} to={r.validTo} />
          <div className="relation-actions">
            <button type="button" className="button button-small" onClick={() => selectEntity(other.id)}>
              <KindIcon kind={other.kind} size={14} /> {other.name}
            </button>
            <button type="button" className="button button-small button-quiet" onClick={() => selectRelation(r.id, r.from.id)}>
              {t('relationDetail')}
            </button>
          </div>
        </div>
      </details>
    </li>
  );
}

function RelationPanel({ id, from }: { id: string; from: string }) {
  const t = useT();
  const lang = useApiLang();
  const date = useView((s) => s.date);
  const detail = useRelationDetail(id, from, lang, date ?? todayInSweden());
  if (detail.isPending) return <Loading label={t('loadingEntity')} />;
  if (detail.error) return <ErrorNotice error={detail.error} onRetry={() => void detail.refetch()} compact />;
  const r = detail.data;
  if (!r) return <p className="muted">{t('notInView')}</p>;
  return (
    <article className="detail" data-relation-id={r.id}>
      <header className="detail-header">
        <p className="detail-kind">
          <FamilyLine family={r.family} width={28} /> {r.familyLabel}
        </p>
        <h2>{r.sentence}</h2>
        <Validity from={r.validFrom} to={r.validTo} />
        {r.derived && <p className="muted">{t('derived')}</p>}
      </header>
      <dl className="relation-ends">
        <dt>{t('from')}</dt>
        <dd>
          <button type="button" className="button button-small" onClick={() => selectEntity(r.from.id)}>
            <KindIcon kind={r.from.kind} size={14} /> {r.from.name}
          </button>
        </dd>
        <dt>{t('to')}</dt>
        <dd>
          <button type="button" className="button button-small" onClick={() => selectEntity(r.to.id)}>
            <KindIcon kind={r.to.kind} size={14} /> {r.to.name}
          </button>
        </dd>
      </dl>
      <section className="detail-section" aria-labelledby="relation-evidence">
        <h3 id="relation-evidence">{t('evidenceHeading')}</h3>
        <EvidenceNote evidence={r.evidence} />
      </section>
      {r.note && <p className="detail-note">{r.note}</p>}
      {r.provisions.length > 0 && (
        <section className="detail-section">
          <h3>{t('provisionsCited')}</h3>
          {r.provisions.map((p) => (
            <ProvisionQuote key={p.id} provision={p} />
          ))}
        </section>
      )}
      {r.sources.length > 0 && (
        <section className="detail-section">
          <h3>{t('sources')}</h3>
          <Sources sources={r.sources} />
        </section>
      )}
    </article>
  );
}
