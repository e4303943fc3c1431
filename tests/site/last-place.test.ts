import { describe, expect, it } from 'vitest';
import { continueLinks } from '../../src/site/last-place.ts';

describe('continue where you left off', () => {
  const module = { id: 'mi-oars', title: 'Motivational interviewing: OARS', at: '2026-12-07T10:00:00.000Z' };
  const scenario = { id: 'first-conversation-with-jordan', title: 'A first conversation with Jordan', at: '2026-12-07T11:00:00.000Z' };

  it('offers nothing when the reader has been nowhere', () => {
    expect(continueLinks({}, new Set())).toEqual([]);
  });

  it('offers the scenario while its run is in progress, most recent first', () => {
    expect(continueLinks({ module, scenario }, new Set([scenario.id]))).toEqual([
      { href: '/scenarios/first-conversation-with-jordan', text: 'Your run of “A first conversation with Jordan”' },
      { href: '/modules/mi-oars', text: 'The module “Motivational interviewing: OARS”' },
    ]);
  });

  it('leaves out a scenario whose run has finished or been cleared', () => {
    expect(continueLinks({ module, scenario }, new Set())).toEqual([{ href: '/modules/mi-oars', text: 'The module “Motivational interviewing: OARS”' }]);
  });
});
