// Hostile scenario text from the audit of issue 19, for `npm run bench`: each one at two sizes,
// linted as `coach lint` does, so that the bench can report how the time grows (twice the text
// should take about twice the time; the square would take four times, exponential for ever) and
// how it compares with ordinary text of the same length. The audit's figures: 38 s for a 27-letter
// YAML key made into a pattern, 75 s for 200,000 spaces in a YAML line, 12.5 s for 63,000 spaces in
// a heading. Before the fix, on a quiet machine: the key took 4.5 ms at 16 letters and 37 ms at 20
// (8.3x for 4 more), the spaces 321 ms at 30,000 and 1,243 ms at 60,000 (3.9x), the heading 166
// and 282 ms at 8,000 and 16,000, the `{#`s 31 and 111 ms at 4,000 and 8,000 (3.6x).
import { VFile } from 'vfile';

const body = '## opening\n\n**Sam:** Hi.\n\n- **Open question:** "What brings you here?" -> done\n  - feedback: Open.\n\n## done\n\n**Outcome:** positive\n\nDone.\n';
const front = (extra) => `---\ntitle: T\nsummary: S.\npersona:\n  name: Sam\nstate:\n  rapport: 0\n${extra}---\n\n`;

/** Each family: the hostile text of size n, and ordinary text of the same length to compare with. */
export const hostileFamilies = [
  {
    name: 'a YAML key shaped like a pattern, `a` × n',
    sizes: [20, 40],
    hostile: (n) => `${front(`checks:\n  - path: [opening, done]\n    state:\n      ".*(a+)+y": # ${'a'.repeat(n)}!\n`)}${body}`,
  },
  {
    name: 'a YAML value `*x`, n spaces, `y`',
    sizes: [30_000, 60_000],
    hostile: (n) => `${front(`coach_goal: *x${' '.repeat(n)}y\n`)}${body}`,
  },
  {
    name: 'a node\'s level-3 heading with n spaces inside',
    sizes: [8_000, 16_000],
    hostile: (n) => `${front('')}${body.replace('-> done', '-> next')}\n### next${' '.repeat(n)}x\n\n**Sam:** Hm.\n\n- **Open question:** "And?" -> done\n  - feedback: Open.\n`,
  },
  {
    name: 'a node heading with `{#` × n',
    sizes: [4_000, 8_000],
    hostile: (n) => `${front('')}${body.replace('## opening', `## opening ${'{#'.repeat(n)}x`)}`,
  },
];

/** Ordinary text as long as `text`: the same scenario, padded with a paragraph of words. */
export const ordinaryLike = (text) => `${front('')}${body}\nSome words. `.padEnd(text.length, 'Some words. ');

/** The median time to lint `text` (as `coach lint` does, without the walks), in ms. */
export async function timeLint(text, runs = 5) {
  const { lintScenario } = await import('../../src/engine/lint.ts');
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    lintScenario(new VFile({ path: 'hostile.md', value: text }), { modules: [], walkChecks: false });
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}
