import { describe, expect, it } from 'vitest';
import { chooseNumber, startRun } from '../../src/engine/run.ts';
import { transcriptMarkdown } from '../../src/engine/transcript-markdown.ts';
import { lintText, readFixture } from '../helpers.ts';

const scenario = lintText(readFixture('every-feature.md'), 'every-feature.md').scenario!;

describe('the transcript as Markdown', () => {
  it('names "You" as the coach of a run played alone', () => {
    const text = transcriptMarkdown(chooseNumber(chooseNumber(startRun(scenario), 1), 1), { date: new Date('2026-03-04T10:00:00Z') });
    expect(text).toContain('Practised on 4 Mar 2026.');
    expect(text).toContain('**You (Simple reflection):** "Twenty minutes is what you have."');
    expect(text).toContain('**Outcome:** positive');
  });

  it('names whoever spoke at each step, with a preface and notes after each choice', () => {
    const run = chooseNumber(chooseNumber(startRun(scenario), 1), 1);
    const text = transcriptMarkdown(run, { preface: ['Played by Ana and Ben, taking turns.'], coachAt: (step) => ['Ana', 'Ben'][step]!, notesAt: (step) => [`Note ${step + 1}.`] });
    expect(text).toContain('Played by Ana and Ben, taking turns.\n\n## Persona');
    expect(text).toContain('**Ana (Simple reflection):** "Twenty minutes is what you have."\n\n> Feedback: A simple reflection of the constraint, with **no** pressure.\n\nNote 1.');
    expect(text).toContain('**Ben (Emphasizing autonomy):** "You know your mornings best. Where would you start?"');
    expect(text).toContain('Note 2.');
  });

  it('says when the run has not ended', () => {
    expect(transcriptMarkdown(startRun(scenario))).toContain('_The run has not reached an ending yet._');
  });
});
