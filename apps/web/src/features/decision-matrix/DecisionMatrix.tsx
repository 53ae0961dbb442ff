import { useQuery } from '@tanstack/react-query';
import { Fragment } from 'react';
import { DECISION_AREA_FIELDS, EVIDENCE_FIELDS, PROVISION_FIELDS } from '../../api/fragments.ts';
import { request, operation } from '../../api/client.ts';
import type { DecisionArea } from '../../api/types.ts';
import { useApiLang, useT } from '../../i18n/use-t.ts';
import { openCell, selectEntity, setMatrixText } from '../../state/actions.ts';
import { useView } from '../../state/store.ts';
import { GlossaryText } from '../glossary/GlossaryText.tsx';
import { KindIcon } from '../legend/KindIcon.tsx';
import { EvidenceMark } from '../evidence/EvidenceMark.tsx';
import { AreaFlags, MatrixMarksLegend } from './AreaFlags.tsx';
import { QueryStatus } from '../status/ErrorNotice.tsx';
import { buildMatrix } from './matrix.ts';
import { useCountryScope } from '../country/municipalities-api.ts';
import './matrix.css';

export const DECISION_AREAS_QUERY = operation(
  'DecisionAreas',
  /* GraphQL */ `
    query DecisionAreas($asOf: Date, $lang: Lang, $municipality: ID) {
      decisionAreas(asOf: $asOf, municipality: $municipality) {
        id
        name
        nameEn: name(lang: EN)
        topic
        ...DecisionAreaFields
      }
    }
    ${DECISION_AREA_FIELDS}
    ${PROVISION_FIELDS}
    ${EVIDENCE_FIELDS}
  `,
);

export function useDecisionAreas() {
  const lang = useApiLang();
  const date = useView((s) => s.date);
  // On a data set of many municipalities, the chosen one's decisions (the whole country's are refused as too many).
  const { municipality, ready } = useCountryScope(lang);
  return useQuery({
    queryKey: ['decisionAreas', date, lang, municipality],
    queryFn: ({ signal }) => request(DECISION_AREAS_QUERY, { asOf: date, lang, municipality }, signal).then((d): DecisionArea[] => d.decisionAreas),
    enabled: ready,
  });
}

/** "Who decides X?" at a glance: decisions × actors, each cell the actor's roles, each role linked to its provision. */
export function DecisionMatrix() {
  const t = useT();
  const lang = useView((s) => s.lang);
  const text = useView((s) => s.matrixText);
  const cell = useView((s) => s.cell);
  const areas = useDecisionAreas();
  const matrix = areas.data ? buildMatrix(areas.data, text) : null;

  return (
    <section className="matrix-view" aria-labelledby="matrix-title" data-testid="decision-matrix">
      <header className="view-header">
        <div className="matrix-title">
          <h2 id="matrix-title">{t('matrixHeading')}</h2>
          <p className="muted small">{t('matrixIntro')}</p>
        </div>
        <div className="matrix-tools">
          <label className="matrix-filter">
            <span className="visually-hidden">{t('matrixFilter')}</span>
            <input
              type="search"
              value={text}
              placeholder={`${t('matrixFilter')}: ${t('matrixFilterPlaceholder')}`}
              onChange={(e) => setMatrixText(e.target.value)}
              data-testid="matrix-filter"
            />
          </label>
          {matrix && <MatrixMarksLegend areas={areas.data ?? []} />}
          {matrix && matrix.roles.length > 0 && (
            <ul className="role-legend" aria-label={t('roles')}>
              {matrix.roles.map((r) => (
                <li key={r.role}>
                  <span className={`role-badge role-${r.role.toLowerCase()}`}>
                    <GlossaryText text={r.label} />
                  </span>
                  {lang === 'en' && (
                    <span className="legend-secondary" lang="sv">
                      {r.labelSv}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      </header>
      <div className="matrix-scroll">
        <QueryStatus query={areas} />
        {matrix && matrix.groups.length === 0 && <p className="empty">{t('matrixEmpty', { q: text })}</p>}
        {matrix && matrix.groups.length > 0 && (
          <table className="matrix">
            <thead>
              <tr>
                <th scope="col" className="matrix-area-head">
                  {t('decisionArea')}
                </th>
                <th scope="col" className="matrix-decides-head">
                  {t('decides')}
                </th>
                {matrix.columns.map((c) => (
                  <th key={c.actor.id} scope="col" className="matrix-actor" data-actor-id={c.actor.id}>
                    <button type="button" className="actor-head" onClick={() => selectEntity(c.actor.id)}>
                      <span className="actor-name">{c.actor.name}</span>
                      <KindIcon kind={c.actor.kind} size={14} />
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            {matrix.groups.map((g) => (
              <tbody key={g.topic}>
                <tr className="matrix-topic">
                  <th scope="rowgroup" colSpan={matrix.columns.length + 2}>
                    {g.topic}
                  </th>
                </tr>
                {g.rows.map((row) => (
                  <tr
                    key={row.area.id}
                    data-area-id={row.area.id}
                    data-settled={row.area.settled ? 'true' : 'false'}
                    className={row.area.settled ? undefined : 'is-unsettled'}
                  >
                    <th scope="row" className="matrix-area">
                      <button type="button" className="link-button area-name" onClick={() => selectEntity(row.area.id)}>
                        {row.area.name}
                      </button>
                      {lang === 'en' && <span className="legend-secondary">{row.area.nameEn}</span>}
                      <AreaFlags area={row.area} reason />
                    </th>
                    <td className="matrix-decides" data-testid="decides">
                      {row.deciders.map((d) => d.name).join(', ') || '–'}
                    </td>
                    {matrix.columns.map((c) => {
                      const roles = row.cells.get(c.actor.id);
                      const active = cell?.area === row.area.id && cell.actor === c.actor.id;
                      return (
                        <td key={c.actor.id} className={`matrix-cell${active ? ' is-active' : ''}`} data-actor-id={c.actor.id}>
                          {roles && (
                            <button type="button" className="cell-button" aria-pressed={active} onClick={() => openCell(row.area.id, c.actor.id)}>
                              {roles.map((r, i) => (
                                <Fragment key={r.role}>
                                  {i > 0 && <span className="visually-hidden">, </span>}
                                  <span className={`role-badge role-${r.role.toLowerCase()}`} data-role={r.role}>
                                    {r.roleLabel}
                                  </span>
                                  {r.evidence.marker && <span className="visually-hidden"> </span>}
                                  <EvidenceMark evidence={r.evidence} />
                                </Fragment>
                              ))}
                              {/* The visible words come first in the name (WCAG 2.5.3); the cell's actor and decision follow for a screen reader. */}
                              <span className="visually-hidden">
                                {' '}
                                – {c.actor.name}, {row.area.name}
                              </span>
                            </button>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        )}
      </div>
    </section>
  );
}
