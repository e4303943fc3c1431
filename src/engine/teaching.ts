/**
 * Stage 3b, teach: checks that a well-formed scenario also teaches well, as a reviewer would check
 * it mechanically. Everything here is a warning (`coach test --strict` fails on warnings), and a
 * trainer may silence one on a choice with `- ignore: <rule> because <reason>`.
 *
 * - `teaching-dead-end`: a choice coded MI-consistent after which no positive ending can be
 *   reached, in every state that reaches it. Trainees learn from consequences: a good move (or a
 *   repair after a poor one) that can only end badly teaches the opposite of MI.
 * - `statement-as-question`: MITI codes any question as a question, even one that offers a
 *   reflection, so a reflection, summary or affirmation ending in `?` is coded wrongly. (The
 *   converse is not checked: "Tell me more about that" is a question without a question mark.)
 * - `code-check`: the coder reads a choice as another code by one of MITI's rules (an "Open
 *   question" that can be answered yes or no, "Giving information" that tells the person what to
 *   do, a reflection that labels), naming the words that decided. Only where a rule decided and
 *   the coder is confident: a leaning of the statistical model is no reason to doubt a trainer.
 */
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { report } from './diagnostics.ts';
import { listed } from './suggest.ts';
import { trimEndWhere } from './trim.ts';
import { reachingBack, type StateGraph, type StateGraphState } from './explore.ts';
import { codeUtterance, groupOf, codeNamed, type Coding } from './coder/index.ts';
import type { Choice, ChoiceNode, EndingNode, Scenario } from './types.ts';

/** The warnings a trainer may silence on a choice, each with a reason. */
export const silenceableRules = ['teaching-dead-end', 'statement-as-question', 'code-check', 'transition-never-taken'] as const;

const choiceNodes = (scenario: Scenario) => scenario.nodes.filter((node): node is ChoiceNode => node.kind === 'choice');

/** Warns at every MI-consistent choice after which no positive ending can be reached. */
export function checkGoodMovesKeepHope(scenario: Scenario, graph: StateGraph, file: VFile): void {
  const byId = new Map(scenario.nodes.map((node) => [node.id, node]));
  const outcomeOf = (state: StateGraphState) => {
    const node = byId.get(state.node);
    return node?.kind === 'ending' ? node.outcome : undefined;
  };

  // States from which a positive ending can be reached: walk the graph backwards from them.
  const hopeful = reachingBack(graph.states, (state) => outcomeOf(state) === 'positive');
  if (hopeful.size === 0) return; // No positive ending at all: exploration has said so already.

  // For each choice: the states it leads to, from every state where it is offered.
  const after = new Map<string, string[]>();
  for (const state of graph.states.values()) {
    for (const { choice, to } of state.moves) {
      const leadsTo = after.get(`${state.node}\u0000${choice}`);
      if (leadsTo) leadsTo.push(to);
      else after.set(`${state.node}\u0000${choice}`, [to]);
    }
  }

  for (const node of choiceNodes(scenario)) {
    node.choices.forEach((choice, index) => {
      const leadsTo = after.get(`${node.id}\u0000${index}`);
      if (choice.code.stance !== 'consistent' || !leadsTo || leadsTo.some((key) => hopeful.has(key))) return;
      const endings = endingsReachableFrom(leadsTo).map((ending) => `\`${ending.id}\` (${ending.outcome})`);
      if (endings.length === 0) return; // No ending at all: exploration has reported the dead end.
      report(
        file,
        `Unexpected dead end after a good move: after this ${choice.code.name} in node \`${node.id}\` no positive ending can be reached, only ${listed(endings)}. A move coded as MI-consistent should keep a positive ending possible: give it a way on to one, or recode it if it is not MI-consistent; to keep it on purpose, add \`- ignore: teaching-dead-end because …\` under the choice`,
        choice.place,
        'teaching-dead-end',
        { severity: 'warning' },
      );
    });
  }

  function endingsReachableFrom(starts: readonly string[]): EndingNode[] {
    const seen = new Set(starts);
    const stack = [...starts];
    while (stack.length > 0) {
      for (const { to } of graph.states.get(stack.pop()!)!.moves) {
        if (!seen.has(to)) {
          seen.add(to);
          stack.push(to);
        }
      }
    }
    const ids = new Set([...seen].map((key) => graph.states.get(key)!.node));
    return scenario.nodes.filter((node): node is EndingNode => node.kind === 'ending' && ids.has(node.id));
  }
}

