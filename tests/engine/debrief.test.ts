/** The debrief a trainee reads: each step, and the option it points to where there was a better one. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { debriefOf, isGoodMove, suggestionLead } from '../../src/engine/debrief.ts';
import { modelRunOf } from '../../src/engine/model-run.ts';
import { choose, startRun } from '../../src/engine/run.ts';
import { lintText, scenario } from '../helpers.ts';

const text = scenario(`## opening

**Sam:** Some days I wonder what the point is.

- **Complex reflection:** "You've been carrying a lot on your own." -> asks
  - feedback: Warm, and it steps around what Sam just said.
- **Closed question:** "Are you thinking about suicide?" -> asks
  - feedback: Asking directly, in plain words, is the safety step.
  - tags: safety
- **Persuade:** "You've got so much going for you." -> asks
  - feedback: Reassurance closes the subject.

## asks

**Sam:** Not like that. I'm just tired.

- **Closed question:** "Did you sleep last night?" -> done
  - feedback: A fair question, and it narrows things down.
- **Open question:** "What has tired you most?" -> done
  - feedback: It invites Sam to say more, in his own words.
- **Simple reflection:** "You're tired." -> done
  - feedback: It shows you heard.

## done

**Outcome:** positive

Sam stays and talks.
`);

const parsed = lintText(text).scenario!;
const run = (...indices: number[]) => debriefOf(indices.reduce(choose, startRun(parsed)))!;

describe('the debrief', () => {
  it('points to the safety step, not a reflection, where the scenario models one', () => {
    const [first] = run(0, 1).steps;
    expect(first!.suggestion?.choice.says).toBe('Are you thinking about suicide?');
    expect(suggestionLead(first!.suggestion!)).toBe('The safety step here');
    expect(run(1, 1).steps[0]!.suggestion).toBeUndefined();
  });

  it('points to the first option of a more MI-consistent stance, and not to an equal one', () => {
    const steps = run(2, 0).steps;
    expect(steps.map((step) => step.suggestion && `${suggestionLead(step.suggestion)}: ${step.suggestion.choice.code.name}`)).toEqual([
      'The safety step here: Closed question',
      'A more MI-consistent option here: Open question',
    ]);
    expect(run(1, 1).steps[1]!.suggestion).toBeUndefined();
  });

  it('is only there at an ending, with the ending, the summary and its notes', () => {
    expect(debriefOf(startRun(parsed))).toBeUndefined();
    const debrief = run(1, 1);
    expect(debrief.ending.id).toBe('done');
    expect(debrief.summary.coded).toBe(2);
    expect(debrief.rows[0]!.value).toBe('0:1 (0 reflections, 2 questions)');
    expect(debrief.notes[2]).toBe('With 2 coded choices, far fewer than a 20-minute conversation holds, the figures are shown without a fair or good rating: read them as a rough guide.');
  });
});

// A direct question, a straight answer to it, a reflection that only delays the answer, and a
// reflection of the fear before the safety step at the next turn.
const answering = lintText(
  scenario(`## asks

**Sam:** What even are you? Are you going to report back to my case manager?

- **Giving information:** "I'm not a therapist, and I don't pass things on unless you agree, except if someone were at serious risk." -> secret
  - feedback: A straight answer to a straight question.
  - tags: straight-answer
- **Complex reflection:** "You want to know whose side I'm on first." -> asks-again
  - feedback: It shows you heard the question under the question; the answer is still to give.
- **Persuade:** "Don't worry, it all stays between us." -> secret
  - feedback: A promise you cannot keep.

## asks-again

**Sam:** Right. So are you or not?

- **Giving information:** "Not unless you agree, except if someone were at serious risk." -> secret
  - feedback: The straight answer, limit included.
  - tags: straight-answer

## secret

**Sam:** Some nights I think everyone would be better off without me. You won't tell anyone, will you?

- **Complex reflection:** "You're frightened of what happens if anyone else knows." -> fear
  - feedback: You reflected the fear before answering.
- **Giving information:** "I can't keep that between us. I'd talk to the on-call clinician, with you here." -> done
  - feedback: Honest about the limits, and with Sam.
  - tags: safety
- **Persuade:** "Just promise me you'll be fine." -> done
  - feedback: It closes the subject.

## fear

**Sam:** You're going to have to tell someone, aren't you?

- **Giving information:** "Yes. Let's ring the on-call clinician together, now." -> done
  - feedback: The warm handoff, with Sam.
  - tags: safety
- **Simple reflection:** "You think I'll have to tell someone." -> done
  - feedback: True, and the answer is still owed.

${goodEndingNamed('done')}`),
).scenario!;

function goodEndingNamed(id: string): string {
  return `## ${id}\n\n**Outcome:** positive\n\nSam stays.\n`;
}

describe('the debrief of a straight answer or a safety step', () => {
  const played = (...indices: number[]) => debriefOf(indices.reduce(choose, startRun(answering)))!;
  const notes = (...indices: number[]) => played(...indices).steps.map((step) => step.suggestion && `${suggestionLead(step.suggestion)}: ${step.suggestion.choice.says}`);

  it('does not call a straight answer to a direct question a miss, though MITI codes it as information', () => {
    expect(notes(0, 1)).toEqual([undefined, undefined]);
    // Nor the reflection offered instead: it only delays the answer, which comes next.
    expect(notes(1, 0, 1)).toEqual([undefined, undefined, undefined]);
  });

  it('does not call a reflection a miss when the safety step follows at the next turn', () => {
    expect(notes(0, 0, 0)).toEqual([undefined, undefined, undefined]);
  });

  it('points to the straight answer or the safety step where they were passed by', () => {
    expect(notes(2, 2)).toEqual(["The straight answer here: I'm not a therapist, and I don't pass things on unless you agree, except if someone were at serious risk.", "The safety step here: I can't keep that between us. I'd talk to the on-call clinician, with you here."]);
    // Reflecting the fear and then not taking the safety step is a safety step missed.
    expect(notes(0, 0, 1)).toEqual([undefined, "The safety step here: I can't keep that between us. I'd talk to the on-call clinician, with you here.", 'The safety step here: Yes. Let\'s ring the on-call clinician together, now.']);
  });

  it('counts a straight answer and a safety step as good moves, and a broken promise not', () => {
    expect(played(0, 1).steps.map((step) => isGoodMove(step.picked))).toEqual([true, true]);
    expect(played(2, 2).steps.map((step) => isGoodMove(step.picked))).toEqual([false, false]);
  });
});

describe("every scenario's model run", () => {
  const library = readdirSync('scenarios').filter((name) => name.endsWith('.md')).sort();

  it.each(library)('%s: the best path the first positive check allows ends well, with no step marked as a miss', (name) => {
    const parsed = lintText(readFileSync(`scenarios/${name}`, 'utf8'), name, false).scenario!;
    const model = modelRunOf(parsed);
    expect(model, 'a checks: entry with outcome: positive that can be played').toBeDefined();
    const debrief = debriefOf(model!)!;
    expect(debrief.ending.outcome).toBe('positive');
    const misses = debrief.steps.filter((step) => step.suggestion).map((step) => `at \`${step.node}\`, ${step.picked.code.name} "${step.picked.says}": ${suggestionLead(step.suggestion!)} is "${step.suggestion!.choice.says}"`);
    expect(misses).toEqual([]);
    expect(debrief.steps.every((step) => isGoodMove(step.picked)), 'every pick a good move, as the group debrief counts them').toBe(true);
  });
});
