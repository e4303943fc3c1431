import { describe, expect, it } from 'vitest';
import { dayDate, runDate, runFigures, scenarioFacts } from '../../src/site/labels.ts';
import { lintText, readFixture } from '../helpers.ts';

describe('the facts shown with every scenario', () => {
  const meta = lintText(readFixture('every-feature.md'), 'every-feature.md').scenario!.meta;

  it('gives the level and the time in words, one minute as a minute', () => {
    expect(scenarioFacts({ ...meta, level: 'beginner', minutes: 10 })).toBe('Beginner · about 10 minutes');
    expect(scenarioFacts({ ...meta, level: 'advanced', minutes: 1 })).toBe('Advanced · about 1 minute');
  });

  it('leaves the time out when the scenario does not give one', () => {
    expect(scenarioFacts({ ...meta, level: 'intermediate', minutes: undefined })).toBe('Intermediate');
  });
});

describe('a finished run\'s figures', () => {
  const summary = { questions: 0, reflections: 0, complexReflections: 0, miAdherent: 0, miNonAdherent: 2 };

  it('leaves out the ratio of reflections to questions when there were neither', () => {
    expect(runFigures(summary)).toBe('0 MI-adherent, 2 non-adherent');
  });

  it('gives the ratio with singular and plural words', () => {
    expect(runFigures({ ...summary, reflections: 2, questions: 1, miAdherent: 3, miNonAdherent: 0 })).toBe('2 reflections to 1 question · 3 MI-adherent, 0 non-adherent');
    expect(runFigures({ ...summary, reflections: 1, questions: 0 })).toBe('1 reflection to 0 questions · 0 MI-adherent, 2 non-adherent');
  });
});

describe('dates', () => {
  it('are written one way everywhere: the day, and the time where it matters', () => {
    expect(dayDate('2026-12-07T10:00:00Z')).toBe('7 Dec 2026');
    expect(runDate('2026-12-07T10:00:00Z')).toMatch(/^7 Dec 2026, \d\d:\d\d$/);
  });
});
