import { useEffect, useReducer, useRef, useState } from 'react';
import { useApiLang, useT } from '../../i18n/use-t.ts';
import { leaveQuiz, setQuizTopics, startQuiz } from '../../state/actions.ts';
import { useView } from '../../state/store.ts';
import { MAX_QUIZ_SEED, type QuizTopic } from '../../state/view-state.ts';
import { ProvisionQuote } from '../detail-panel/ProvisionQuote.tsx';
import { GlossaryText } from '../glossary/GlossaryText.tsx';
import { ErrorNotice, Loading, QueryStatus } from '../status/ErrorNotice.tsx';
import { finished, progress, resultFor, score, START } from './progress.ts';
import { checkAnswer, useQuiz, useQuizTopics, type Quiz } from './quiz-api.ts';
import './quiz.css';

/** The quiz: pick topics and start, or play the quiz the link's seed draws. */
export function QuizView() {
  const seed = useView((s) => s.quizSeed);
  const topics = useView((s) => s.quizTopics);
  const lang = useView((s) => s.lang);
  return (
    <section className="quiz-view" data-testid="quiz-view">
      {seed === null ? <QuizStart topics={topics} /> : <QuizPlayer key={`${seed}|${[...topics].sort().join(',')}|${lang}`} seed={seed} topics={topics} />}
    </section>
  );
}

function QuizStart({ topics }: { topics: QuizTopic[] }) {
  const t = useT();
  const lang = useApiLang();
  const info = useQuizTopics(lang);
  const [seedText, setSeedText] = useState('');
  const chosen = new Set(topics);
  const available = info.data ? info.data.filter((i) => chosen.size === 0 || chosen.has(i.topic)).reduce((n, i) => n + i.questionCount, 0) : 0;
  const seed = seedText.trim() === '' ? undefined : Number(seedText);
  const seedValid = seed === undefined || (Number.isInteger(seed) && seed >= 0 && seed <= MAX_QUIZ_SEED);
  const toggle = (topic: QuizTopic) => setQuizTopics(chosen.has(topic) ? topics.filter((x) => x !== topic) : [...topics, topic]);

  return (
    <div className="quiz-start">
      <header className="quiz-header">
        <h2>{t('quizHeading')}</h2>
        <p className="muted">{t('quizIntro')}</p>
      </header>
      <QueryStatus query={info} />
      {info.data && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (seedValid && available > 0) startQuiz(seed);
          }}
        >
          <fieldset className="quiz-topics">
            <legend>
              {t('quizTopics')} <span className="muted small">{t('quizTopicsHelp')}</span>
            </legend>
            <ul>
              {info.data.map((i) => (
                <li key={i.topic}>
                  <label className="quiz-topic" data-topic={i.topic}>
                    <input type="checkbox" checked={chosen.has(i.topic)} onChange={() => toggle(i.topic)} />
                    <span className="quiz-topic-text">
                      <span className="quiz-topic-label">{i.label}</span>
                      <span className="quiz-topic-description">{i.description}</span>
                    </span>
                    <span className="quiz-topic-count" aria-label={t('questionCount', { n: i.questionCount })}>
                      {i.questionCount}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <div className="quiz-start-actions">
            <label className="quiz-seed">
              <span>{t('quizSeed')}</span>
              <input
                type="text"
                inputMode="numeric"
                value={seedText}
                onChange={(e) => setSeedText(e.target.value)}
                placeholder={t('quizSeedPlaceholder')}
                aria-invalid={!seedValid}
              />
            </label>
            <button type="submit" className="button button-primary button-large" disabled={!seedValid || available === 0} data-testid="quiz-start">
              {t('startQuiz')}
            </button>
            <span className="muted small">{t('quizLength', { n: Math.min(available, 10), available })}</span>
          </div>
        </form>
      )}
    </div>
  );
}

