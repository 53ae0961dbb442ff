import { useCallback, useEffect, useMemo, useRef } from 'react';
import { errorCode } from '../../api/client.ts';
import { useVocabulary } from '../../api/vocabulary.ts';
import { formatDate, useApiLang, useT } from '../../i18n/use-t.ts';
import { closeTour, openTour, selectEntity } from '../../state/actions.ts';
import { useView } from '../../state/store.ts';
import { ProvisionQuote, Sources } from '../detail-panel/ProvisionQuote.tsx';
import { GlossaryText } from '../glossary/GlossaryText.tsx';
import type { CanvasController, Highlight } from '../graph-canvas/controller.ts';
import { toElements } from '../graph-canvas/elements.ts';
import { GraphCanvas } from '../graph-canvas/GraphCanvas.tsx';
import { buildStylesheet } from '../graph-canvas/stylesheet.ts';
import { ErrorNotice, Loading, QueryStatus } from '../status/ErrorNotice.tsx';
import { StatusBadge } from '../workshop/StatusBadge.tsx';
import { drawableHighlight, useStepGraph, useTours, useTourStep, type TourStep } from './tour-api.ts';
import '../graph-canvas/graph.css';
import './tours.css';

/** Guided tours: a list to choose from, or the tour being played. */
export function TourView() {
  const tour = useView((s) => s.tour);
  return tour ? <TourPlayer tourId={tour} /> : <TourList />;
}

