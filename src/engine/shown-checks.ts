/**
 * Checks of the text a run shows, after exploration, against every state a trainee can reach:
 *
 * - `text-never-shown` and `text-always-shown`: a line or a debrief paragraph written after
 *   `**If <condition>:**` is checked as a route is: a condition that never holds where it is
 *   means text no trainee reads, and one that always holds means a condition that does nothing.
 * - `debrief-quote` (information): an ending's debrief quotes a line of the scenario ("When you
 *   said “…”") that some run ending there never shows (neither a line of a node it passes, nor an
 *   option offered on the way), so for that run the debrief may not be true.
 */
import type { VFile } from 'vfile';
import { formatCondition, holds, valuesRead, type Condition, type Variables } from './condition.ts';
import { report } from './diagnostics.ts';
import { carryFacts, has, type FactsOf } from './paths.ts';
import { shownLines } from './shown.ts';
import { entryValues, movesThrough, nodesById, startsThrough, type StateGraph, type StateGraphState } from './state-graph.ts';
import { listed } from './suggest.ts';
import type { Choice, ChoiceNode, EndingNode, Line, Scenario, Span } from './types.ts';

const endings = (scenario: Scenario) => scenario.nodes.filter((node): node is EndingNode => node.kind === 'ending');
const valuesAt = (graph: StateGraph, ending: string) => [...graph.states.values()].filter((state) => state.ended && state.node === ending).map((state) => state.vars);

/** Warns at every conditional line or debrief paragraph whose condition never, or always, holds where it is. */
export function checkShownText(scenario: Scenario, graph: StateGraph, file: VFile): void {
  const conditional = scenario.nodes.some((node) => node.lines.some((line) => line.condition) || (node.kind === 'ending' && node.debriefParts.some((part) => part.condition)));
  if (!conditional) return;
  const entered = entryValues(scenario, graph);
  for (const node of scenario.nodes) {
    const values = entered.get(node.id);
    // A node no run reaches is reported already.
    if (!values) continue;
    for (const line of node.lines) if (line.condition) checkCondition(file, line.condition, line.place, values, `this line of \`${node.id}\``, `a run enters \`${node.id}\``);
    if (node.kind !== 'ending') continue;
    const ended = valuesAt(graph, node.id);
    for (const part of node.debriefParts) if (part.condition) checkCondition(file, part.condition, part.place, ended, `this paragraph of the debrief of \`${node.id}\``, `a run ends at \`${node.id}\``);
  }
}

function checkCondition(file: VFile, condition: Condition, place: Span, values: readonly Variables[], what: string, when: string): void {
  const holding = values.filter((vars) => holds(condition, vars)).length;
  if (holding > 0 && holding < values.length) return;
  const written = `\`${formatCondition(condition)}\``;
  const brought = `runs bring ${rangesRead(condition, values)}`;
  if (holding === 0) {
    report(file, `Unexpected condition ${written} that never holds when ${when} (${brought}), so ${what} is never shown, expected a condition that some run meets`, place, 'text-never-shown', { severity: 'warning' });
  } else {
    report(file, `Unexpected condition ${written} that holds whenever ${when} (${brought}), so ${what} is always shown and the condition changes nothing, expected a condition that some runs do not meet, or no \`**If …:**\``, place, 'text-always-shown', { severity: 'warning' });
  }
}

/** The values runs bring for the variables a condition reads: `rapport from 0 to 3, trust = 1`. */
function rangesRead(condition: Condition, values: readonly Variables[]): string {
  return Object.keys(valuesRead(condition, values[0] ?? {}))
    .map((name) => {
      const all = values.map((vars) => vars[name] ?? 0);
      const [min, max] = [Math.min(...all), Math.max(...all)];
      return min === max ? `${name} = ${min}` : `${name} from ${min} to ${max}`;
    })
    .join(', ');
}

