import { describe, expect, it } from 'vitest';
import { behaviourCodes, findBehaviourCode } from '../../src/engine/behaviour-codes.ts';
import { summarise, summaryNotes, summaryRows } from '../../src/engine/score.ts';

const codes = (...names: string[]) => names.map((name) => findBehaviourCode(name)!);

describe('the MITI-style summary', () => {
  it('counts reflections per question and the share of complex reflections', () => {
    const summary = summarise(codes('Open question', 'Closed question', 'Simple reflection', 'Complex reflection', 'Summary', 'Complex reflection'));
    expect(summary.reflectionToQuestion).toEqual({ value: 2, rating: 'good' });
    expect(summary.percentComplexReflections).toEqual({ value: 0.75, rating: 'good' });
    expect(summaryRows(summary).map((row) => `${row.measure}: ${row.value} [${row.fair} / ${row.good}] ${row.rating}`)).toEqual([
      'Reflection-to-question ratio (R:Q): 2:1 (4 reflections, 2 questions) [1:1 / 2:1] ',
      'Percent complex reflections (%CR): 75% (3 of 4) [40% / 50%] ',
      'Total MI-adherent: 0 [– / –] ',
      'Total MI non-adherent: 0 [– / –] ',
    ]);
  });

  it('rates against the fair and good thresholds', () => {
    expect(summarise(codes('Open question', 'Simple reflection')).reflectionToQuestion).toEqual({ value: 1, rating: 'fair' });
    expect(summarise(codes('Open question', 'Open question', 'Simple reflection')).reflectionToQuestion).toEqual({ value: 0.5, rating: 'below fair' });
    expect(summarise(codes('Simple reflection', 'Complex reflection', 'Simple reflection')).percentComplexReflections).toMatchObject({ rating: 'below fair' });
    expect(summarise(codes('Simple reflection', 'Complex reflection')).percentComplexReflections).toEqual({ value: 0.5, rating: 'good' });
  });

  it('rates only runs with enough coded choices, and says why beside the figures', () => {
    const short = summarise(codes('Open question', 'Simple reflection', 'Summary'));
    expect(summaryRows(short).map((row) => row.rating)).toEqual(['', '', '', '']);
    expect(summaryNotes(short)).toEqual([
      'This summarises the coded choices you picked in this scenario. It is not a MITI rating of your own speech.',
      'The fair and good thresholds are from the MITI 4.2.1 coding manual (Moyers, Manuel & Ernst, 2015), which describes them as expert opinion, for coding 20 minutes of real conversation.',
      'With 3 coded choices, far fewer than a 20-minute conversation holds, the figures are shown without a fair or good rating: read them as a rough guide.',
      "A choice coded Summary counts as a complex reflection, by this course's convention (the scenario format's): MITI codes a summary as a reflection, and as complex only when it adds a point or gives direction, so %CR here runs a little high.",
    ]);
    const long = summarise(codes(...Array<string>(5).fill('Open question'), ...Array<string>(5).fill('Complex reflection')));
    expect(summaryRows(long).map((row) => row.rating)).toEqual(['fair', 'good', '', '']);
    expect(summaryNotes(long)).toHaveLength(2);
  });

  it('says in words when there is nothing to divide by', () => {
    const none = summaryRows(summarise(codes('Affirm', 'Persuade')));
    expect(none[0]!.value).toBe('No questions or reflections were picked, so there is no ratio.');
    expect(none[1]!.value).toBe('No reflections were picked, so there is no percentage to show.');
    expect(summaryRows(summarise(codes('Simple reflection')))[0]!.value).toBe('No questions were picked, so there is no ratio to show.');
  });

  it('totals MI-adherent and MI non-adherent codes', () => {
    const summary = summarise(codes('Affirm', 'Seeking collaboration', 'Emphasizing autonomy', 'Persuade', 'Confront', 'Persuade with permission', 'Giving information'));
    expect([summary.miAdherent, summary.miNonAdherent]).toEqual([3, 2]);
  });

  it("words an observer's tallies as tallies, not as picked choices", () => {
    const tallies = summarise(codes('Affirm', 'Summary'), 'tallies');
    expect(summaryRows(tallies)[0]!.value).toBe('No questions were tallied, so there is no ratio to show.');
    expect(summaryNotes(tallies)).toEqual([
      "This summarises an observer's live tallies of what the coach said. It is a practice aid, not a MITI rating by a trained coder.",
      'The fair and good thresholds are from the MITI 4.2.1 coding manual (Moyers, Manuel & Ernst, 2015), which describes them as expert opinion, for coding 20 minutes of real conversation.',
      'With 2 tallies, far fewer than a 20-minute conversation holds, the figures are shown without a fair or good rating: read them as a rough guide.',
      "A Summary tally counts as a complex reflection, by this course's convention (the scenario format's): MITI codes a summary as a reflection, and as complex only when it adds a point or gives direction, so %CR here runs a little high.",
    ]);
  });

  it('matches codes ignoring case, and knows all twelve', () => {
    expect(behaviourCodes).toHaveLength(12);
    expect(findBehaviourCode('  persuade WITH permission ')?.name).toBe('Persuade with permission');
    expect(findBehaviourCode('Reflection')).toBeUndefined();
  });
});
