/** The record kept when a scenario is played to an ending, alone or as a group: one shape for both. */
import { debriefOf } from '../engine/debrief.ts';
import type { OwnReply } from '../engine/own-words.ts';
import { choiceIndices, type Run } from '../engine/run.ts';
import type { FinishedRun, GroupRun } from './schema.ts';

/**
 * The progress record of a finished run (with how a group played it, if one did, and the replies
 * written in own words, if any were); undefined before an ending.
 */
export function finishedRunOf(run: Run, group?: GroupRun, ownWords: readonly (OwnReply | null)[] = []): FinishedRun | undefined {
  const debrief = debriefOf(run);
  if (!debrief) return undefined;
  const { summary } = debrief;
  return {
    scenarioId: run.scenario.id,
    title: run.scenario.meta.title,
    endedAt: new Date().toISOString(),
    ending: debrief.ending.id,
    outcome: debrief.ending.outcome,
    choices: choiceIndices(run),
    summary: { questions: summary.questions, reflections: summary.reflections, complexReflections: summary.complexReflections, miAdherent: summary.miAdherent, miNonAdherent: summary.miNonAdherent },
    ...(ownWords.some(Boolean) ? { ownWords: [...ownWords] } : {}),
    ...(group ? { group } : {}),
  };
}
