/** The trace of a run: at every step the choice, the routes taken and why, and the variables after. */
import { describe, expect, it } from 'vitest';
import { chooseNumber, startRun } from '../../src/engine/run.ts';
import { describeTrace, traceRun } from '../../src/engine/trace.ts';
import { goodEnding, lintText, scenario } from '../helpers.ts';

const text = scenario(
  `## a\n\n**Sam:** Hello.\n\n- **Affirm:** "You came." -> gate\n  - feedback: f\n  - set: rapport +2, trust = 1\n- **Persuade:** "You should come more." -> gate\n  - feedback: f\n\n## gate\n\n- -> good if rapport >= 3\n- -> mid if rapport >= 2 and trust > 0\n- -> bad\n\n## mid\n\n- **Open question:** "What next?" -> good\n  - feedback: f\n\n${goodEnding}\n## bad\n\n**Outcome:** negative\n\nB.\n`,
).replace('  rapport: 0\n', '  rapport: 0\n  trust: 0\n');
const { scenario: parsed, machine } = lintText(text);

describe('traceRun', () => {
  it('gives each step its choice, the route each route node took with every condition tried and the values it read, and the variables', () => {
    const run = chooseNumber(chooseNumber(startRun(parsed!, machine!), 1), 1);
    expect(traceRun(run)).toEqual([
      { step: 0, routes: [], node: 'a', variables: { rapport: 0, trust: 0 }, changed: [] },
      {
        step: 1,
        choice: { node: 'a', number: 1, offered: 2, index: 0, code: 'Affirm', says: 'You came.', target: 'gate', effects: 'rapport +2, trust = 1' },
        routes: [
          {
            node: 'gate',
            index: 1,
            target: 'mid',
            tried: [
              { index: 0, target: 'good', condition: 'rapport >= 3', holds: false, values: { rapport: 2 }, explained: '`rapport >= 3` does not hold (rapport = 2)' },
              { index: 1, target: 'mid', condition: 'rapport >= 2 and trust > 0', holds: true, values: { rapport: 2, trust: 1 }, explained: '`rapport >= 2 and trust > 0` holds (rapport = 2, trust = 1)' },
            ],
          },
        ],
        node: 'mid',
        variables: { rapport: 2, trust: 1 },
        changed: [{ variable: 'rapport', from: 0, to: 2 }, { variable: 'trust', from: 0, to: 1 }],
      },
      {
        step: 2,
        choice: { node: 'mid', number: 1, offered: 1, index: 0, code: 'Open question', says: 'What next?', target: 'good', effects: '' },
        routes: [],
        node: 'good',
        ending: { id: 'good', outcome: 'positive' },
        variables: { rapport: 2, trust: 1 },
        changed: [],
      },
    ]);
  });

  it('reads as sentences, the same in `coach run --trace` and under a failing check', () => {
    const run = chooseNumber(chooseNumber(startRun(parsed!, machine!), 1), 1);
    expect(describeTrace(traceRun(run))).toEqual([
      'Start at `a`, with rapport = 0, trust = 0.',
      '1. At `a`, took choice 1 of 2, Affirm: “You came.” → `gate`.',
      '   Route node `gate` went on to `mid`, as `rapport >= 2 and trust > 0` holds (rapport = 2, trust = 1), and before it `rapport >= 3` does not hold (rapport = 2).',
      '   Now at `mid`, with rapport = 2 (was 0), trust = 1 (was 0).',
      '2. At `mid`, took choice 1 of 1, Open question: “What next?” → `good`.',
      '   Ended at `good` (positive), with rapport = 2, trust = 1.',
    ]);
    const toBad = chooseNumber(startRun(parsed!, machine!), 2);
    expect(describeTrace(traceRun(toBad)).slice(1)).toEqual([
      '1. At `a`, took choice 2 of 2, Persuade: “You should come more.” → `gate`.',
      '   Route node `gate` went on to `bad`, its last route, as `rapport >= 3` does not hold (rapport = 0) and `rapport >= 2 and trust > 0` does not hold (rapport = 0, trust = 0).',
      '   Ended at `bad` (negative), with rapport = 0, trust = 0.',
    ]);
  });
});
