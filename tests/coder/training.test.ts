import { describe, expect, test } from 'vitest';
import { agreementOf, cohensKappa, confusion, evaluateCoder, perCode } from '../../scripts/coder/evaluate.ts';
import { codeOfLabel, moduleExamples, scenarioExamples, trainingReplies } from '../../scripts/coder/examples.ts';
import { trainModel } from '../../scripts/coder/train.ts';
import { createCoder } from '../../src/engine/coder/code-utterance.ts';
import { codeNames } from '../../src/engine/coder/codes.ts';

describe("Cohen's κ", () => {
  test('is 1 for perfect agreement and 0 for agreement no better than chance', () => {
    expect(cohensKappa([['a', 'a'], ['b', 'b'], ['c', 'c']])).toBe(1);
    // Each rater says a half the time, independently: observed 0.5, expected 0.5.
    expect(cohensKappa([['a', 'a'], ['a', 'b'], ['b', 'a'], ['b', 'b']])).toBe(0);
  });

  test('matches a worked example: 20 items, 15 agreed, marginals 10/10 and 11/9', () => {
    const pairs: [string, string][] = [
      ...Array.from({ length: 8 }, () => ['yes', 'yes'] as [string, string]),
      ...Array.from({ length: 2 }, () => ['yes', 'no'] as [string, string]),
      ...Array.from({ length: 3 }, () => ['no', 'yes'] as [string, string]),
      ...Array.from({ length: 7 }, () => ['no', 'no'] as [string, string]),
    ];
    // p_o = 0.75; p_e = 0.5 * 0.55 + 0.5 * 0.45 = 0.5; κ = 0.25 / 0.5.
    expect(cohensKappa(pairs)).toBeCloseTo(0.5, 10);
  });
});

describe('agreement by code and by MITI group', () => {
  test('a reflection coded simple by one and complex by the other agrees on the group, not the code', () => {
    const agreement = agreementOf([['Simple reflection', 'Complex reflection'], ['Open question', 'Open question'], ['Persuade', 'Persuade']]);
    expect(agreement.accuracy).toBeCloseTo(2 / 3);
    expect(agreement.groupAccuracy).toBe(1);
  });

  test('open against closed is scored only where both call it a question', () => {
    expect(agreementOf([['Open question', 'Closed question'], ['Open question', 'Open question'], ['Open question', 'Persuade']]).openClosed).toBe(0.5);
  });

  test('the confusion table has a row and a column per answer, and per-code counts add up', () => {
    const pairs = [['Affirm', 'Affirm'], ['Affirm', 'Complex reflection']] as const;
    const table = confusion(pairs);
    expect(table).toHaveLength(codeNames.length);
    expect(table[codeNames.indexOf('Affirm')]![codeNames.indexOf('Complex reflection')]).toBe(1);
    expect(perCode(pairs).find((row) => row.code === 'Affirm')).toMatchObject({ reference: 2, coded: 1, both: 1, recall: 0.5, precision: 1 });
  });
});

describe('what the coder learns from', () => {
  test("a module's label is read as one code by the coding order", () => {
    expect(codeOfLabel('summary, then open question')).toBe('Open question');
    expect(codeOfLabel('affirmation')).toBe('Affirm');
    expect(codeOfLabel('double-sided reflection')).toBe('Complex reflection');
    expect(codeOfLabel('emphasising autonomy, then seeking collaboration')).toBe('Emphasizing autonomy');
    expect(codeOfLabel('modelling')).toBeUndefined();
  });

  test('every scenario choice, module line and training reply is read, each with a known code', async () => {
    const scenarios = await scenarioExamples();
    const modules = await moduleExamples();
    const replies = trainingReplies();
    expect(new Set(scenarios.map((example) => example.source)).size).toBeGreaterThanOrEqual(15);
    expect(modules.length).toBeGreaterThan(50);
    expect(replies.length).toBeGreaterThan(1500);
    for (const example of [...scenarios, ...modules, ...replies]) expect(codeNames).toContain(example.code);
  });

  test('training is deterministic: the same lines give the same model, byte for byte', async () => {
    const lines = (await scenarioExamples()).slice(0, 200);
    expect(JSON.stringify(trainModel(lines))).toBe(JSON.stringify(trainModel(lines)));
  });

  test('a model trained on a few lines codes a like reply the same way', () => {
    const model = trainModel([
      { text: 'You feel let down by everyone.', code: 'Complex reflection', source: 'test' },
      { text: 'You feel tired of it all.', code: 'Complex reflection', source: 'test' },
      { text: 'The group meets on Tuesdays at six.', code: 'Giving information', source: 'test' },
      { text: 'The clinic opens at nine on Mondays.', code: 'Giving information', source: 'test' },
    ], { minCount: 1 });
    const code = createCoder(model);
    expect(code('The café opens on Tuesdays.').code).toBe('Giving information');
    expect(code('You feel let down.').group).toBe('reflection');
  });
});

describe('the evaluation', () => {
  test('leaves each scenario out in turn and measures the held-out replies against both coders', async () => {
    const result = await evaluateCoder();
    const loso = result.leaveOneScenarioOut;
    expect(loso.scenarios).toBeGreaterThanOrEqual(15);
    expect(loso.items).toBeGreaterThan(700);
    expect(loso.kappa).toBeGreaterThan(0);
    expect(loso.kappa).toBeLessThanOrEqual(1);
    expect(result.heldOut?.replies).toBeGreaterThanOrEqual(200);
    // The two coders worked blind from the same rules; their agreement is reported beside the coder's.
    expect(result.heldOut!.humans.items).toBe(result.heldOut!.replies);
  }, 120_000);
});