/** What the coach says, without closing quotes, brackets or spaces after its last word or mark. */
const lastMark = (says: string) => trimEndWhere(says, (character) => /["'”’)\]\s]/u.test(character)).at(-1);

/** Warns where a choice coded as a statement (a reflection, summary or affirmation) asks a question. */
export function checkWording(scenario: Scenario, file: VFile): void {
  for (const node of choiceNodes(scenario)) {
    for (const choice of node.choices) {
      const isStatement = ['simple reflection', 'complex reflection', 'affirm'].includes(choice.code.countsAs);
      if (isStatement && lastMark(choice.says) === '?') {
        report(file, `Unexpected question coded as ${choice.code.name}, expected a statement: MITI codes any question as a question, even one that offers a reflection, so code it \`Open question\` or \`Closed question\`, or end it without \`?\``, choice.place, 'statement-as-question', { severity: 'warning' });
      }
    }
  }
}

/** How sure a rule of the coder must be before it questions a trainer's code. */
const confidentEnough = 0.8;

/**
 * Warns where the coder, by one of MITI's rules, is confident that a choice's written code is
 * wrong: another MITI group, or the other kind of question. A statement ending in `?` is left to
 * `statement-as-question`, which says the same thing more plainly.
 */
export function checkCodes(scenario: Scenario, file: VFile): void {
  for (const node of choiceNodes(scenario)) {
    const said = node.lines.filter((line) => line.speaker).at(-1)?.markdown ?? '';
    const person = node.lines.find((line) => line.speaker)?.speaker;
    for (const choice of node.choices) {
      const written = codeNamed(choice.code.name);
      if (!written) continue;
      const coded = codeUtterance(choice.says, { context: said, ...(person ? { person } : {}) });
      if (!doubts(written, coded, choice)) continue;
      const why = coded.reason.replace(/(?<=[.:])\s.*$/s, '').replace(/[.:]$/, '');
      report(file, `Unexpected code \`${choice.code.name}\` for a reply that reads as \`${coded.code}\`: ${lowerFirst(why)}. Recode it or reword it; if the written code is right, add \`- ignore: code-check because …\` under the choice`, choice.place, 'code-check', { severity: 'warning' });
    }
  }
}

function doubts(written: NonNullable<ReturnType<typeof codeNamed>>, coded: Coding, choice: Choice): boolean {
  // Only a rule with words to point at: a question mark alone, or the model's weighing, is no reason to doubt a trainer.
  if (coded.decidedBy !== 'rule' || !coded.cue || coded.confidence < confidentEnough || coded.code === written || coded.code === 'none') return false;
  if (['simple reflection', 'complex reflection', 'affirm'].includes(choice.code.countsAs) && lastMark(choice.says) === '?') return false;
  // Persuading with permission and the codes of its permission are one move seen from two sides.
  const permission = ['Persuade with permission', 'Seeking collaboration', 'Emphasizing autonomy', 'Persuade'];
  if (permission.includes(written) && permission.includes(coded.code) && written !== 'Persuade') return false;
  if (written === 'Persuade' && coded.code === 'Persuade with permission') return false;
  return groupOf(written) !== coded.group || groupOf(written) === 'question';
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/**
 * Applies the trainers' `- ignore:` items: a warning of that rule at that choice becomes an info
 * that says it was silenced and why. An `ignore:` that names an unknown rule, or (once the file
 * has been fully checked) silences nothing, is itself a warning, so none outlives its reason.
 */
export function applyIgnores(scenario: Scenario, file: VFile, options: { fullyChecked: boolean }): void {
  const choices = choiceNodes(scenario).flatMap((node) => node.choices);
  const at = (message: VFileMessage, choice: Choice) =>
    message.line === choice.place.start.line && message.column === choice.place.start.column;
  for (const choice of choices) {
    for (const ignore of choice.ignores) {
      if (!(silenceableRules as readonly string[]).includes(ignore.rule)) {
        report(file, `Unexpected \`ignore: ${ignore.rule}\`, expected one of the warnings that can be silenced on a choice: ${silenceableRules.map((rule) => `\`${rule}\``).join(', ')}`, ignore.place, 'unknown-ignore', { severity: 'warning', expected: [...silenceableRules] });
        continue;
      }
      const silenced = file.messages.filter((message) => message.fatal === false && message.ruleId === ignore.rule && at(message, choice));
      for (const message of silenced) {
        message.fatal = undefined;
        // The first sentence says what was found; the rest says how to fix or silence it, done now.
        message.reason = `Silenced on purpose (${ignore.reason}): ${message.reason.split('. ')[0]}`;
        message.message = message.reason;
      }
      if (silenced.length === 0 && options.fullyChecked) {
        report(file, `Unexpected \`ignore: ${ignore.rule}\` that silences nothing on this choice, expected it only where that warning is reported; remove it`, ignore.place, 'unused-ignore', { severity: 'warning' });
      }
    }
  }
}
