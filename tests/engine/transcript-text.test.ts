import { describe, expect, it } from 'vitest';
import { plainText } from '../../cli/plain-markdown.ts';
import { chooseNumber, startRun } from '../../src/engine/run.ts';
import { summaryRowText, transcriptText } from '../../src/engine/transcript-text.ts';
import { lintText, readFixture } from '../helpers.ts';

const scenario = lintText(readFixture('every-feature.md'), 'every-feature.md').scenario!;
// The terminal's Markdown reader stands in for the site's (which reads the build's HTML in the browser).
const finished = () => chooseNumber(chooseNumber(startRun(scenario), 1), 1);

describe('the transcript as plain text', () => {
  it('has every part of the Markdown transcript with no Markdown marks', () => {
    const text = transcriptText(finished(), { plain: plainText, practised: '4 Mar 2026, 10:00' });
    expect(text.startsWith(`${scenario.meta.title}\nPractised on 4 Mar 2026, 10:00.\n\nPersona\n\nName: `)).toBe(true);
    expect(text).toContain('You (Simple reflection): "Twenty minutes is what you have."\nFeedback: A simple reflection of the constraint, with no pressure.');
    expect(text).toContain('\nDebrief\n\nOutcome: positive\n');
    expect(text).toContain('\nSummary of your coded choices\n\n');
    expect(text).toMatch(/\nTotal MI-adherent: \d+\.\n/);
    expect(text).toContain('\nStep by step\n\n1. Simple reflection: "Twenty minutes is what you have." – A simple reflection of the constraint, with no pressure.');
    for (const mark of ['**', '| ', '> ', '# ', '\n_', '`']) expect(text, mark).not.toContain(mark);
    expect(text).not.toMatch(/\n{3}/);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('puts replies written in own words before the option chosen, as the coder read them', () => {
    const text = transcriptText(finished(), { plain: plainText, ownWords: [{ text: 'So  twenty\nminutes.', code: 'Simple reflection', confidence: 0.8 }, null] });
    expect(text).toContain('You wrote: "So twenty minutes."\nRead by the coder as Simple reflection');
    expect(text).toContain('You chose (Simple reflection): "Twenty minutes is what you have."');
    expect(text).toContain('\nIn your own words\n\nYou wrote 1 reply:');
  });

  it('says when the run has not ended', () => {
    expect(transcriptText(startRun(scenario), { plain: plainText })).toContain('The run has not reached an ending yet.');
  });

  it('writes a summary row as a line, with its thresholds where it has them', () => {
    expect(summaryRowText({ measure: 'Total MI-adherent', value: '3', fair: '–', good: '–', rating: '' })).toBe('Total MI-adherent: 3.');
    expect(summaryRowText({ measure: 'Reflection-to-question ratio (R:Q)', value: '2:1 (2 reflections, 1 question)', fair: '1:1', good: '2:1', rating: 'good' })).toBe('Reflection-to-question ratio (R:Q): 2:1 (2 reflections, 1 question), good. Fair 1:1, good 2:1.');
    expect(summaryRowText({ measure: 'Percent complex reflections (%CR)', value: 'No reflections were chosen, so there is no percentage to show.', fair: '40%', good: '50%', rating: '' })).toBe('Percent complex reflections (%CR): No reflections were chosen, so there is no percentage to show. Fair 40%, good 50%.');
  });
});
