/**
 * Text that depends on the run: a line of a node, or a paragraph of a debrief, written after
 * `**If <condition>:**` is shown only while its condition holds. Conditions read the variables as
 * the node is entered (routes change none, so they are the values after the choice that led
 * there). Every screen (the site, the terminal, transcripts, rooms) shows text through these two.
 */
import { holds, type Variables } from './condition.ts';
import type { EndingNode, Line, ScenarioNode } from './types.ts';

/** The lines of a node that a run entering it with these variables sees. */
export function shownLines(node: ScenarioNode, variables: Variables): readonly Line[] {
  // Most nodes have no conditional line: give back the node's own array, as before.
  if (!node.lines.some((line) => line.condition)) return node.lines;
  return node.lines.filter((line) => line.condition === undefined || holds(line.condition, variables));
}

/** The parts of an ending's debrief (block Markdown, in order) that a run ending with these variables reads. */
export function shownDebrief(ending: EndingNode, variables: Variables): string[] {
  return ending.debriefParts.filter((part) => part.condition === undefined || holds(part.condition, variables)).map((part) => part.markdown);
}
