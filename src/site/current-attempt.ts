// Apart from check-attempt.ts, which every module page loads: only My progress's record and the
// LMS bridge read an attempt back from the progress record.
import type { Progress } from '../progress/schema.ts';
import { answerId, arrange, type QuestionShape } from './check-attempt.ts';

/**
 * The module's current check attempt as the progress record holds it: the questions its seed drew
 * (as the module page drew them) and, for each answered since the attempt began, whether rightly.
 * Undefined before the first attempt.
 */
export function currentAttempt(progress: Progress, moduleId: string, check: { readonly draw: number; readonly questions: readonly QuestionShape[] }): { drawn: string[]; correct: Map<string, boolean> } | undefined {
  const attempt = progress.checks[moduleId];
  if (!attempt) return undefined;
  const drawn = arrange(check.questions, check.draw, attempt.seed).questions.map((question) => question.id);
  const correct = new Map<string, boolean>();
  for (const id of drawn) {
    const answer = progress.answers[answerId(moduleId, id)];
    if (answer && answer.answeredAt >= attempt.startedAt) correct.set(id, answer.correct);
  }
  return { drawn, correct };
}