function QuizPlayer({ seed, topics }: { seed: number; topics: QuizTopic[] }) {
  const t = useT();
  const lang = useApiLang();
  const quiz = useQuiz(seed, topics, lang);
  const [state, dispatch] = useReducer(progress, START);
  const [checking, setChecking] = useState<string | null>(null);
  const [checkError, setCheckError] = useState<unknown>(null);
  const feedback = useRef<HTMLDivElement>(null);

  if (quiz.isPending) return <Loading label={t('loading')} />;
  if (quiz.error) return <ErrorNotice error={quiz.error} onRetry={() => void quiz.refetch()} />;
  const data: Quiz = quiz.data;
  const total = data.questions.length;
  const answered = state.results.length;

  if (finished(state, total)) return <QuizEnd quiz={data} right={score(state)} />;
  const question = data.questions[state.index]!;
  const result = resultFor(state, question.id);

  const choose = (optionId: string) => {
    if (result || checking) return;
    setChecking(optionId);
    setCheckError(null);
    checkAnswer(question.id, optionId, lang, data.asOf)
      .then((r) => {
        dispatch({ type: 'answered', result: r });
        requestAnimationFrame(() => feedback.current?.focus());
      })
      .catch(setCheckError)
      .finally(() => setChecking(null));
  };

  return (
    <div className="quiz-player" data-question-id={question.id}>
      <div className="quiz-bar">
        <span className="quiz-counter" data-testid="quiz-counter">
          {t('questionOf', { n: state.index + 1, total })}
        </span>
        <div className="quiz-meter" aria-hidden="true">
          <span style={{ width: `${(100 * answered) / total}%` }} />
        </div>
        <span className="quiz-score" data-testid="quiz-score" aria-live="polite">
          {t('scoreRunning', { right: score(state), answered })}
        </span>
      </div>
      <article className="quiz-question">
        <p className="quiz-topic-tag">{question.topicLabel}</p>
        <h2 data-testid="quiz-prompt">{question.prompt}</h2>
        <ul className="quiz-options" aria-label={t('options')}>
          {question.options.map((o) => {
            const isChosen = result?.chosen.id === o.id;
            const isRight = result?.answer.option.id === o.id;
            const mark = result ? (isRight ? 'right' : isChosen ? 'wrong' : 'other') : undefined;
            return (
              <li key={o.id}>
                <button
                  type="button"
                  className="quiz-option"
                  data-option-id={o.id}
                  data-mark={mark}
                  aria-pressed={isChosen}
                  disabled={!!result || !!checking}
                  onClick={() => choose(o.id)}
                >
                  <span className="quiz-option-mark" aria-hidden="true">
                    {mark === 'right' ? '✓' : mark === 'wrong' ? '✗' : ''}
                  </span>
                  <span>{o.text}</span>
                  {mark === 'right' && <span className="visually-hidden"> – {t('rightAnswer')}</span>}
                  {mark === 'wrong' && <span className="visually-hidden"> – {t('yourWrongAnswer')}</span>}
                </button>
              </li>
            );
          })}
        </ul>
        {checking && <Loading label={t('checking')} />}
        {checkError !== null && <ErrorNotice error={checkError} compact />}
        {result && (
          <div
            className={`quiz-feedback ${result.correct ? 'is-right' : 'is-wrong'}`}
            ref={feedback}
            tabIndex={-1}
            data-testid="quiz-feedback"
            data-correct={result.correct}
          >
            <p className="quiz-verdict">{result.correct ? t('correct') : t('wrong', { answer: result.answer.option.text })}</p>
            {!result.correct && result.chosen.feedback && <p className="quiz-chosen-feedback">{result.chosen.feedback}</p>}
            <p className="quiz-explanation" data-testid="quiz-explanation">
              <GlossaryText text={result.answer.explanation} />
            </p>
            {result.answer.provisions.map((p) => (
              <ProvisionQuote key={p.id} provision={p} />
            ))}
            <button type="button" className="button button-primary" onClick={() => dispatch({ type: 'next' })} data-testid="quiz-next">
              {state.index + 1 < total ? `${t('nextQuestion')} →` : t('seeResult')}
            </button>
          </div>
        )}
      </article>
    </div>
  );
}

function QuizEnd({ quiz, right }: { quiz: Quiz; right: number }) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const total = quiz.questions.length;
  const share = typeof window === 'undefined' ? '' : window.location.href;
  return (
    <div className="quiz-end" data-testid="quiz-end">
      <h2 ref={heading} tabIndex={-1}>
        {t('quizDone')}
      </h2>
      <p className="quiz-final" data-testid="quiz-final">
        {t('finalScore', { right, total })}
      </p>
      <p className="muted">{right === total ? t('verdictAll') : right * 2 >= total ? t('verdictGood') : t('verdictTry')}</p>
      <p className="muted small">
        {t('quizShare', { seed: quiz.seed })} <code className="quiz-link">{share}</code>
      </p>
      <div className="quiz-end-actions">
        <button type="button" className="button button-primary button-large" onClick={() => startQuiz()} data-testid="quiz-new">
          {t('newQuiz')}
        </button>
        <button type="button" className="button" onClick={leaveQuiz}>
          {t('changeTopics')}
        </button>
      </div>
    </div>
  );
}
