/**
 * The slips a trainer makes most, each answered once, at its line, in the trainer's words (a trial
 * of two new scenarios found each): and the loop that keeps growing a variable, named with its
 * variable at the choice that grows it, before any cap on the states stops the exploration.
 */
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/engine/compile.ts';
import { exploreScenario } from '../../src/engine/explore.ts';
import { parseScenario } from '../../src/engine/parse.ts';
import { goodEnding, lintText, problemsOf, scenario } from '../helpers.ts';

const choice = (code: string, target: string, extra = '') => `- **${code}:** "Words." -> ${target}\n  - feedback: f\n${extra}`;
const node = (lines: string) => scenario(`## a\n\n${lines}\n${goodEnding}`);

describe('quotes, named', () => {
  it('names single, low and angle quotes around what the coach says, and shows the line with double quotes', () => {
    expect(problemsOf(lintText(node('- **Affirm:** ‘Nice’ -> good\n  - feedback: f\n- **Affirm:** „Nice“ -> good\n  - feedback: f\n- **Affirm:** «Nice» -> good\n  - feedback: f\n')))).toEqual([
      '12:1 error Unexpected curly single quotes (‘ ’) around `Nice`, expected what the coach says in double quotes, straight (") or curly (“ ”): `"Nice" -> good`',
      '14:1 error Unexpected low quotes („) around `Nice`, expected what the coach says in double quotes, straight (") or curly (“ ”): `"Nice" -> good`',
      '16:1 error Unexpected angle quotes (« ») around `Nice`, expected what the coach says in double quotes, straight (") or curly (“ ”): `"Nice" -> good`',
    ]);
  });

  it('says a closing (or opening) quote is missing, with the line as it should be', () => {
    expect(problemsOf(lintText(node('- **Affirm:** "Coming here -> good\n  - feedback: f\n- **Affirm:** Coming here” -> good\n  - feedback: f\n')))).toEqual([
      '12:1 error Unexpected `"Coming here` before `->`: its closing quote is missing, expected `"` after the coach\'s words: `"Coming here" -> good`',
      '14:1 error Unexpected `Coming here”` before `->`: its opening quote is missing, expected `"` before the coach\'s words: `"Coming here” -> good`',
    ]);
  });

  it('names curly quotes where YAML or a condition reads them as text, not as quotes', () => {
    expect(problemsOf(lintText(scenario(goodEnding).replace('summary: S.', 'summary: “Sam says: hello”')))).toEqual([
      '3:19 error Unexpected `:` inside the value of `summary`: the value is in curly quotes (“ ”), which YAML does not read as quotes, expected straight ones: `summary: "Sam says: hello"`',
    ]);
    expect(problemsOf(lintText(scenario(`## a\n\n${choice('Affirm', 'good', '  - if: rapport >= “0”\n')}\n${goodEnding}`, 'checks:\n  - path: [a, good]\n    state: { rapport: “>= 0” }\n')))).toEqual([
      '10:23 error Unexpected curly quotes around `>= 0` for `rapport`: YAML reads only straight quotes as quotes, expected `">= 0"`',
      '17:20 error Unexpected curly quote `“`: conditions take no quotes, expected `rapport >= 0`',
    ]);
  });
});

