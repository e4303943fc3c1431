/**
 * A knowledge check: multiple-choice questions with feedback on every option. Answers are saved on
 * this device and shown again on return. Each question is a fieldset of radio buttons, so it works
 * with the keyboard and a screen reader; feedback is announced when an answer is checked.
 */
import { useEffect, useState } from 'react';
import { updateProgress } from '../progress/store.ts';
import { useProgress } from '../progress/use-progress.ts';

export interface QuizOption {
  readonly text: string;
  readonly correct?: boolean;
  /** Why this option is right or not. */
  readonly feedback: string;
}

export interface QuizQuestion {
  /** Unique within the check; keys the saved answer. */
  readonly id: string;
  readonly question: string;
  readonly options: readonly QuizOption[];
}

export interface KnowledgeCheckQuizProps {
  /** Unique across the course, e.g. `what-recovery-means/check`. */
  readonly id: string;
  readonly questions: readonly QuizQuestion[];
}

const answerKey = (checkId: string, questionId: string) => `${checkId}/${questionId}`;

function Question({ checkId, question, number }: { checkId: string; question: QuizQuestion; number: number }) {
  const key = answerKey(checkId, question.id);
  const { progress, loaded } = useProgress();
  const saved = progress.answers[key];
  const [selected, setSelected] = useState<number | undefined>();
  // Show the saved answer selected once the browser's record is read.
  useEffect(() => setSelected((current) => current ?? saved?.choice), [saved?.choice]);

  const name = `${key}-option`;
  const answered = saved !== undefined && saved.choice < question.options.length ? question.options[saved.choice] : undefined;

  function check(event: { preventDefault(): void }) {
    event.preventDefault();
    if (selected === undefined) return;
    const correct = Boolean(question.options[selected]?.correct);
    updateProgress((progress) => ({ ...progress, answers: { ...progress.answers, [key]: { choice: selected, correct, answeredAt: new Date().toISOString() } } }));
  }

  return (
    <form className="card" onSubmit={check}>
      <fieldset style={{ border: 0, padding: 0, margin: 0 }} disabled={!loaded}>
        <legend><strong>Question {number}.</strong> {question.question}</legend>
        {question.options.map((option, i) => (
          <div key={i} style={{ margin: '0.4rem 0' }}>
            <input type="radio" id={`${name}-${i}`} name={name} value={i} checked={selected === i} onChange={() => setSelected(i)} />{' '}
            <label htmlFor={`${name}-${i}`} style={{ fontWeight: 400 }}>{option.text}</label>
          </div>
        ))}
      </fieldset>
      <div className="actions">
        <button type="submit" disabled={selected === undefined}>Check answer</button>
      </div>
      <div aria-live="polite">
        {answered && saved && (
          <p className={saved.correct ? 'outcome-positive' : 'outcome-negative'}>
            <strong>{saved.correct ? 'Correct.' : 'Not quite.'}</strong> {answered.feedback}
          </p>
        )}
      </div>
    </form>
  );
}

export default function KnowledgeCheckQuiz({ id, questions }: KnowledgeCheckQuizProps) {
  return (
    <div>
      {questions.map((question, i) => <Question key={question.id} checkId={id} question={question} number={i + 1} />)}
    </div>
  );
}
