/**
 * The studio's paths view and the page that plays a file, as far as they are worked out without a
 * browser: the paths come in the very words `coach paths` prints, only when asked for; a file's
 * name becomes an id the checks accept.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDraft } from '../../src/studio/check-draft.ts';
import { idFileName } from '../../src/studio/file-name.ts';
import { fixtureModules } from '../helpers.ts';

const garden = readFileSync(new URL('../browser/fixtures/garden-centre-with-sam.md', import.meta.url), 'utf8');
const check = (text: string, paths: boolean) => checkDraft({ text, fileName: 'garden-centre-with-sam.md', modules: fixtureModules, paths });

describe('the paths in the studio', () => {
  it('are worked out only while the paths view is open', () => {
    expect(check(garden, false).paths).toBeUndefined();
  });

  it('list each ending with what every run shares, where runs differ, and each way, as coach paths does', () => {
    const paths = check(garden, true).paths;
    expect(paths).toMatchObject({ listed: true });
    if (!paths?.listed) return;
    expect(paths.endings).toEqual([
      {
        heading: 'good (positive)',
        runs: '2 runs reach this ending, in 2 ways through the nodes.',
        shared: ['passes `start`, `good`', 'ends with hope from 1 to 2'],
        varying: ['pass `draws` (way 1), `worries` (way 2)', 'pick Open question (in way 1), Simple reflection (in way 2), Complex reflection (in way 1), Affirm (in way 2)'],
        ways: [
          { title: 'Way 1 (1 run): `start` → `draws` → `good`', lines: ['at `start`: 1. Open question “What draws you to it?”', 'at `draws`: 1. Complex reflection “Being outside, growing things, feels like you.”', 'ends with hope = 2'] },
          { title: 'Way 2 (1 run): `start` → `worries` → `good`', lines: ['at `start`: 2. Simple reflection “Saturdays at the garden centre.”', 'at `worries`: 1. Affirm “You\'ve kept your allotment going all year.”', 'ends with hope = 1'] },
        ],
        listed: 'Listed: both ways, from every run.',
      },
    ]);
  });

  it('say why they are not listed while the draft has errors', () => {
    expect(check(garden.replace('-> worries', '-> worried'), true).paths).toEqual({ listed: false, why: 'The paths show once the draft has no errors.' });
  });
});

describe('the name a played file is checked under', () => {
  it('is an id the checks accept, whatever the file was saved as', () => {
    expect(idFileName('garden-centre-with-sam.md')).toBe('garden-centre-with-sam.md');
    expect(idFileName('Garden centre with Sam (1).md')).toBe('garden-centre-with-sam.md');
    expect(idFileName('Ösel’s scenario.txt')).toBe('sel-s-scenario.md');
    expect(idFileName('(2).md')).toBe('scenario.md');
  });
});
