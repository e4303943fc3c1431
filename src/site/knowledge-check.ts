/**
 * Knowledge checks on module pages (see KnowledgeCheck.astro). Each attempt draws some of the
 * module's questions and orders their options from a seed kept with the reader's progress, so a
 * reload shows the same attempt and "Try again" a new one. The answer key is fetched only when the
 * reader checks an answer, so it is not in the page to be read before. The first answer to each
 * question is kept on this device and counts; at the end comes the score and what to read again.
 */
import type { CheckAttempt } from '../progress/schema.ts';
import { loadProgress, updateProgress } from '../progress/store.ts';
import { answerId, arrange, firstSeed, newSeed, scoreOf, scoreSentence, type AnswerKey, type Section } from './check-attempt.ts';
import { reportSave } from './save-status.ts';

for (const check of document.querySelectorAll<HTMLElement>('[data-check]')) setUpCheck(check);

function setUpCheck(check: HTMLElement): void {
  const moduleId = check.dataset.check!;
  const draw = Number(check.dataset.draw);
  const list = check.querySelector<HTMLElement>('[data-questions]')!;
  const forms = new Map([...check.querySelectorAll<HTMLFormElement>('form[data-question]')].map((form) => [form.dataset.question!, form]));
  const shapes = [...forms].map(([id, form]) => ({ id, options: form.querySelectorAll('[data-option]').length }));
  const sectionOf = new Map([...forms].map(([id, form]) => [id, form.dataset.section!]));
  // The sections the questions test, in the module's order, for "read again".
  const sections = JSON.parse(check.dataset.sections!) as Section[];
  const score = check.querySelector<HTMLElement>('[data-score]')!;

  let answerKey: Promise<AnswerKey> | undefined;
  const fetchAnswerKey = () =>
    (answerKey ??= fetch(check.dataset.keyUrl!).then((response) => {
      if (!response.ok) throw new Error(`${response.status}`);
      return response.json() as Promise<AnswerKey>;
    })).catch((error: unknown) => {
      answerKey = undefined; // Ask again next time rather than keep the failure.
      throw error;
    });

  /** Starts an attempt with a new seed, kept so that a reload shows the same one. */
  const begin = (): CheckAttempt => {
    const attempt = { seed: newSeed(), startedAt: new Date().toISOString() };
    updateProgress((progress) => ({ ...progress, checks: { ...progress.checks, [moduleId]: attempt } }));
    return attempt;
  };

  // A reader who has never tried the check gets the module's first attempt, the same on every
  // reload, and nothing is written until they answer: opening a page never writes progress (an
  // unreadable record must be left as it is, and its notice shown).
  const stored = loadProgress().progress.checks[moduleId];
  let attempt: CheckAttempt = stored ?? { seed: firstSeed(moduleId), startedAt: new Date().toISOString() };
  let attemptKept = stored !== undefined;
  let drawn: string[] = [];

  /** Whether each drawn question has been answered in this attempt, and how. */
  const answersNow = () => {
    const { answers } = loadProgress().progress;
    const correct = new Map<string, boolean>();
    for (const id of drawn) {
      const answer = answers[answerId(moduleId, id)];
      if (answer && answer.answeredAt >= attempt.startedAt) correct.set(id, answer.correct);
    }
    return correct;
  };

  const showScore = () => {
    const result = scoreOf(drawn, answersNow(), sectionOf, sections);
    score.hidden = result === undefined;
    if (!result) return;
    const readAgain = score.querySelector<HTMLElement>('[data-read-again]')!;
    if (result.readAgain.length === 0) {
      readAgain.replaceChildren(paragraph('Every answer was right. Try again for a different set of questions.'));
    } else {
      const links = document.createElement('ul');
      for (const section of result.readAgain) {
        const link = document.createElement('a');
        link.href = `#${section.slug}`;
        link.textContent = section.title;
        const item = document.createElement('li');
        item.append(link);
        links.append(item);
      }
      readAgain.replaceChildren(paragraph('To read again, for the questions you missed:'), links);
    }
    // Written after the score is shown, so that screen readers announce it.
    requestAnimationFrame(() => (score.querySelector<HTMLElement>('[data-score-sentence]')!.textContent = scoreSentence(result)));
  };

  /** Shows an answered question: the choice, locked, with its feedback. */
  const showAnswer = (form: HTMLFormElement, choice: number, key: AnswerKey[string]) => {
    const option = form.querySelector<HTMLInputElement>(`input[value="${choice}"]`);
    if (option) option.checked = true;
    lock(form, true);
    const correct = key.answer === choice;
    const verdict = document.createElement('strong');
    verdict.textContent = correct ? 'Correct.' : 'Not quite.';
    const text = paragraph('');
    text.className = correct ? 'outcome-positive' : 'outcome-negative';
    text.append(verdict, ` ${key.feedback[choice] ?? ''}`);
    form.querySelector<HTMLElement>('[data-feedback]')!.replaceChildren(text);
  };

  /** Lays out the attempt: its questions in order and numbered, each option where the seed puts it, earlier answers shown. */
  const show = () => {
    const arrangement = arrange(shapes, draw, attempt.seed);
    drawn = arrangement.questions.map((question) => question.id);
    for (const form of forms.values()) {
      form.hidden = true;
      form.reset();
      lock(form, false);
      form.querySelector<HTMLElement>('[data-feedback]')!.replaceChildren();
    }
    arrangement.questions.forEach(({ id, order }, i) => {
      const form = forms.get(id)!;
      const fieldset = form.querySelector('fieldset')!;
      for (const position of order) fieldset.append(fieldset.querySelector(`[data-option="${position}"]`)!);
      form.querySelector<HTMLElement>('[data-number]')!.textContent = `Question ${i + 1} of ${drawn.length}.`;
      list.append(form);
      form.hidden = false;
    });
    const { answers } = loadProgress().progress;
    const earlier = drawn.flatMap((id) => {
      const answer = answers[answerId(moduleId, id)];
      return answer && answer.answeredAt >= attempt.startedAt ? [{ id, choice: answer.choice }] : [];
    });
    for (const { id } of earlier) lock(forms.get(id)!, true);
    if (earlier.length > 0) {
      fetchAnswerKey()
        .then((key) => earlier.forEach(({ id, choice }) => key[id] && showAnswer(forms.get(id)!, choice, key[id])))
        .catch(() => earlier.forEach(({ id }) => unavailable(forms.get(id)!)));
    }
    showScore();
  };

  for (const [id, form] of forms) {
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const feedback = form.querySelector<HTMLElement>('[data-feedback]')!;
      const checked = form.querySelector<HTMLInputElement>('input[type=radio]:checked');
      if (!checked) {
        feedback.textContent = 'Choose an answer, then check it.';
        return;
      }
      const choice = Number(checked.value);
      lock(form, true);
      fetchAnswerKey()
        .then((key) => {
          const correct = key[id]!.answer === choice;
          const outcome = updateProgress((current) => ({
            ...current,
            ...(attemptKept ? {} : { checks: { ...current.checks, [moduleId]: attempt } }),
            answers: { ...current.answers, [answerId(moduleId, id)]: { choice, correct, answeredAt: new Date().toISOString() } },
          }));
          attemptKept = outcome.saved;
          showAnswer(form, choice, key[id]!);
          feedback.focus();
          // Only a failure is worth saying: a saved answer speaks for itself.
          reportSave(form.querySelector<HTMLElement>('[data-save-status]')!, outcome, '');
          showScore();
        })
        .catch(() => {
          lock(form, false);
          unavailable(form);
          feedback.focus();
        });
    });
  }

  score.querySelector('[data-try-again]')!.addEventListener('click', () => {
    attempt = begin();
    attemptKept = true;
    show();
    // Start the new attempt at its first question.
    forms.get(drawn[0]!)!.querySelector<HTMLInputElement>('input[type=radio]')!.focus();
  });

  show();
}

/** Answered questions cannot be changed: the radios and the button are switched off. */
function lock(form: HTMLFormElement, locked: boolean): void {
  form.querySelector('fieldset')!.disabled = locked;
  form.querySelector<HTMLButtonElement>('button[type=submit]')!.hidden = locked;
}

/** Says that the answer could not be checked, and how to go on. */
function unavailable(form: HTMLFormElement): void {
  form.querySelector<HTMLElement>('[data-feedback]')!.textContent = 'Your answer could not be checked, because the answers for this check did not load. Reload the page and check it again.';
}

function paragraph(text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
}
