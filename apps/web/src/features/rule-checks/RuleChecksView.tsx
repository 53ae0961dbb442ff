import { useState } from 'react';
import { GRAPH_KINDS, type EntityRef } from '../../api/types.ts';
import { formatDate, useApiLang, useT } from '../../i18n/use-t.ts';
import { selectEntity, selectRelation, showInGraph } from '../../state/actions.ts';
import { useView } from '../../state/store.ts';
import { EvidenceMark } from '../evidence/EvidenceMark.tsx';
import { KindIcon } from '../legend/KindIcon.tsx';
import { QueryStatus } from '../status/ErrorNotice.tsx';
import { StatusSummary } from '../report/StatusSummary.tsx';
import { todayInSweden } from '@styrgraf/text/dates';
import {
  countByStatus,
  provisionLabel,
  RULE_STATUSES,
  useRuleChecks,
  type RuleCheck,
  type RuleFinding,
  type RuleProvision,
  type RuleStatus,
} from './rule-checks-api.ts';
import { RULE_TONE, RuleStatusBadge, RuleStatusIcon } from './RuleStatusBadge.tsx';
import './rule-checks.css';

export const RULE_STATUS_KEY = { PASS: 'checksPass', WARN: 'checksWarn', FAIL: 'checksFail' } as const;

/**
 * Kontroller: the governance rules run over the organisation as of the date
 * shown, each PASS, WARN or FAIL with what it found, the entities (a click
 * shows them in the graph), the relations and the provisions involved. What
 * the validator lets through but the law or the instruction questions.
 */
export function RuleChecksView() {
  const t = useT();
  const lang = useApiLang();
  const uiLang = useView((s) => s.lang);
  const date = useView((s) => s.date);
  const checks = useRuleChecks(date, lang);
  const [only, setOnly] = useState<RuleStatus | null>(null);
  const shown = checks.data?.filter((c) => !only || c.status === only) ?? [];

  return (
    <section className="checks-view report-view" aria-labelledby="checks-title" data-testid="checks-view">
      <header className="view-header">
        <div>
          <h2 id="checks-title">{t('checksHeading')}</h2>
          <p className="muted small">{t('checksIntro', { date: formatDate(date ?? todayInSweden(), uiLang) })}</p>
        </div>
      </header>
      <QueryStatus query={checks} />
      {checks.data && (
        <>
          <ChecksSummary checks={checks.data} only={only} onPick={(s) => setOnly(only === s ? null : s)} />
          <ol className="checks-list">
            {shown.map((check) => (
              <RuleCheckItem key={check.id} check={check} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

/** How many rules passed, warned and failed; a tile shows only those. */
export function ChecksSummary({ checks, only, onPick }: { checks: readonly RuleCheck[]; only?: RuleStatus | null; onPick?: (status: RuleStatus) => void }) {
  const t = useT();
  const counts = countByStatus(checks);
  return (
    <StatusSummary
      report="checks"
      statuses={RULE_STATUSES}
      count={(s) => counts[s]}
      tone={RULE_TONE}
      badge={(s) => <RuleStatusBadge status={s} label={t(RULE_STATUS_KEY[s])} />}
      tileClass={(s) => `tile-rule-${s.toLowerCase()}`}
      countTestId={(s) => `checks-count-${s}`}
      label={t('checksSummary')}
      total={t('checksTotal', { n: checks.length })}
      pickTitle={t('checksOnly')}
      only={only}
      onPick={onPick}
    />
  );
}

function RuleCheckItem({ check }: { check: RuleCheck }) {
  const t = useT();
  const titleId = `check-${check.id}`;
  return (
    <li className={`rule-check rule-check-${check.status.toLowerCase()}`} data-check-id={check.id} data-status={check.status}>
      <article aria-labelledby={titleId}>
        <header className="rule-check-head">
          <RuleStatusBadge status={check.status} label={check.statusLabel} />
          <h3 id={titleId}>{check.title}</h3>
        </header>
        <p className="rule-check-summary" data-testid="check-summary">
          {check.summary}
        </p>
        <p className="rule-check-description">{check.description}</p>
        {check.provisions.length > 0 && <Provisions label={t('checksRestsOn')} provisions={check.provisions} />}
        {check.findings.length > 0 && (
          <details className="rule-findings" open={check.status === 'FAIL'}>
            <summary data-testid="findings-toggle">{t('checksFindings', { n: check.findings.length })}</summary>
            <ol>
              {check.findings.map((f, i) => (
                <Finding key={i} finding={f} />
              ))}
            </ol>
          </details>
        )}
      </article>
    </li>
  );
}

function Finding({ finding: f }: { finding: RuleFinding }) {
  const t = useT();
  return (
    <li className={`rule-finding rule-finding-${f.status.toLowerCase()}`} data-testid="finding" data-status={f.status}>
      <p className="rule-finding-message">
        <RuleStatusIcon status={f.status} />
        <span>{f.message}</span>
      </p>
      {f.entities.length > 0 && (
        <div className="rule-finding-row">
          <span className="rule-finding-label">{t('checksEntities')}</span>
          <ul className="rule-chips">
            {f.entities.map((e) => (
              <li key={e.id}>
                <EntityInGraph entity={e} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {f.relations.length > 0 && (
        <div className="rule-finding-row">
          <span className="rule-finding-label">{t('checksRelations')}</span>
          <ul className="rule-relations">
            {f.relations.map((r) => (
              <li key={r.id}>
                <button type="button" className="link-button" onClick={() => selectRelation(r.id, r.from.id)} data-relation-id={r.id}>
                  {r.sentence}
                </button>{' '}
                <EvidenceMark evidence={r.evidence} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {f.provisions.length > 0 && <Provisions label={t('checksProvisions')} provisions={f.provisions} />}
    </li>
  );
}

/** An entity a finding names: in the graph (selected and centred) when the graph draws its kind, else in the detail panel. */
function EntityInGraph({ entity }: { entity: EntityRef }) {
  const t = useT();
  const drawn = GRAPH_KINDS.includes(entity.kind);
  return (
    <button
      type="button"
      className="button button-small rule-entity"
      onClick={() => (drawn ? showInGraph(entity.id) : selectEntity(entity.id))}
      data-entity-id={entity.id}
    >
      <KindIcon kind={entity.kind} size={14} /> <span lang="sv">{entity.name}</span>
      {drawn && <span className="visually-hidden"> – {t('checksShowInGraph')}</span>}
    </button>
  );
}

function Provisions({ label, provisions }: { label: string; provisions: readonly RuleProvision[] }) {
  return (
    <div className="rule-finding-row">
      <span className="rule-finding-label">{label}</span>
      <ul className="rule-chips">
        {provisions.map((p) => (
          <li key={p.id}>
            <button type="button" className="link-button rule-provision" onClick={() => selectEntity(p.id)} data-provision-id={p.id} title={p.name}>
              {provisionLabel(p)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
