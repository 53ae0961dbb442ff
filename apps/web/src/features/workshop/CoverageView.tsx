import { useState } from 'react';
import { useApiLang, useT } from '../../i18n/use-t.ts';
import { ProvisionQuote } from '../detail-panel/ProvisionQuote.tsx';
import { GlossaryText } from '../glossary/GlossaryText.tsx';
import { StatusSummary } from '../report/StatusSummary.tsx';
import { QueryStatus } from '../status/ErrorNotice.tsx';
import { COVERAGE_STATUSES, countOf, useCoverage, type CoverageStatus, type WorkshopCoverage, type WorkshopQuestion } from './coverage-api.ts';
import { COVERAGE_TONE, StatusBadge } from './StatusBadge.tsx';
import './coverage.css';

export const STATUS_KEY = { ANSWERED: 'statusAnswered', PARTLY: 'statusPartly', OPEN: 'statusOpen' } as const;

/** The workshop checklist against the instruction: what it settles, what it half settles, what it leaves open, and why. */
export function CoverageView() {
  const t = useT();
  const lang = useApiLang();
  const coverage = useCoverage(lang);
  const [only, setOnly] = useState<CoverageStatus | null>(null);

  return (
    <section className="coverage-view report-view" aria-labelledby="coverage-title" data-testid="coverage-view">
      <header className="view-header">
        <div>
          <h2 id="coverage-title">{t('coverageHeading')}</h2>
          <p className="muted small">{t('coverageIntro')}</p>
        </div>
      </header>
      <QueryStatus query={coverage} />
      {coverage.data && (
        <>
          <CoverageSummary coverage={coverage.data} only={only} onPick={(s) => setOnly(only === s ? null : s)} />
          {coverage.data.sections.map((section) => {
            const questions = section.questions.filter((q) => !only || q.status === only);
            if (questions.length === 0) return null;
            return (
              <section key={section.name} className="coverage-section" aria-labelledby={`cov-${section.name}`} data-section={section.name}>
                <h3 id={`cov-${section.name}`}>
                  {section.name}
                  <span className="coverage-section-counts">
                    {COVERAGE_STATUSES.map((s) => `${countOf(section, s)} ${t(STATUS_KEY[s]).toLowerCase()}`).join(' · ')}
                  </span>
                </h3>
                <ol className="coverage-questions">
                  {questions.map((q) => (
                    <CoverageQuestion key={q.id} question={q} />
                  ))}
                </ol>
              </section>
            );
          })}
        </>
      )}
    </section>
  );
}

/** How many workshop questions the instruction answers, partly answers and leaves open; a tile shows only those. */
export function CoverageSummary({
  coverage,
  only,
  onPick,
}: {
  coverage: WorkshopCoverage;
  only?: CoverageStatus | null;
  onPick?: (status: CoverageStatus) => void;
}) {
  const t = useT();
  return (
    <StatusSummary
      report="coverage"
      statuses={COVERAGE_STATUSES}
      count={(s) => countOf(coverage, s)}
      tone={COVERAGE_TONE}
      badge={(s) => <StatusBadge status={s} label={t(STATUS_KEY[s])} />}
      tileClass={(s) => `tile-${s.toLowerCase()}`}
      countTestId={(s) => `count-${s}`}
      label={t('coverageSummary')}
      total={t('coverageTotal', { n: coverage.total })}
      pickTitle={t('coverageOnly')}
      only={only}
      onPick={onPick}
    />
  );
}

function CoverageQuestion({ question }: { question: WorkshopQuestion }) {
  const t = useT();
  return (
    <li className={`coverage-question q-${question.status.toLowerCase()}`} data-question-id={question.id} data-status={question.status}>
      <div className="coverage-question-head">
        <StatusBadge status={question.status} label={question.statusLabel} />
        <span className="coverage-question-text">{question.name}</span>
      </div>
      <p className="coverage-reason">
        <GlossaryText text={question.reason} />
      </p>
      {question.provisions.length > 0 && (
        <details className="coverage-provisions">
          <summary>{t('answeredBy', { n: question.provisions.length, list: question.provisions.map((p) => p.name).join(', ') })}</summary>
          {question.provisions.map((p) => (
            <ProvisionQuote key={p.id} provision={p} />
          ))}
        </details>
      )}
    </li>
  );
}