/** Words as quotes and lines are compared: lower case, straight quotes, no emphasis or outer punctuation. */
const wordsOf = (text: string) =>
  text
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/[*_`]/g, '')
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .trim();

/** A quote shorter than this many words ("fine", "not yet") is too common to be a line's. */
const minimumQuoteWords = 3;

/** Informs at every quote in a debrief of a scenario line that some run ending there never shows. */
export function checkDebriefQuotes(scenario: Scenario, graph: StateGraph, file: VFile): void {
  const quoted = endings(scenario).flatMap((ending) =>
    ending.debriefParts.flatMap((part) => part.quotes.map((quote) => ({ ending, quote, ...(part.condition ? { condition: part.condition } : {}), words: wordsOf(quote.text) }))),
  ).filter((quote) => quote.words.split(' ').length >= minimumQuoteWords);
  if (quoted.length === 0) return;
  // The words of every line and choice, once: a quote is looked for in each, and a move asks again and again.
  // A text without the longest plain word of any quote cannot say one, and is not worked over.
  const clues = quoted.map((quote) => quote.words.split(' ').filter((word) => !word.includes("'")).reduce((a, b) => (b.length > a.length ? b : a), ''));
  const wordsIf = (text: string) => {
    const lower = text.toLowerCase();
    return clues.some((clue) => lower.includes(clue)) ? wordsOf(text) : '';
  };
  const said = new Map<Line | Choice, { node: string; words: string }>();
  for (const node of scenario.nodes) {
    for (const line of node.lines) said.set(line, { node: node.id, words: wordsIf(line.markdown) });
    if (node.kind === 'choice') for (const choice of node.choices) said.set(choice, { node: node.id, words: wordsIf(choice.says) });
  }
  const quotes = quoted.flatMap((quote) => {
    const saidAt = [...new Set([...said.values()].filter((text) => text.words.includes(quote.words)).map((text) => text.node))];
    return saidAt.length > 0 ? [{ ...quote, saidAt }] : [];
  });
  if (quotes.length === 0) return;
  const byId = nodesById(scenario);
  const saying = new Map([...said].map(([text, { words }]) => [text, quotes.flatMap((quote, bit) => (words.includes(quote.words) ? [bit] : []))]));
  const linesOf = (nodes: readonly string[], vars: Variables) => nodes.flatMap((id) => shownLines(byId.get(id)!, vars).flatMap((line) => saying.get(line)!));
  // Every option offered on the way is on the trainee's screen, picked or not: the same for every move from a state.
  const offeredAt = new Map<StateGraphState, number[]>();
  const gen: FactsOf = (from, move) => {
    if (!from || !move) return linesOf(startsThrough(byId, scenario, graph), graph.states.get(graph.initial)!.vars);
    let offered = offeredAt.get(from);
    if (!offered) {
      const choices = (byId.get(from.node) as ChoiceNode).choices;
      offeredAt.set(from, (offered = from.moves.flatMap((option) => saying.get(choices[option.choice]!)!)));
    }
    return [...linesOf(movesThrough(byId, graph, from, move), graph.states.get(move.to)!.vars), ...offered];
  };
  // Checked only in a sound scenario, where every state can reach an ending.
  const { every } = carryFacts(graph, quotes.length, gen, (state) => state.ended, 'all');
  const endedAt = new Map<string, Array<[string, StateGraphState]>>();
  for (const entry of graph.states) {
    if (!entry[1].ended) continue;
    const list = endedAt.get(entry[1].node);
    if (list) list.push(entry);
    else endedAt.set(entry[1].node, [entry]);
  }
  quotes.forEach(({ ending, quote, condition, saidAt }, bit) => {
    const runs = (endedAt.get(ending.id) ?? []).filter(([, state]) => !condition || holds(condition, state.vars));
    if (runs.every(([key]) => has(every.get(key)!, bit))) return;
    report(
      file,
      `Unexpected quote “${quote.text}” in the debrief of \`${ending.id}\`, which some runs that end there never show (it is at ${listed(saidAt.map((id) => `\`${id}\``))}), expected the debrief to be true on every path to it: reword it, or show it only to the runs it is true of, with \`**If …:**\` before its paragraph (\`coach paths ${scenario.id} --ending ${ending.id}\` lists the ways there)`,
      quote.place,
      'debrief-quote',
      { severity: 'info' },
    );
  });
}