describe('the arrow, bold, and the left margin', () => {
  it('says to write `->` for `=>` or a long dash, in a choice and in a route', () => {
    expect(problemsOf(lintText(scenario(`## a\n\n- **Affirm:** "x" => b\n  - feedback: f\n- **Affirm:** "y" —> good\n  - feedback: f\n\n## b\n\n- => good\n\n${goodEnding}`)))).toEqual([
      '12:19 error Unexpected `=>` before `b`, expected `->` (a hyphen, then `>`) or `→` between what the coach says and the target: `… -> b`',
      '14:19 error Unexpected `—>` before `good`, expected `->` (a hyphen, then `>`) or `→` between what the coach says and the target: `… -> good`',
      '19:3 error Unexpected `=>` before `good`, expected `->` (a hyphen, then `>`) or `→`: `- -> good`',
    ]);
  });

  it('says to put a code or an outcome in bold, with the colon inside', () => {
    expect(problemsOf(lintText(scenario(`## a\n\n- Affirm: "x" -> b\n  - feedback: f\n- *Open question:* "y" -> c\n  - feedback: f\n\n## b\n\nOutcome: positive\n\nB.\n\n## c\n\n**Outcome**: mixed\n\nC.\n`)))).toEqual([
      '12:1 error Unexpected `Affirm:` without bold, expected the behaviour code in bold (two `*` each side), with its colon inside: `**Affirm:**`',
      '14:1 error Unexpected `*Open question:*` in italics, expected the behaviour code in bold (two `*` each side), with its colon inside: `**Open question:**`',
      '19:1 error Unexpected `Outcome: positive` without bold, expected `**Outcome:** positive`, in bold with the colon inside',
      '25:1 error Unexpected `**Outcome**: mixed` with its colon outside the bold, expected `**Outcome:** mixed`, in bold with the colon inside',
    ]);
  });

  it('says once to indent a `- feedback:` pushed to the left margin whose `set:` and `tags:` are still indented, and reads them all as the choice\'s', () => {
    const result = lintText(node('- **Affirm:** "x" -> good\n- feedback: f\n  - set: rapport +1\n  - tags: hope\n- **Affirm:** "y" -> good\n  - feedback: g\n'));
    expect(problemsOf(result)).toEqual([
      '13:1 error Unexpected `- feedback:` at the left margin, expected it indented under its choice, with two spaces before the `-`, as `- set:` and `- tags:` under it are: `  - feedback: …`',
    ]);
  });
});

