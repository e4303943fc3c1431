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
  /** Shown only when this holds as the node is entered (`**If rapport >= 3:**` before the line). */
  readonly condition?: Condition;
  readonly place: Span;
}

/** Words in double quotes in a debrief, which may quote a line of the scenario. */
export interface Quote {
  /** The words between the quotes. */
  readonly text: string;
  readonly place: Span;
}

/**
 * A piece of an ending's debrief: the blocks between conditional paragraphs, or one paragraph shown
 * only when its condition holds at the ending (`**If asked_safety >= 1:** You asked…`).
 */
export interface DebriefPart {
  /** Block Markdown, without the `**If …:**` that starts a conditional paragraph. */
  readonly markdown: string;
  readonly condition?: Condition;
  readonly place: Span;
  /** What the part quotes, for checking that a quoted line is shown on every path to the ending. */
  readonly quotes: readonly Quote[];
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
  /** The whole debrief, every part of it, as Markdown: for search. What a run shows is {@link debriefParts}. */
  readonly debrief: string;
  /** The debrief in order, each conditional paragraph a part of its own; one part without them, none if empty. */
  readonly debriefParts: readonly DebriefPart[];
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
