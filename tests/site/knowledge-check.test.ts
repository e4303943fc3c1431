/** What one attempt at a knowledge check shows: its draw and option orders, its answer key and its score. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { answerKeyOf, arrange, newSeed, scoreOf, scoreSentence, seededShuffle } from '../../src/site/check-attempt.ts';
import { checkBankSchema } from '../../src/site/check-schema.ts';

const bank = checkBankSchema.parse(parseYaml(readFileSync('content/checks/what-recovery-means.yaml', 'utf8')));
const shapes = bank.questions.map((question) => ({ id: question.id, options: question.options.length }));
const seeds = Array.from({ length: 3000 }, (_, i) => `seed-${i}`);

describe('an attempt, from its seed', () => {
  it('shows the same questions in the same order, with the same option orders, on every reload', () => {
    expect(arrange(shapes, 6, 'k3x9')).toEqual(arrange(shapes, 6, 'k3x9'));
  });

  it('draws six different questions of the bank, and every option of each once', () => {
    const { questions } = arrange(shapes, 6, 'k3x9');
    expect(questions).toHaveLength(6);
    expect(new Set(questions.map((question) => question.id)).size).toBe(6);
    for (const { id, order } of questions) expect([...order].sort()).toEqual([...Array(shapes.find((shape) => shape.id === id)!.options).keys()]);
  });

  it('shows something new on "Try again": another seed, another arrangement', () => {
    const arrangements = new Set(seeds.slice(0, 200).map((seed) => JSON.stringify(arrange(shapes, 6, seed))));
    expect(arrangements.size).toBe(200);
  });

  // Over many attempts, each question is drawn about as often as any other, and the right answer
  // of a question lands in each place about as often: nothing to learn from where it sits.
  it('draws each question, and puts each option in each place, about equally often', () => {
    const drawn = new Map<string, number>();
    const places = [0, 0, 0];
    for (const seed of seeds) {
      for (const { id, order } of arrange(shapes, 6, seed).questions) {
        drawn.set(id, (drawn.get(id) ?? 0) + 1);
        if (id === 'definition') places[order.indexOf(0)]!++;
      }
    }
    const expectedDraws = (seeds.length * 6) / shapes.length;
    for (const id of shapes.map((shape) => shape.id)) expect(Math.abs(drawn.get(id)! - expectedDraws) / expectedDraws, id).toBeLessThan(0.1);
    const timesShown = places.reduce((a, b) => a + b, 0);
    for (const count of places) expect(Math.abs(count - timesShown / 3) / (timesShown / 3)).toBeLessThan(0.12);
  });

  it('shuffles with Fisher–Yates from a seeded generator: a permutation, fixed by seed and scope', () => {
    const items = ['a', 'b', 'c', 'd', 'e'];
    expect(seededShuffle(items, 's', 'x')).toEqual(seededShuffle(items, 's', 'x'));
    expect([...seededShuffle(items, 's', 'x')].sort()).toEqual(items);
    expect(new Set(['x', 'y', 'z', 'w'].map((scope) => seededShuffle(items, 's', scope).join(''))).size).toBeGreaterThan(1);
    expect(items).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('starts from a fresh random seed each time', () => {
    expect(newSeed()).not.toBe(newSeed());
  });
});

describe('the answer key', () => {
  it('gives each question its right option and every option’s feedback, by the position in the bank', () => {
    const key = answerKeyOf(bank);
    const chime = bank.questions.find((question) => question.id === 'chime')!;
    expect(key.chime).toEqual({ answer: chime.options.findIndex((option) => option.correct), feedback: chime.options.map((option) => option.feedback) });
    expect(Object.keys(key)).toEqual(bank.questions.map((question) => question.id));
  });
});

describe('the score', () => {
  const sections = [
    { slug: 'recovery-is-a-personal-process', title: 'Recovery is a personal process' },
    { slug: 'chime-what-people-say-helps', title: 'CHIME: what people say helps' },
    { slug: 'the-words-we-use', title: 'The words we use' },
  ];
  const sectionOf = new Map([
    ['a', 'the-words-we-use'],
    ['b', 'recovery-is-a-personal-process'],
    ['c', 'the-words-we-use'],
    ['d', 'chime-what-people-say-helps'],
  ]);

  it('waits until every question drawn has an answer', () => {
    expect(scoreOf(['a', 'b', 'c'], new Map([['a', true], ['b', false]]), sectionOf, sections)).toBeUndefined();
  });

  it('counts the right answers and lists each section of a missed question once, in the module’s order', () => {
    const score = scoreOf(['a', 'b', 'c', 'd'], new Map([['a', false], ['b', true], ['c', false], ['d', false]]), sectionOf, sections)!;
    expect(scoreSentence(score)).toBe('You answered 1 of 4 correctly.');
    expect(score.readAgain.map((section) => section.title)).toEqual(['CHIME: what people say helps', 'The words we use']);
  });

  it('has nothing to read again when every answer is right', () => {
    expect(scoreOf(['a', 'b'], new Map([['a', true], ['b', true]]), sectionOf, sections)).toEqual({ correct: 2, of: 2, readAgain: [] });
  });
});
