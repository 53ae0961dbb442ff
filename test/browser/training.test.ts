import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { artifacts, drawn, openPage, pdfText, shot } from './harness.ts';
import { browserSuite, type SuiteContext } from './guard.ts';

/**
 * Training mode in real headless Chromium against the real server: a guided
 * tour played to the end and opened from a link, a quiz answered right and
 * wrong, the workshop coverage, the printed handout (as a PDF, read back) and
 * the glossary explanations. Every expectation is the API's own answer.
 */
browserSuite('training mode in Chromium', suite);

const GRAPH_KINDS = ['POLITICAL_BODY', 'ROLE', 'UNIT', 'COMPANY', 'ORGANISATION', 'DECISION_AREA'];

interface ApiStep {
  number: number;
  title: string;
  text: string;
  asOf: string;
  dated: boolean;
  highlight: { nodes: { id: string; kind: string }[]; edges: { id: string; from: { id: string }; to: { id: string } }[] };
}

function suite(ctx: SuiteContext) {
  const { api } = ctx;

  const tourSteps = (id: string) =>
    api<{ tour: { stepCount: number; steps: ApiStep[] } }>(
      'query($id: ID!) { tour(id: $id) { stepCount steps { number title text asOf dated highlight { nodes { id kind } edges { id from { id } to { id } } } } } }',
      { id },
    ).then((d) => d.tour);

  /** What the canvas should light at a step: the API's highlight, less documents and workshop questions (shown as cards, not drawn). */
  const expectedLit = (step: ApiStep) => {
    const nodes = step.highlight.nodes.filter((n) => GRAPH_KINDS.includes(n.kind)).map((n) => n.id);
    const edges = step.highlight.edges.filter((e) => nodes.includes(e.from.id) && nodes.includes(e.to.id)).map((e) => e.id);
    return { nodes: nodes.sort(), edges: edges.sort() };
  };
  const litOnCanvas = (page: Page) =>
    page.evaluate(() => {
      const cy = window.styrgrafCanvas!;
      return {
        nodes: cy
          .nodes('.spotlight')
          .map((n) => n.id())
          .sort(),
        edges: cy
          .edges('.spotlight')
          .map((e) => e.id())
          .sort(),
        dimmed: cy.elements('.dim').length,
        total: cy.elements().length,
      };
    });
  const waitForStep = async (page: Page, n: number, total: number) => {
    await page
      .getByTestId('tour-counter')
      .filter({ hasText: `Steg ${n} av ${total}` })
      .waitFor();
    await drawn(page);
  };

  describe('training mode in Chromium', () => {
    it('plays a guided tour to the end with the keyboard, lighting what the API highlights at each step', async () => {
      const tourId = 'vem-bestammer-om-kontorscheferna';
      const tour = await tourSteps(tourId);
      const { page, errors, close } = await openPage(ctx.world, '?view=tours');
      try {
        await page.getByRole('button', { name: 'Guidade turer' }).and(page.locator('[aria-current="page"]')).waitFor();
        await shot(page, 'training-01-tour-list');
        await page
          .locator(`[data-tour-id="${tourId}"]`)
          .getByRole('button', { name: /Starta turen/ })
          .click();
        await page.waitForURL(new RegExp(`view=tours&tour=${tourId}$`));
        for (const step of tour.steps) {
          await waitForStep(page, step.number, tour.stepCount);
          await expect(page.getByTestId('tour-step-title').textContent()).resolves.toBe(step.title);
          // Glossary terms are marked inside the text (their hidden explanations are not part of what is read), so compare the rendered words.
          await expect(page.getByTestId('tour-text').innerText()).resolves.toBe(step.text);
          await page.waitForFunction(() => window.styrgrafCanvas!.elements('.spotlight').length > 0);
          const lit = await litOnCanvas(page);
          const want = expectedLit(step);
          expect(lit.nodes, `step ${step.number}`).toEqual(want.nodes);
          expect(lit.edges, `step ${step.number}`).toEqual(want.edges);
          expect(lit.dimmed, 'the rest of the graph is dimmed').toBe(lit.total - want.nodes.length - want.edges.length);
          if (step.number === 3) await shot(page, 'training-02-tour-step-heard');
          if (step.number < tour.stepCount) {
            // The keyboard alone moves on: focus the Next button and press Enter.
            await page.getByTestId('tour-next').focus();
            await page.keyboard.press('Enter');
            await page.waitForURL(new RegExp(`step=${step.number + 1}$`));
          }
        }
        await expect(page.getByTestId('tour-done').isVisible()).resolves.toBe(true);
        await expect(page.getByTestId('tour-next').count()).resolves.toBe(0);
        // Back goes one step back; so does the browser's Back button.
        await page.getByTestId('tour-prev').click();
        await waitForStep(page, tour.stepCount - 1, tour.stepCount);
        await page.goBack();
        await waitForStep(page, tour.stepCount, tour.stepCount);
        await page.getByTestId('tour-finish').click();
        await page.getByTestId('tour-list').waitFor();
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });

    it('a link to a dated step restores that step, its date and its highlight, also after a reload', async () => {
      const tourId = 'fran-fullmaktige-till-kontoren';
      const tour = await tourSteps(tourId);
      const step = tour.steps.find((s) => s.dated)!;
      expect(step, 'the tour has a step with a date of its own').toBeDefined();
      const { page, errors, close } = await openPage(ctx.world, `?view=tours&tour=${tourId}&step=${step.number}`);
      try {
        for (const round of ['link', 'reload']) {
          await waitForStep(page, step.number, tour.stepCount);
          await expect(page.getByTestId('tour-step-title').textContent(), round).resolves.toBe(step.title);
          const [y, m, d] = step.asOf.split('-').map(Number);
          const date = new Date(Date.UTC(y!, m! - 1, d)).toLocaleDateString('sv-SE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
          await expect(page.getByTestId('tour-date').textContent(), round).resolves.toContain(date);
          await page.waitForFunction(() => window.styrgrafCanvas!.elements('.spotlight').length > 0);
          const lit = await litOnCanvas(page);
          expect(lit.nodes, round).toEqual(expectedLit(step).nodes);
          // The graph is the organisation on the step's date: the same nodes the API draws then.
          const { graph } = await api<{ graph: { nodes: { id: string }[] } }>('query($d: Date) { graph(asOf: $d) { nodes { id } } }', { d: step.asOf });
          const onCanvas = await page.evaluate(() => window.styrgrafCanvas!.nodes().map((n) => n.id()));
          expect(
            onCanvas.every((id) => graph.nodes.some((n) => n.id === id)),
            round,
          ).toBe(true);
          if (round === 'link') {
            await shot(page, 'training-03-tour-dated-step');
            await page.reload();
          }
        }
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });

    it('glossary terms in a tour step explain themselves on hover and on keyboard focus, in Swedish and English', async () => {
      const { glossaryTerm } = await api<{ glossaryTerm: { id: string; definition: string; definitionEn: string; names: { en: string } } }>(
        '{ glossaryTerm(word: "höra") { id names { en } definition definitionEn: definition(lang: EN) } }',
      );
      expect(glossaryTerm.id).toBe('term-horande');
      const { page, close } = await openPage(ctx.world, '?view=tours&tour=vem-bestammer-om-kontorscheferna&step=3');
      try {
        await waitForStep(page, 3, 8);
        const term = page.getByTestId('tour-text').locator('button.term[data-term-id="term-horande"]').first();
        const tip = page.locator(`[id="${await term.getAttribute('aria-describedby')}"]`);
        await expect(tip.isVisible()).resolves.toBe(false);
        await term.hover();
        await tip.waitFor({ state: 'visible' });
        await expect(tip.textContent()).resolves.toContain(glossaryTerm.definition);
        await expect(tip.textContent()).resolves.toContain(glossaryTerm.definitionEn);
        await expect(tip.getAttribute('role')).resolves.toBe('tooltip');
        await shot(page, 'training-04-glossary-hover');
        await page.mouse.move(5, 400);
        await tip.waitFor({ state: 'hidden' });
        // Keyboard: focus shows it, Escape hides it.
        await term.focus();
        await tip.waitFor({ state: 'visible' });
        await page.keyboard.press('Escape');
        await tip.waitFor({ state: 'hidden' });

        // The glossary view lists every term the API has.
        const { glossary } = await api<{ glossary: { id: string }[] }>('{ glossary { id } }');
        // At this width Ordlista may be a tab or under "Mer".
        const tab = page.getByRole('navigation', { name: 'Vyer' }).locator('.view-tab[data-view="glossary"]');
        if (await tab.count()) await tab.click();
        else {
          await page.getByTestId('more-views').click();
          await page.locator('#more-views button[data-view="glossary"]').click();
        }
        await page.getByTestId('glossary-view').locator('.glossary-entry').first().waitFor();
        await expect(page.getByTestId('glossary-view').locator('.glossary-entry').count()).resolves.toBe(glossary.length);
        await page.getByRole('searchbox', { name: 'Sök i ordlistan' }).fill('uppsikt');
        await expect(page.getByTestId('glossary-view').locator('.glossary-entry[data-term-id="term-uppsiktsplikt"]').isVisible()).resolves.toBe(true);
      } finally {
        await close();
      }
    });

    it('a quiz answered right and wrong shows the verdict, the explanation, the provision and a running score', async () => {
      const seed = 4242;
      const topics = ['DECISION', 'HEARING'];
      const { quiz } = await api<{
        quiz: {
          questions: {
            id: string;
            options: { id: string; text: string }[];
            answer: { option: { id: string; text: string }; explanation: string; provisions: { id: string }[] };
          }[];
        };
      }>(
        'query($s: Int!, $t: [QuizTopic!]) { quiz(seed: $s, count: 10, topics: $t) { questions { id options { id text } answer { option { id text } explanation provisions { id } } } } }',
        { s: seed, t: topics },
      );
      const { quizTopics } = await api<{ quizTopics: { topic: string; questionCount: number }[] }>('{ quizTopics { topic questionCount } }');
      const { page, errors, close } = await openPage(ctx.world, '?view=quiz');
      try {
        // The picker shows each topic with the number of questions it can give.
        for (const t of quizTopics)
          await expect(page.locator(`[data-topic="${t.topic}"] .quiz-topic-count`).textContent()).resolves.toBe(String(t.questionCount));
        await page.locator('[data-topic="DECISION"] input').check();
        await page.locator('[data-topic="HEARING"] input').check();
        await page.getByLabel('Quiznummer (valfritt)').fill(String(seed));
        await shot(page, 'training-05-quiz-start');
        await page.getByTestId('quiz-start').click();
        await page.waitForURL(/seed=4242/);
        expect(new URL(page.url()).searchParams.get('topics')!.split(',').sort()).toEqual(['decision', 'hearing']);

        const total = quiz.questions.length;
        let right = 0;
        for (const [i, q] of quiz.questions.entries()) {
          await page.locator(`.quiz-player[data-question-id="${q.id}"]`).waitFor();
          await expect(page.getByTestId('quiz-counter').textContent()).resolves.toBe(`Fråga ${i + 1} av ${total}`);
          // The page asks for no answers up front: every option is a plain button until one is chosen.
          expect(await page.locator('.quiz-option[data-mark]').count()).toBe(0);
          const answerRight = i !== 1;
          const pick = answerRight ? q.answer.option.id : q.options.find((o) => o.id !== q.answer.option.id)!.id;
          await page.locator(`.quiz-option[data-option-id="${pick}"]`).click();
          const feedback = page.getByTestId('quiz-feedback');
          await feedback.waitFor();
          await expect(feedback.getAttribute('data-correct')).resolves.toBe(String(answerRight));
          await expect(page.getByTestId('quiz-explanation').innerText()).resolves.toBe(q.answer.explanation);
          for (const p of q.answer.provisions) await expect(feedback.locator(`[data-provision-id="${p.id}"]`).count()).resolves.toBe(1);
          await expect(page.locator(`.quiz-option[data-option-id="${q.answer.option.id}"]`).getAttribute('data-mark')).resolves.toBe('right');
          if (!answerRight) {
            await expect(feedback.locator('.quiz-verdict').textContent()).resolves.toBe(`Inte rätt. Rätt svar: ${q.answer.option.text}.`);
            await expect(page.locator(`.quiz-option[data-option-id="${pick}"]`).getAttribute('data-mark')).resolves.toBe('wrong');
            await shot(page, 'training-06-quiz-wrong');
          } else {
            right++;
            await expect(feedback.locator('.quiz-verdict').textContent()).resolves.toBe('Rätt!');
            if (i === 0) await shot(page, 'training-07-quiz-right');
          }
          await expect(page.getByTestId('quiz-score').textContent()).resolves.toBe(`${right} rätt av ${i + 1}`);
          await page.getByTestId('quiz-next').click();
        }
        await page.getByTestId('quiz-end').waitFor();
        await expect(page.getByTestId('quiz-final').textContent()).resolves.toBe(`${total - 1} av ${total} rätt`);
        await shot(page, 'training-08-quiz-end');
        await page.getByTestId('quiz-new').click();
        await page.waitForURL((url) => url.searchParams.get('seed') !== String(seed) && url.searchParams.has('seed'));
        await page.getByTestId('quiz-counter').filter({ hasText: 'Fråga 1 av' }).waitFor();
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });

    it('the coverage view counts and marks every workshop question as the API grades it', async () => {
      const { workshopCoverage: cov } = await api<{
        workshopCoverage: {
          total: number;
          answered: number;
          partly: number;
          open: number;
          sections: { name: string; questions: { id: string; status: string; statusLabel: string }[] }[];
        };
      }>('{ workshopCoverage { total answered partly open sections { name questions { id status statusLabel } } } }');
      const { page, close } = await openPage(ctx.world, '');
      try {
        await page.getByRole('button', { name: 'Täckning' }).click();
        await page.waitForURL(/view=coverage/);
        const view = page.getByTestId('coverage-view');
        await view.locator('.coverage-question').first().waitFor();
        await expect(page.getByTestId('count-ANSWERED').textContent()).resolves.toBe(String(cov.answered));
        await expect(page.getByTestId('count-PARTLY').textContent()).resolves.toBe(String(cov.partly));
        await expect(page.getByTestId('count-OPEN').textContent()).resolves.toBe(String(cov.open));
        await expect(view.locator('.coverage-question').count()).resolves.toBe(cov.total);
        await expect(view.locator('.coverage-section').count()).resolves.toBe(cov.sections.length);
        for (const q of cov.sections.flatMap((s) => s.questions)) {
          const item = view.locator(`.coverage-question[data-question-id="${q.id}"]`);
          await expect(item.getAttribute('data-status')).resolves.toBe(q.status);
          // The status is written out, not only coloured.
          await expect(item.locator('.status-badge').textContent()).resolves.toContain(q.statusLabel);
        }
        await shot(page, 'training-09-coverage');
        await page.getByTestId('coverage-summary').getByRole('button', { name: /Öppen/ }).click();
        await expect(view.locator('.coverage-question').count()).resolves.toBe(cov.open);
      } finally {
        await close();
      }
    });

    it('the handout prints to A4 with the org chart, the decision table, the open questions and the glossary, without the screen chrome', async () => {
      const { workshopQuestions: open } = await api<{ workshopQuestions: { name: string }[] }>('{ workshopQuestions(status: OPEN) { name } }');
      const { decisionAreas } = await api<{ decisionAreas: { name: string }[] }>('{ decisionAreas { name } }');
      const { page, errors, close } = await openPage(ctx.world, '?view=handout');
      try {
        await page.locator('[data-testid="handout"][data-ready="true"]').waitFor();
        await shot(page, 'training-10-handout-screen');
        // The button prints the page.
        await page.evaluate(() => {
          (window as unknown as { printed: number }).printed = 0;
          window.print = () => void (window as unknown as { printed: number }).printed++;
        });
        await page.getByRole('button', { name: 'Skriv ut / Print' }).click();
        await expect(page.evaluate(() => (window as unknown as { printed: number }).printed)).resolves.toBe(1);

        const pdf = await page.pdf({ format: 'A4', printBackground: true });
        await writeFile(join(artifacts, 'handout.pdf'), pdf);
        const { pages, text, pageTexts } = await pdfText(new Uint8Array(pdf));
        expect(pages).toBeGreaterThan(1);
        expect(pages).toBeLessThanOrEqual(16);
        for (const words of ['Kommundirektör', 'Kommunfullmäktige', 'Samhällsbyggnadskontoret', 'Utbildningskontoret', 'Norrköping Rådhus AB', 'Uppsiktsplikt'])
          expect(text).toContain(words);
        for (const q of open) expect(text, q.name).toContain(q.name.replace(/\s+/g, ' '));
        for (const a of decisionAreas) expect(text, a.name).toContain(a.name);
        // The screen's chrome stays off paper: no top bar, no tabs, no print button.
        expect(text).not.toContain('Guidade turer');
        expect(text).not.toContain('Skriv ut / Print');
        // The org chart starts the handout; the decision table begins a page of its own.
        expect(pageTexts[0]).toContain('Kommundirektör');
        expect(pageTexts.findIndex((p) => p.includes('Vem beslutar om vad?'))).toBeGreaterThan(0);
        await page.emulateMedia({ media: 'print' });
        await shot(page, 'training-11-handout-print-media');
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });

    it('the decision matrix explains its role words on hover, and the detail panel its description', async () => {
      const { page, close } = await openPage(ctx.world, '?view=matrix');
      try {
        const term = page.locator('.role-legend button.term[data-term-id="term-horande"]').first();
        await term.waitFor();
        await term.hover();
        const tip = page.locator(`[id="${await term.getAttribute('aria-describedby')}"]`);
        await tip.waitFor({ state: 'visible' });
        await expect(tip.textContent()).resolves.toContain('Hörande');
        await shot(page, 'training-12-matrix-term');
      } finally {
        await close();
      }
    });
  });
}
