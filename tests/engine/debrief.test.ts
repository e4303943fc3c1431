/** The debrief a trainee reads: each step, and the option it points to where there was a better one. */
import { describe, expect, it } from 'vitest';
import { debriefOf, suggestionLead } from '../../src/engine/debrief.ts';
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
