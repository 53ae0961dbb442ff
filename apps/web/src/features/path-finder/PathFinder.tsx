import { GRAPH_KINDS } from '../../api/types.ts';
import { useApiLang, useT } from '../../i18n/use-t.ts';
import { openPathFinder, selectRelation, setPathAll, setPathEnds, setPathIndex, swapPathEnds } from '../../state/actions.ts';
import { useView } from '../../state/store.ts';
import { FamilyLine, KindIcon } from '../legend/KindIcon.tsx';
import { EntityCombobox } from '../search/EntityCombobox.tsx';
import { EvidenceMark } from '../evidence/EvidenceMark.tsx';
import { useEntityName } from '../search/use-search.ts';
import { ErrorNotice, Loading } from '../status/ErrorNotice.tsx';
import { PATH_MAX_LENGTH, usePaths } from './use-paths.ts';
import './path-finder.css';

/** Pick two entities; the paths between them are listed shortest first, explained in words and lit up on the canvas. */
export function PathFinder() {
  const t = useT();
  const lang = useApiLang();
  const s = useView((v) => v);
  const fromName = useEntityName(s.pathFrom);
  const toName = useEntityName(s.pathTo);
  const paths = usePaths({ from: s.pathFrom, to: s.pathTo, all: s.pathAll, asOf: s.date, families: s.families, lang });

  return (
    <section className="path-finder" aria-labelledby="path-finder-title" data-testid="path-finder">
      <header className="path-finder-header">
        <h2 id="path-finder-title">{t('pathFinder')}</h2>
        <button type="button" className="icon-button" onClick={() => openPathFinder(false)} aria-label={t('close')} title={t('close')}>
          ×
        </button>
      </header>
      <p className="muted small">{t('pathFinderHelp')}</p>
      <div className="path-ends">
        <EntityCombobox
          label={t('pathStart')}
          kinds={GRAPH_KINDS}
          currentName={fromName.data?.name ?? null}
          onPick={(e) => setPathEnds({ from: e.id })}
          testId="path-from"
        />
        <button type="button" className="icon-button swap" onClick={swapPathEnds} aria-label={t('swap')} title={t('swap')}>
          ⇅
        </button>
        <EntityCombobox
          label={t('pathEnd')}
          kinds={GRAPH_KINDS}
          currentName={toName.data?.name ?? null}
          onPick={(e) => setPathEnds({ to: e.id })}
          testId="path-to"
        />
      </div>
      <label className="checkbox-line">
        <input type="checkbox" checked={s.pathAll} onChange={(e) => setPathAll(e.target.checked)} /> {t('allPaths')}
      </label>

      {paths.isFetching && !paths.data && <Loading label={t('loading')} />}
      {paths.error && <ErrorNotice error={paths.error} onRetry={() => void paths.refetch()} compact />}
      {paths.data && (
        <div className="path-results" aria-live="polite">
          <p className="path-count">
            {paths.data.length === 0
              ? t('noPath', { n: PATH_MAX_LENGTH })
              : paths.data.length === 1
                ? t('pathFound')
                : t('pathsFound', { n: paths.data.length })}
          </p>
          <ol className="path-list">
            {paths.data.map((p, i) => (
              <li key={p.nodes.map((n) => n.id).join('>') + i}>
                <button type="button" className="path-card" aria-pressed={i === s.pathIndex} onClick={() => setPathIndex(i)} data-testid="path-card">
                  <span className="path-meta">{t('steps', { n: p.length })}</span>
                  <span className="path-explanation">{p.explanation}</span>
                </button>
                {i === s.pathIndex && (
                  <ol className="path-steps">
                    {p.steps.map((step) => (
                      <li key={step.relation.id}>
                        <button type="button" className="path-step" onClick={() => selectRelation(step.relation.id, step.forward ? step.from.id : step.to.id)}>
                          <KindIcon kind={step.from.kind} size={14} />
                          <span>{step.from.name}</span>
                          <span className="path-step-label">
                            <FamilyLine family={step.relation.family} width={22} /> {step.label}
                            <EvidenceMark evidence={step.relation.evidence} />
                          </span>
                          <KindIcon kind={step.to.kind} size={14} />
                          <span>{step.to.name}</span>
                        </button>
                      </li>
                    ))}
                  </ol>
                )}
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
