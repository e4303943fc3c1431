/**
 * The scenario tree: what a trainer's file says, with every element's place in the file kept so
 * that later stages can point at it.
 */
import type { Condition, Effect } from './condition.ts';
import type { FrontMatter, Outcome } from './front-matter-schema.ts';
import type { BehaviourCode } from './behaviour-codes.ts';

/** A place in the source file: 1-based line and column. */
export interface Point {
  readonly line: number;
  readonly column: number;
}

export interface Span {
  readonly start: Point;
  readonly end: Point;
}

/** A paragraph in a node: spoken by a character, or narration. */
export interface Line {
  /** The speaker's name for `**Name:**` lines; absent for narration. */
  readonly speaker?: string;
  /** The line as inline Markdown, without the speaker prefix. */
  readonly markdown: string;
  readonly place: Span;
}

export interface Choice {
  /** The behaviour code, as the table spells it. */
  readonly code: BehaviourCode;
  /** What the coach says, without the quotes. */
  readonly says: string;
  readonly target: string;
  /** Shown after choosing; Markdown. */
  readonly feedback: string;
  /** Offered only while this holds. */
  readonly condition?: Condition;
  readonly effects: readonly Effect[];
  readonly tags: readonly string[];
  /** Warnings the trainer has silenced on this choice, each with a reason. */
  readonly ignores: readonly Ignore[];
  readonly place: Span;
}

/** `- ignore: <rule> because <reason>` under a choice: one warning silenced on purpose. */
export interface Ignore {
  /** The rule id of the warning, e.g. `teaching-dead-end`. */
  readonly rule: string;
  /** Why it is on purpose, for the next trainer who reads the file. */
  readonly reason: string;
  readonly place: Span;
}

export interface Route {
  readonly target: string;
  /** Absent on the final, unconditional route. */
  readonly condition?: Condition;
  readonly place: Span;
}

interface NodeBase {
  readonly id: string;
  /** The heading text, for trainers. */
  readonly heading: string;
  readonly lines: readonly Line[];
  /** The heading's place. */
  readonly place: Span;
}

export interface ChoiceNode extends NodeBase {
  readonly kind: 'choice';
  readonly choices: readonly Choice[];
}

export interface RouteNode extends NodeBase {
  readonly kind: 'route';
  readonly routes: readonly Route[];
}

export interface EndingNode extends NodeBase {
  readonly kind: 'ending';
  readonly outcome: Outcome;
  /** The debrief shown to the trainee; Markdown. */
  readonly debrief: string;
}

export type ScenarioNode = ChoiceNode | RouteNode | EndingNode;

export interface Scenario {
  /** The file name without `.md`. */
  readonly id: string;
  readonly meta: FrontMatter;
  /** The introduction before the first node; Markdown, possibly empty. */
  readonly introduction: string;
  readonly nodes: readonly ScenarioNode[];
  /** The id of the start node. */
  readonly start: string;
}
