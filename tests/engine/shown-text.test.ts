/**
 * Text that depends on the run: a line of a node, or a paragraph of a debrief, after
 * `**If <condition>:**`, shown only while the condition holds; checked like routes.
 */
import { describe, expect, it } from 'vitest';
import { debriefOf } from '../../src/engine/debrief.ts';
import { chooseNumber, linesAt, startRun, transcript } from '../../src/engine/run.ts';
import { transcriptMarkdown } from '../../src/engine/transcript-markdown.ts';
import { lintText, problemsOf, scenario } from '../helpers.ts';

const body = `## a

**Sam:** Hello.

- **Closed question:** "Are you safe tonight?" -> b
  - feedback: f
  - set: rapport +1
  - tags: safety
- **Persuade:** "Cheer up." -> b
  - feedback: f

## b

**If rapport >= 1:** **Sam:** Thanks for asking straight out.

**If rapport == 0:** *Sam looks away.*

**Sam:** Anyway.

- **Affirm:** "You said it plainly." -> done
  - feedback: f

## done

**Outcome:** positive

Sam makes a plan for the week.

**If rapport >= 1:** You asked about safety directly, as the guide models.

**If rapport == 0:** You did not ask about safety. Next time, ask directly.

Either way, check in next week.
`;

describe('reading `**If …:**` paragraphs', () => {
  const result = lintText(scenario(body));

  it('keeps each conditional line with its condition, as speech or narration, and splits the debrief into parts', () => {
    expect(problemsOf(result)).toEqual([]);
    const b = result.scenario!.nodes[1]!;
    expect(b.lines.map((line) => [line.speaker, line.markdown, line.condition ? 'if' : 'always'])).toEqual([
      ['Sam', 'Thanks for asking straight out.', 'if'],
      [undefined, '*Sam looks away.*', 'if'],
      ['Sam', 'Anyway.', 'always'],
    ]);
    const done = result.scenario!.nodes[2]!;
    if (done.kind !== 'ending') throw new Error('expected an ending');
    expect(done.debriefParts.map((part) => [part.markdown, part.condition ? 'if' : 'always'])).toEqual([
      ['Sam makes a plan for the week.', 'always'],
      ['You asked about safety directly, as the guide models.', 'if'],
      ['You did not ask about safety. Next time, ask directly.', 'if'],
      ['Either way, check in next week.', 'always'],
    ]);
  });

  it('shows each run only the lines and debrief paragraphs whose conditions hold, on every screen', () => {
    const { scenario: parsed, machine } = result;
    const asked = chooseNumber(chooseNumber(startRun(parsed!, machine!), 1), 1);
    const notAsked = chooseNumber(chooseNumber(startRun(parsed!, machine!), 2), 1);
    expect(linesAt(asked, 1).map((line) => line.markdown)).toEqual(['Thanks for asking straight out.', 'Anyway.']);
    expect(linesAt(notAsked, 1).map((line) => line.markdown)).toEqual(['*Sam looks away.*', 'Anyway.']);
    expect(transcript(notAsked).filter((entry) => entry.kind === 'lines').flatMap((entry) => (entry.kind === 'lines' ? entry.lines.map((line) => line.markdown) : []))).toEqual(['Hello.', '*Sam looks away.*', 'Anyway.']);
    expect(debriefOf(asked)!.text).toEqual(['Sam makes a plan for the week.', 'You asked about safety directly, as the guide models.', 'Either way, check in next week.']);
    expect(debriefOf(notAsked)!.text).toEqual(['Sam makes a plan for the week.', 'You did not ask about safety. Next time, ask directly.', 'Either way, check in next week.']);
    const markdown = transcriptMarkdown(notAsked);
    expect(markdown).toContain('**Sam:** Hello.\n\n**You (Persuade):** "Cheer up."\n\n> Feedback: f\n\n*Sam looks away.*\n\n**Sam:** Anyway.');
    expect(markdown).toContain('**Outcome:** positive\n\nSam makes a plan for the week.\n\nYou did not ask about safety. Next time, ask directly.\n\nEither way, check in next week.\n\n### Summary');
    expect(markdown).not.toContain('as the guide models');
  });

  it('leaves files without `**If …:**` as version 1 reads them: bold `If` without a comparison is still a speaker or text', () => {
    const plain = lintText(scenario(`## a\n\n**If in doubt:** ask.\n\n- **Affirm:** "x" -> good\n  - feedback: f\n\n## good\n\n**Outcome:** positive\n\n**If you felt stuck:** try a reflection.\n`));
    expect(problemsOf(plain)).toEqual([]);
    expect(plain.scenario!.nodes[0]!.lines).toMatchObject([{ speaker: 'If in doubt', markdown: 'ask.' }]);
    const good = plain.scenario!.nodes[1]!;
    expect(good.kind === 'ending' && [good.debrief, good.debriefParts.length]).toEqual(['**If you felt stuck:** try a reflection.', 1]);
  });
});

describe('checking `**If …:**` like routes', () => {
  it('reports an undeclared variable, a mistake in the condition and a condition with nothing after it, at their places', () => {
    const broken = body.replace('**If rapport >= 1:** **Sam:**', '**If trust >= 1:** **Sam:**').replace('**If rapport == 0:** *Sam', '**If rapport => 0:** *Sam').replace('Either way, check in next week.', '**If rapport >= 2:**');
    expect(problemsOf(lintText(scenario(broken)))).toEqual([
      '23:6 error Unexpected variable `trust`, expected one declared under `state:` (`rapport`)',
      '25:14 error Unexpected `=>`, expected `>=`',
      '42:1 error Unexpected `**If rapport >= 2:**` with nothing after it, expected the words to show when the condition holds, in the same paragraph: `**If rapport >= 2:** Jordan smiles.`',
    ]);
  });

  it('warns where a condition never holds where it is, or always does, saying what values runs bring there', () => {
    const odd = body.replace('**If rapport == 0:** *Sam', '**If rapport >= 5:** *Sam').replace('**If rapport == 0:** You did not', '**If rapport <= 1:** You did not');
    expect(problemsOf(lintText(scenario(odd)))).toEqual([
      '25:1 warning Unexpected condition `rapport >= 5` that never holds when a run enters `b` (runs bring rapport from 0 to 1), so this line of `b` is never shown, expected a condition that some run meets',
      '40:1 warning Unexpected condition `rapport <= 1` that holds whenever a run ends at `done` (runs bring rapport from 0 to 1), so this paragraph of the debrief of `done` is always shown and the condition changes nothing, expected a condition that some runs do not meet, or no `**If …:**`',
    ]);
  });
});
