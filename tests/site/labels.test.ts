import { describe, expect, it } from 'vitest';
import { scenarioFacts } from '../../src/site/labels.ts';
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
