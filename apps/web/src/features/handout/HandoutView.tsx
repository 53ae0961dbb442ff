import { skipToken, useQuery } from '@tanstack/react-query';
import { request } from '../../api/client.ts';
import type { OrgChartEntry } from '../../api/types.ts';
import { formatDate, useApiLang, useT } from '../../i18n/use-t.ts';
import { useView } from '../../state/store.ts';
import { CoverageSummary } from '../workshop/CoverageView.tsx';
import { useCoverage } from '../workshop/coverage-api.ts';
import { StatusBadge } from '../workshop/StatusBadge.tsx';
import { useDecisionAreas } from '../decision-matrix/DecisionMatrix.tsx';
import { GlossaryItem } from '../glossary/GlossaryView.tsx';
import { useGlossary } from '../glossary/glossary-api.ts';
import { ORG_CHART_QUERY } from '../org-chart/OrgChart.tsx';
import { buildOrgTree, normaliseEntries, type OrgNode } from '../org-chart/tree.ts';
import { useOrgTops } from '../org-chart/roots.ts';
import { useAbout } from '../../api/about.ts';
import { KindIcon } from '../legend/KindIcon.tsx';
import { todayInSweden } from '@styrgraf/text/dates';
import { ErrorNotice, Loading } from '../status/ErrorNotice.tsx';
import { buildRolesTable, HANDOUT_ROLES } from './roles-table.ts';
import { useRuleChecks } from '../rule-checks/rule-checks-api.ts';
import { ChecksSummary } from '../rule-checks/RuleChecksView.tsx';
import { RuleStatusBadge } from '../rule-checks/RuleStatusBadge.tsx';
import './handout.css';

