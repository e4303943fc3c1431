/**
 * Trains the coder's model: a multinomial logistic regression fitted by stochastic gradient
 * descent over the features of `src/engine/coder/features.ts`. Pure and deterministic (a fixed
 * order, no randomness), so the same library always gives the same model, byte for byte.
 *
 * Written here rather than taken from a library: the registry's classifiers either run only in
 * Node (`natural`), export a model we could not explain feature by feature (`wink-naive-bayes-
 * text-classifier` keeps its internals private), or bring a numeric stack far larger than the
 * forty lines below. The coder needs each feature's weight per code to say why it decided.
 */
import { codeNames, type CodeName } from '../../src/engine/coder/codes.ts';
import { readReply } from '../../src/engine/coder/features.ts';
import type { CoderModel } from '../../src/engine/coder/model.ts';

/** One coded line to learn from. */
export interface Example {
  readonly text: string;
  readonly code: CodeName;
  /** The person's line the reply answers, if known. */
  readonly context?: string;
  /** Where it came from: a scenario id, a module id, or `training-replies`. */
  readonly source: string;
}

export interface TrainOptions {
  readonly epochs?: number;
  readonly learningRate?: number;
  /** L2 penalty on each weight a step touches. */
  readonly l2?: number;
  /** A feature must occur in this many examples to be kept. */
  readonly minCount?: number;
}

/** Fits a model to the examples. */
export function trainModel(examples: readonly Example[], options: TrainOptions = {}): CoderModel {
  const { epochs = 30, learningRate = 0.3, l2 = 1e-4, minCount = 3 } = options;
  const read = examples.map((example) => ({ features: readReply(example.text, example.context).features, label: codeNames.indexOf(example.code) }));
  const count = new Map<string, number>();
  for (const { features } of read) for (const feature of features) count.set(feature, (count.get(feature) ?? 0) + 1);
  const kept = [...count].filter(([, n]) => n >= minCount).map(([feature]) => feature).sort();
  const index = new Map(kept.map((feature, at) => [feature, at]));
  const classes = codeNames.length;
  const weights = new Float64Array(kept.length * classes);
  const bias = new Float64Array(classes);
  const rows = read.map(({ features, label }) => ({ ids: features.flatMap((feature) => (index.has(feature) ? [index.get(feature)!] : [])), label }));
  // A fixed interleaving instead of a random shuffle: every seventh example in turn.
  const order = rows.map((_, at) => at).sort((a, b) => ((a * 7919) % rows.length) - ((b * 7919) % rows.length) || a - b);
  // Each code weighs by the square root of its rarity, so the library's many Persuade choices do not
  // drown the rarer codes a trainee is learning to produce.
  const perCode = new Float64Array(classes);
  for (const { label } of rows) perCode[label]!++;
  const weightOf = [...perCode].map((n) => (n === 0 ? 0 : Math.sqrt(rows.length / classes / n)));
  const logits = new Float64Array(classes);
  for (let epoch = 0; epoch < epochs; epoch++) {
    const rate = learningRate / (1 + epoch * 0.2);
    for (const at of order) {
      const { ids, label } = rows[at]!;
      for (let c = 0; c < classes; c++) {
        let sum = bias[c]!;
        for (const id of ids) sum += weights[id * classes + c]!;
        logits[c] = sum;
      }
      const top = Math.max(...logits);
      let total = 0;
      for (let c = 0; c < classes; c++) total += (logits[c] = Math.exp(logits[c]! - top));
      for (let c = 0; c < classes; c++) {
        const gradient = (logits[c]! / total - (c === label ? 1 : 0)) * weightOf[label]!;
        bias[c]! -= rate * gradient;
        for (const id of ids) {
          const at = id * classes + c;
          weights[at]! -= rate * (gradient + l2 * weights[at]!);
        }
      }
    }
  }
  const sparse: Record<string, [number, number][]> = {};
  kept.forEach((feature, at) => {
    const pairs: [number, number][] = [];
    for (let c = 0; c < classes; c++) {
      const weight = Math.round(weights[at * classes + c]! * 100) / 100;
      if (Math.abs(weight) >= 0.02) pairs.push([c, weight]);
    }
    if (pairs.length > 0) sparse[feature] = pairs;
  });
  return {
    version: 1,
    codes: [...codeNames],
    bias: [...bias].map((value) => Math.round(value * 100) / 100),
    weights: sparse,
    trainedOn: { lines: examples.length, sources: [...new Set(examples.map((example) => example.source))].sort() },
  };
}