function TourList() {
  const t = useT();
  const lang = useApiLang();
  const tours = useTours(lang);
  return (
    <section className="tour-list-view" aria-labelledby="tours-title" data-testid="tour-list">
      <header className="view-header">
        <div>
          <h2 id="tours-title">{t('toursHeading')}</h2>
          <p className="muted small">{t('toursIntro')}</p>
        </div>
      </header>
      <QueryStatus query={tours} />
      {tours.data && (
        <ol className="tour-cards">
          {tours.data.map((tour) => (
            <li key={tour.id} className="tour-card" data-tour-id={tour.id}>
              <span className="tour-card-number" aria-hidden="true">
                {tour.order}
              </span>
              <div className="tour-card-body">
                <h3>{tour.title}</h3>
                <p>{tour.summary}</p>
                <button type="button" className="button button-primary" onClick={() => openTour(tour.id)}>
                  {t('startTour')} <span className="muted-inverse">· {t('stepCount', { n: tour.stepCount })}</span>
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function TourPlayer({ tourId }: { tourId: string }) {
  const t = useT();
  const lang = useApiLang();
  const uiLang = useView((s) => s.lang);
  const number = useView((s) => s.step);
  const tour = useTourStep(tourId, number, lang);
  const step = tour.data?.step ?? null;
  const total = tour.data?.stepCount ?? 0;
  const heading = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef<number | null>(null);

  // A new step is announced: focus moves to its heading, unless this is the first render of a link.
  useEffect(() => {
    if (!step) return;
    if (shownStep.current !== null && shownStep.current !== step.number) heading.current?.focus();
    shownStep.current = step.number;
  }, [step]);

  const go = (n: number) => openTour(tourId, n);
  const onKeyDown = (event: React.KeyboardEvent) => {
    // Page Up / Page Down move through the steps from anywhere in the panel; the arrow keys stay with what has focus.
    if (event.key === 'PageDown' && step && step.number < total) {
      event.preventDefault();
      go(step.number + 1);
    } else if (event.key === 'PageUp' && step && step.number > 1) {
      event.preventDefault();
      go(step.number - 1);
    }
  };

  // A link to a tour the data does not have ends in words and the tours it does have, not in a spinner.
  if (tour.error && errorCode(tour.error) === 'NOT_FOUND') {
    return (
      <div className="tour-not-found" data-testid="tour-not-found">
        <p className="notice notice-error" role="alert">
          {t('tourNotFound', { id: tourId })}
        </p>
        <TourList />
      </div>
    );
  }

  const workshopCards = step?.focus.filter((f) => f.kind === 'WORKSHOP_QUESTION') ?? [];
  const documents = step?.focus.filter((f) => f.kind === 'SOURCE_DOCUMENT') ?? [];

  return (
    <section className="tour-view" aria-label={t('toursHeading')} data-testid="tour-player" data-tour-id={tourId} data-step={step?.number ?? ''}>
      <div className="tour-panel" onKeyDown={onKeyDown}>
        <div className="tour-panel-head">
          <button type="button" className="link-button tour-back" onClick={closeTour}>
            ← {t('allTours')}
          </button>
          {tour.data && <p className="tour-name">{tour.data.title}</p>}
        </div>
        <QueryStatus query={tour} />
        {tour.data && !step && (
          <div className="tour-missing">
            <p>{t('noSuchStep', { n: number, total })}</p>
            <button type="button" className="button" onClick={() => go(1)}>
              {t('toFirstStep')}
            </button>
          </div>
        )}
        {step && (
          <>
            <nav className="tour-progress" aria-label={t('tourSteps')}>
              <ol>
                {Array.from({ length: total }, (_, i) => i + 1).map((n) => (
                  <li key={n}>
                    <button
                      type="button"
                      className="tour-dot"
                      aria-current={n === step.number ? 'step' : undefined}
                      aria-label={t('goToStep', { n })}
                      onClick={() => go(n)}
                      data-done={n < step.number ? 'true' : undefined}
                    />
                  </li>
                ))}
              </ol>
              <span className="tour-counter" data-testid="tour-counter">
                {t('stepOf', { n: step.number, total })}
              </span>
            </nav>
            <article className="tour-step" aria-live="polite">
              <h2 ref={heading} tabIndex={-1} data-testid="tour-step-title">
                {step.title}
              </h2>
              {step.dated && (
                <p className="tour-date" data-testid="tour-date">
                  <CalendarIcon /> {t('tourDate', { date: formatDate(step.asOf, uiLang) })}
                </p>
              )}
              <p className="tour-text" data-testid="tour-text">
                <GlossaryText text={step.text} matches={step.terms} />
              </p>
              {step.route?.path && (
                <p className="tour-route" data-testid="tour-route">
                  <span className="tour-label">{t('route')}</span> {step.route.path.explanation}
                </p>
              )}
              {workshopCards.length > 0 && (
                <ul className="tour-cards-small" aria-label={t('workshopQuestions')}>
                  {workshopCards.map((q) => (
                    <li key={q.id} className="tour-question">
                      {q.status && <StatusBadge status={q.status} label={q.statusLabel ?? q.status} />}
                      <span>{q.name}</span>
                    </li>
                  ))}
                </ul>
              )}
              {documents.map((d) => (
                <p key={d.id} className="tour-document">
                  <span className="tour-label">{t('document')}</span> {d.name}
                </p>
              ))}
              {step.provisions.length > 0 && (
                <section className="tour-provisions" aria-label={t('provisions')}>
                  <h3>{t('provisionsCited')}</h3>
                  {step.provisions.map((p) => (
                    <ProvisionQuote key={p.id} provision={p} />
                  ))}
                </section>
              )}
              <Sources sources={step.sources} />
            </article>
            <div className="tour-nav">
              <button type="button" className="button" disabled={step.number <= 1} onClick={() => go(step.number - 1)} data-testid="tour-prev">
                ← {t('previous')}
              </button>
              {step.number < total ? (
                <button type="button" className="button button-primary" onClick={() => go(step.number + 1)} data-testid="tour-next">
                  {t('next')} →
                </button>
              ) : (
                <button type="button" className="button button-primary" onClick={closeTour} data-testid="tour-finish">
                  {t('finishTour')}
                </button>
              )}
            </div>
            {step.number === total && (
              <p className="tour-done" data-testid="tour-done">
                {t('tourDone')}
              </p>
            )}
          </>
        )}
      </div>
      <TourCanvas step={step} />
    </section>
  );
}

/** The graph at the step's date and families, the step's subgraph lit and the rest dimmed. */
function TourCanvas({ step }: { step: TourStep | null }) {
  const t = useT();
  const lang = useApiLang();
  const vocabulary = useVocabulary(lang);
  const graph = useStepGraph(step, lang);
  const controller = useRef<CanvasController | null>(null);
  const stylesheet = useMemo(() => (vocabulary.data ? buildStylesheet(vocabulary.data) : null), [vocabulary.data]);
  const elements = useMemo(() => (graph.subgraph && vocabulary.data ? toElements(graph.subgraph, vocabulary.data) : null), [graph.subgraph, vocabulary.data]);
  const lit = useMemo(() => (step ? drawableHighlight(step.highlight) : null), [step]);
  const highlight: Highlight = useMemo(
    () => ({
      selectedNode: null,
      selectedEdge: null,
      path: null,
      fresh: [],
      spotlight: lit ? { nodes: lit.nodes.map((n) => n.id), edges: lit.edges.map((e) => e.id) } : null,
    }),
    [lit],
  );
  const handlers = useMemo(() => ({ onSelectNode: (id: string) => selectEntity(id), onSelectEdge: () => {}, onClear: () => {}, onHover: () => {} }), []);
  const onReady = useCallback((c: CanvasController | null) => {
    controller.current = c;
    window.styrgrafCanvas = c?.cy ?? null;
  }, []);
  const litKey = lit ? [...lit.nodes.map((n) => n.id), ...lit.edges.map((e) => e.id)].join(' ') : '';
  const fitLit = useCallback(() => {
    if (litKey) controller.current?.fitTo(litKey.split(' '));
  }, [litKey]);
  useEffect(() => fitLit(), [fitLit, elements]);

  const error = vocabulary.error ?? graph.error;
  return (
    <div className="canvas-wrap tour-canvas">
      {stylesheet && elements && (
        <GraphCanvas
          elements={elements}
          stylesheet={stylesheet}
          layout="hierarchy"
          highlight={highlight}
          handlers={handlers}
          label={t('tourGraphLabel')}
          onReady={onReady}
          onDrawn={fitLit}
        />
      )}
      {!error && !elements && step && (
        <div className="canvas-overlay">
          <Loading label={t('loadingGraph')} />
        </div>
      )}
      {error && (
        <div className="canvas-overlay">
          <ErrorNotice error={error} onRetry={() => void graph.refetch()} />
        </div>
      )}
      {lit && (
        <p className="canvas-status" data-testid="tour-lit">
          {t('tourLit', { n: lit.nodes.length })}
        </p>
      )}
    </div>
  );
}

function CalendarIcon() {
  return (
    <svg width="15" height="15" viewBox="0 0 16 16" aria-hidden="true">
      <rect x="2" y="3" width="12" height="11" rx="2" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M2 6.5h12M5 1.5v3M11 1.5v3" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}
