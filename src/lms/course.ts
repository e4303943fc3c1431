/**
 * What a course package holds, as `coach package` writes it into each launch page and the launch
 * page reads it: the format, the course's IRI, the pass mark, an LRS the deployment named, and the
 * one item (a module or a scenario) this launch page reports on. Also the item's share of the
 * trainee's progress record: what the LMS keeps and restores for it, and nothing else.
 */
import type { Scenario } from '../engine/types.ts';
import type { QuestionShape } from '../site/check-attempt.ts';
import { emptyProgress, type Progress } from '../progress/schema.ts';

export const packageFormats = ['scorm12', 'scorm2004', 'cmi5'] as const;
export type PackageFormat = (typeof packageFormats)[number];

/** A module's knowledge check, as its built page describes it: how many questions an attempt draws, from which. */
export interface ModuleCheck {
  readonly draw: number;
  /** The bank's questions, each with how many options it has: what the page draws an attempt from. */
  readonly questions: readonly QuestionShape[];
}

/** A module as a package item. */
export interface ModuleItem {
  readonly kind: 'module';
  readonly id: string;
  readonly title: string;
  /** Its knowledge check; absent if it has none, and then it has no pass mark. */
  readonly check?: ModuleCheck;
}

/** A scenario as a package item, with the scenario itself so the engine can replay runs of it. */
export interface ScenarioItem {
  readonly kind: 'scenario';
  readonly id: string;
  readonly title: string;
  readonly scenario: Scenario;
}

export type CourseItem = ModuleItem | ScenarioItem;

/** An LRS a deployment named with `coach package --lrs`. */
export interface NamedLrs {
  /** The xAPI endpoint, ending in `/`. */
  readonly endpoint: string;
  /** The value of the Authorization header, if the LRS needs one. */
  readonly authorization?: string;
}

/** Everything a launch page needs to know, written into it as JSON by `coach package`. */
export interface LaunchConfig {
  readonly format: PackageFormat;
  /** The course's IRI: activity ids are made under it. */
  readonly courseIri: string;
  readonly courseTitle: string;
  /** The share of right answers that passes a knowledge check, 0 to 1, unless the LMS sets its own. */
  readonly passMark: number;
  readonly lrs?: NamedLrs;
  readonly item: CourseItem;
  /** The item's page in the package, from the package root (`modules/<id>/index.html`). */
  readonly page: string;
}

/** The page of an item, from the package root. */
export const itemPage = (item: Pick<CourseItem, 'kind' | 'id'>): string => `${item.kind === 'module' ? 'modules' : 'scenarios'}/${item.id}/index.html`;

/** An item's identifier in manifests and file names: `module-<id>` or `scenario-<id>`. */
export const itemKey = (item: Pick<CourseItem, 'kind' | 'id'>): string => `${item.kind}-${item.id}`;

/** Whether an item has a pass mark: a module whose knowledge check asks questions. */
export const hasPassMark = (item: CourseItem): item is ModuleItem => item.kind === 'module' && (item.check?.draw ?? 0) > 0;


/**
 * The item's share of a progress record: for a module, its completion, check answers and check
 * attempt; for a scenario, its run in progress and finished runs. Reflections are never in it:
 * they are private and stay on the device. Neither are replies typed in the trainee's own words.
 */
export function itemSlice(progress: Progress, item: CourseItem): Progress {
  const slice = emptyProgress();
  if (item.kind === 'module') {
    const done = progress.modules[item.id];
    if (done) slice.modules[item.id] = done;
    for (const [key, answer] of Object.entries(progress.answers)) if (key.startsWith(`${item.id}/`)) slice.answers[key] = answer;
    const attempt = progress.checks[item.id];
    if (attempt) slice.checks[item.id] = attempt;
    return slice;
  }
  const running = Object.hasOwn(progress.inProgress, item.id) ? progress.inProgress[item.id] : undefined;
  if (running) {
    const { ownWords: _private, ...run } = running;
    slice.inProgress[item.id] = run;
  }
  slice.runs = progress.runs.filter((run) => run.scenarioId === item.id && !run.group).map(({ ownWords: _private, ...run }) => run);
  return slice;
}