describe('terms, targets and names', () => {
  it('says which list a skill written under `tags:`, or a tag written under `skills:`, belongs to', () => {
    const result = lintText(scenario(`## a\n\n${choice('Affirm', 'good', '  - tags: reflections\n')}\n${goodEnding}`, 'skills: [person-driven]\n'));
    expect(problemsOf(result).map((message) => message.replace(/ \(`[^)]*\)$/, ' (…)'))).toEqual([
      '8:10 error Unexpected skill `person-driven`: it is a tag, which goes under a choice (`- tags: person-driven`), not under `skills:`; expected a skill from the project\'s vocabulary (…)',
      '15:11 error Unexpected tag `reflections`: it is a skill, which goes in the front matter\'s `skills:` list for the whole scenario, not under a choice\'s `tags:`; expected a tag from the project\'s vocabulary (…)',
    ]);
  });

  it('says a target has no apostrophes or quotes, and gives the id to write', () => {
    expect(problemsOf(lintText(scenario(`## a\n\n${choice('Affirm', "jordan's-reply")}${choice('Affirm', '“good”')}\n## Jordan's reply\n\n${choice('Affirm', 'good')}\n${goodEnding}`)))).toEqual([
      '12:27 error Unexpected `jordan\'s-reply` after `->`: node ids have no apostrophes, as a heading such as `## Jordan\'s reply` makes the id `jordans-reply`, expected `jordans-reply`',
      '14:27 error Unexpected `“good”` after `->`: a target takes no quotes, expected `good`',
    ]);
  });

  it('says a variable name has no spaces, under `state:` and in conditions and effects', () => {
    const text = scenario(`## a\n\n${choice('Affirm', 'good', '  - if: self belief >= 0\n  - set: self belief +1\n')}\n${goodEnding}`).replace('  rapport: 0\n', '  self belief: 0\n');
    expect(problemsOf(lintText(text))).toEqual([
      '7:16 error Unexpected variable name `self belief` in `state`, expected letters, digits and underscores (hyphens between words), with no spaces: such as `self_belief`',
      '14:9 error Unexpected space in the variable name `self belief`, expected a name without spaces, such as `self_belief` or `self-belief`, written the same here and under `state:`',
      '15:10 error Unexpected space in the variable name `self belief`, expected a name without spaces, such as `self_belief` or `self-belief`, written the same here and under `state:`',
    ]);
  });

  it('points at both nodes with one id, naming both headings when they differ', () => {
    const result = lintText(scenario(`## a\n\n${choice('Affirm', 'what-matters')}\n## What matters?\n\n${choice('Affirm', 'good')}\n## What matters\n\n${choice('Affirm', 'good')}\n${goodEnding}`));
    expect(problemsOf(result)).toEqual([
      '20:1 error Unexpected second node with id `what-matters` (`## What matters?` on line 15 and `## What matters` here both make it), expected every node id to be unique (rename one heading, or give it `{#another-id}`)',
    ]);
    expect((result.file.messages[1]!.cause as { line?: number }).line).toBe(15);
  });
});

describe('the loop that keeps growing a variable', () => {
  /**
   * The trial's shape: twenty nodes in a row with three variables, where a choice at `n12` goes
   * back to `n6` and adds to `readiness` each time round. The other choices change `rapport` and
   * `trust` within bounds, so the states multiply before the loop is obvious.
   */
  const looping = (() => {
    const nodes = Array.from({ length: 20 }, (_, i) => {
      const next = i < 19 ? `n${i + 1}` : 'good';
      const back = i === 12 ? `- **Simple reflection:** "Back ${i}." -> n6\n  - feedback: f\n  - set: readiness +1\n` : '';
      return `## n${i}\n\n**Sam:** Line ${i}.\n\n- **Complex reflection:** "Reflect ${i}." -> ${next}\n  - feedback: f\n  - if: rapport < 4\n  - set: rapport +1\n- **Open question:** "What about ${i}?" -> ${next}\n  - feedback: f\n  - set: trust = ${i % 4}\n- **Persuade:** "Push ${i}." -> ${next}\n  - feedback: f\n  - if: rapport > -3\n  - set: rapport -1\n${back}`;
    });
    return scenario(`${nodes.join('\n')}\n${goodEnding}`).replace('  rapport: 0\n', '  rapport: 0\n  trust: 0\n  readiness: 0\n');
  })();
  const message = 'Unexpected endless states: the loop `n12` → `n6` → `n7` → `n8` → `n9` → `n10` → `n11` → `n12` can go round again and again, and `readiness` grows each time (this choice\'s `set: readiness +1`), so there is no end of states to check; stop it with a condition, such as `- if: readiness < 5` under this choice';

  /** The line of the choice that goes back and grows `readiness`. */
  const backLine = looping.split('\n').indexOf('- **Simple reflection:** "Back 12." -> n6') + 1;

  it('names the loop, its variable and the choice that grows it, at that choice\'s line, not "too large" at 1:1', () => {
    expect(problemsOf(lintText(looping)).filter((m) => m.includes('error'))).toEqual([`${backLine}:1 error ${message}`]);
  });

  it('names it before any cap stops the exploration: the same message when the moves run out long before the states would', () => {
    const file = new VFile({ path: 'loop.md', value: looping });
    const { scenario: parsed } = parseScenario(file);
    const exploration = exploreScenario(parsed, compileScenario(parsed), file, 2_000);
    expect(exploration.capped).toBe(true);
    expect(file.messages.filter((m) => m.ruleId === 'state-space-cap').map((m) => `${m.line}:${m.column} ${m.reason}`)).toEqual([`${backLine}:1 ${message}`]);
  });

  it('is not named where a condition stops the growth', () => {
    expect(problemsOf(lintText(looping.replace('  - set: readiness +1\n', '  - if: readiness < 3\n  - set: readiness +1\n'))).filter((m) => m.includes('error'))).toEqual([]);
  });
});
