/**
 * Knowledge checks on module pages: plain HTML forms (see KnowledgeCheck.astro) that this script
 * makes check answers, show feedback and keep the answer on this device. The questions are real
 * controls from the first paint, so the keyboard reaches them in order wherever they are.
 */
import { loadProgress, updateProgress } from '../progress/store.ts';
import { reportSave } from './save-status.ts';

/** One option of a question, as an MDX author writes it. */
export interface QuizOption {
  readonly text: string;
  readonly correct?: boolean;
  /** Why this option is right or not. */
  readonly feedback: string;
}

/** One question, as an MDX author writes it. */
export interface QuizQuestion {
  /** Unique within the check; keys the saved answer. */
  readonly id: string;
  readonly question: string;
  readonly options: readonly QuizOption[];
}

/** Shows the feedback for the option at `choice` of a question's form. */
function showFeedback(form: HTMLFormElement, choice: number): void {
  const option = form.querySelectorAll<HTMLInputElement>('input[type=radio]')[choice];
  const place = form.querySelector<HTMLElement>('[data-feedback]');
  if (!option || !place) return;
  const correct = option.dataset.correct !== undefined;
  const verdict = document.createElement('strong');
  verdict.textContent = correct ? 'Correct.' : 'Not quite.';
  const paragraph = document.createElement('p');
  paragraph.className = correct ? 'outcome-positive' : 'outcome-negative';
  paragraph.append(verdict, ` ${option.dataset.explanation ?? ''}`);
  place.replaceChildren(paragraph);
}

const { progress } = loadProgress();
for (const form of document.querySelectorAll<HTMLFormElement>('form[data-question]')) {
  const key = form.dataset.question!;
  const options = [...form.querySelectorAll<HTMLInputElement>('input[type=radio]')];
  const status = form.querySelector<HTMLElement>('[data-save-status]')!;
  const saved = progress.answers[key];
  if (saved && options[saved.choice]) {
    // Unless the reader already picked something while the page loaded.
    if (!options.some((option) => option.checked)) options[saved.choice]!.checked = true;
    showFeedback(form, saved.choice);
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const choice = options.findIndex((option) => option.checked);
    if (choice === -1) {
      form.querySelector<HTMLElement>('[data-feedback]')!.textContent = 'Choose an answer, then check it.';
      return;
    }
    const correct = options[choice]!.dataset.correct !== undefined;
    const outcome = updateProgress((current) => ({ ...current, answers: { ...current.answers, [key]: { choice, correct, answeredAt: new Date().toISOString() } } }));
    showFeedback(form, choice);
    // Only a failure is worth saying: a saved answer speaks for itself.
    reportSave(status, outcome, '');
  });
}