/** A handout for a first meeting: the organisation, who decides what, what the instruction leaves open and the words used. Laid out for A4. */
export function HandoutView() {
  const t = useT();
  const lang = useApiLang();
  const uiLang = useView((s) => s.lang);
  const date = useView((s) => s.date);
  const about = useAbout(lang);
  // The organisation from the data set's own top (its council), whatever its id.
  const tops = useOrgTops(date, lang);
  const rootId = tops.data?.[0]?.id ?? null;
  const org = useQuery({
    queryKey: ['orgChart', rootId, date, lang],
    queryFn: rootId
      ? ({ signal }) => request(ORG_CHART_QUERY, { rootId, asOf: date, lang }, signal).then((d): OrgChartEntry[] => normaliseEntries(d.orgChart.entries))
      : skipToken,
  });
  const areas = useDecisionAreas();
  const coverage = useCoverage(lang);
  const glossary = useGlossary();
  const checks = useRuleChecks(date, lang);
  const tree = org.data ? buildOrgTree(org.data) : null;
  const table = areas.data ? buildRolesTable(areas.data) : null;
  const unsettled = areas.data?.filter((a) => !a.settled) ?? [];
  const parts = [tops, org, areas, coverage, glossary, checks];
  const ready = parts.every((p) => p.data);
  const error = parts.find((p) => p.error)?.error;
  const openQuestions = coverage.data?.sections.flatMap((s) => s.questions.filter((q) => q.status === 'OPEN').map((q) => ({ ...q, section: s.name }))) ?? [];

  return (
    <article className="handout" data-testid="handout" data-ready={ready ? 'true' : 'false'}>
      <div className="handout-toolbar no-print">
        <p className="muted small">{t('handoutHelp')}</p>
        <button type="button" className="button button-primary" onClick={() => window.print()} data-testid="print">
          <PrinterIcon /> {t('print')}
        </button>
      </div>
      <header className="handout-cover">
        <p className="handout-kicker">Styrgraf</p>
        <h2>{t('handoutTitle', { name: about.data?.name ?? '' })}</h2>
        <p>{t('handoutAsOf', { date: formatDate(date ?? todayInSweden(), uiLang) })}</p>
      </header>
      {error && <ErrorNotice error={error} onRetry={() => parts.forEach((p) => void p.refetch())} />}
      {!ready && !error && <Loading label={t('loading')} />}

      {tree && (
        <section className="handout-section handout-org" aria-labelledby="h-org">
          <h3 id="h-org">1. {t('orgHeading')}</h3>
          <p className="handout-lead">{t('handoutOrgLead')}</p>
          <ul className="handout-tree">
            <OrgBranch node={tree} />
          </ul>
        </section>
      )}

      {table && (
        <section className="handout-section handout-matrix" aria-labelledby="h-matrix">
          <h3 id="h-matrix">2. {t('matrixHeading')}</h3>
          <p className="handout-lead">{t('handoutMatrixLead')}</p>
          <table className="handout-table">
            <thead>
              <tr>
                <th scope="col">{t('decisionArea')}</th>
                {HANDOUT_ROLES.map((r) => (
                  <th key={r} scope="col">
                    {table.labels[r] ?? r}
                  </th>
                ))}
                {table.hasOther && <th scope="col">{t('otherRoles')}</th>}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr key={row.area.id} data-area-id={row.area.id} data-settled={row.area.settled ? 'true' : 'false'}>
                  <th scope="row">
                    {row.area.name}
                    {!row.area.settled && <span className="handout-unsettled-mark"> *</span>}
                  </th>
                  {HANDOUT_ROLES.map((r) => (
                    <td key={r}>{row.cells[r].join(', ')}</td>
                  ))}
                  {table.hasOther && <td>{row.other.join('; ')}</td>}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="handout-note">{t('handoutMarkersNote')}</p>
          {unsettled.length > 0 && (
            <>
              <h4>{t('handoutUnsettled', { n: unsettled.length })}</h4>
              <ul className="handout-unsettled" data-testid="handout-unsettled">
                {unsettled.map((a) => (
                  <li key={a.id} data-area-id={a.id}>
                    <strong>{a.name}</strong>
                    <p>{a.settledReason}</p>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}

      {checks.data && (
        <section className="handout-section handout-checks" aria-labelledby="h-checks">
          <h3 id="h-checks">3. {t('checksHeading')}</h3>
          <p className="handout-lead">{t('handoutChecksLead')}</p>
          <ChecksSummary checks={checks.data} />
          <ul className="handout-check-list" data-testid="handout-checks">
            {checks.data.map((c) => (
              <li key={c.id} data-check-id={c.id} data-status={c.status}>
                <RuleStatusBadge status={c.status} label={c.statusLabel} /> <strong>{c.title}.</strong> {c.summary}
              </li>
            ))}
          </ul>
        </section>
      )}

      {coverage.data && (
        <section className="handout-section handout-coverage" aria-labelledby="h-coverage">
          <h3 id="h-coverage">4. {t('coverageHeading')}</h3>
          <p className="handout-lead">{t('coverageIntro')}</p>
          <CoverageSummary coverage={coverage.data} />
          <h4>{t('openQuestions', { n: openQuestions.length })}</h4>
          <ol className="handout-open" data-testid="handout-open">
            {openQuestions.map((q) => (
              <li key={q.id}>
                <strong>{q.name}</strong> <span className="handout-section-name">({q.section})</span>
                <p>{q.reason}</p>
              </li>
            ))}
          </ol>
          <h4>{t('allQuestions')}</h4>
          {coverage.data.sections.map((s) => (
            <div key={s.name} className="handout-checklist">
              <h5>{s.name}</h5>
              <ul>
                {s.questions.map((q) => (
                  <li key={q.id}>
                    <StatusBadge status={q.status} label={q.statusLabel} /> {q.name}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      )}

      {glossary.data && (
        <section className="handout-section handout-glossary" aria-labelledby="h-glossary">
          <h3 id="h-glossary">5. {t('glossaryHeading')}</h3>
          <ul className="glossary-list handout-glossary-list">
            {glossary.data.map((term) => (
              <GlossaryItem key={term.id} term={term} />
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}

function OrgBranch({ node, parent }: { node: OrgNode; parent?: string }) {
  const e = node.entry;
  return (
    <li className={`handout-node kind-${e.entity.kind.toLowerCase()}`}>
      <span className="handout-node-name">
        <KindIcon kind={e.entity.kind} size={12} /> {e.entity.name}
      </span>
      {e.via && parent && (
        <span className="handout-node-via">
          {' '}
          – {parent} {e.via.label}
        </span>
      )}
      {node.children.length > 0 && (
        <ul>
          {node.children.map((c) => (
            <OrgBranch key={c.entry.entity.id} node={c} parent={e.entity.name} />
          ))}
        </ul>
      )}
    </li>
  );
}

function PrinterIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      <path d="M4 6V1.5h8V6M4 11.5H2.5v-5h11v5H12M4 9.5h8v5H4z" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
    </svg>
  );
}
