/**
 * Done and in-progress marks on the course map and the scenario catalogue, filled in from this
 * device's progress once the page has loaded (the built page cannot know them). A card whose
 * module or scenario has not been started shows "Not started".
 */
import type { Progress } from '../progress/schema.ts';
import { loadProgress, onProgressChange } from '../progress/store.ts';
import { dayDate } from '../engine/dates.ts';

/** A module's mark: completed, started (a check answered or a reflection saved) or not started. */
export function moduleMark(progress: Progress, moduleId: string): string {
  const done = progress.modules[moduleId];
  if (done) return `Completed on ${dayDate(done.completedAt)}`;
  const started = [...Object.keys(progress.answers), ...Object.keys(progress.reflections)].some((key) => key.startsWith(`${moduleId}/`));
  return started ? 'In progress' : 'Not started';
}

/** A scenario's mark: finished (with the last outcome), a run in progress, both, or not started. */
export function scenarioMark(progress: Progress, scenarioId: string): string {
  const last = progress.runs.findLast((run) => run.scenarioId === scenarioId);
  const playing = progress.inProgress[scenarioId] !== undefined;
  const done = last ? `Done: last outcome ${last.outcome}` : '';
  if (done && playing) return `${done}; a new run in progress`;
  return done || (playing ? 'In progress' : 'Not started');
}

function fill() {
  const { progress } = loadProgress();
  for (const element of document.querySelectorAll<HTMLElement>('[data-module-progress]')) {
    element.textContent = moduleMark(progress, element.dataset.moduleProgress ?? '');
    element.hidden = false;
  }
  for (const element of document.querySelectorAll<HTMLElement>('[data-scenario-progress]')) {
    element.textContent = scenarioMark(progress, element.dataset.scenarioProgress ?? '');
    element.hidden = false;
  }
}

fill();
onProgressChange(fill);
