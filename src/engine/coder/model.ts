/**
 * The statistical half of the coder: a multinomial logistic regression over the features of
 * `features.ts`, trained at build time from the library's coded lines (`scripts/coder/`). This
 * file only reads a trained model; it never learns.
 */
import { codeNames, type CodeName } from './codes.ts';

/** A trained model, as the build writes it: a weight per code for each feature it kept. */
export interface CoderModel {
  /** The format of this object; a model of another version is refused. */
  readonly version: 1;
  /** The codes, in the order of every weight list. */
  readonly codes: readonly CodeName[];
  readonly bias: readonly number[];
  /** For each feature, its weights as `[code index, weight]` pairs; absent pairs weigh 0. */
  readonly weights: Readonly<Record<string, readonly (readonly [number, number])[]>>;
  /** What it was trained on, for the record. */
  readonly trainedOn: { readonly lines: number; readonly sources: readonly string[]; /** A hash of what it was trained from, so the build trains again only when that changes. */ readonly inputs?: string };
}

/** Each code's probability for a reply with these features, and each feature's pull towards each code. */
export interface Scores {
  readonly probability: ReadonlyMap<CodeName, number>;
  /** The weight each feature gave each code, to explain a decision by its strongest features. */
  readonly pull: (code: CodeName) => readonly (readonly [string, number])[];
}

/** Scores a reply's features with the model, among `allowed` codes only (the rules may rule some out). */
export function score(model: CoderModel, features: readonly string[], allowed: readonly CodeName[] = codeNames): Scores {
  const logits = [...model.bias];
  for (const feature of features) {
    for (const [index, weight] of model.weights[feature] ?? []) logits[index]! += weight;
  }
  const open = model.codes.map((code) => allowed.includes(code));
  const top = Math.max(...logits.filter((_, index) => open[index]));
  const exp = logits.map((logit, index) => (open[index] ? Math.exp(logit - top) : 0));
  const total = exp.reduce((sum, value) => sum + value, 0);
  const probability = new Map(model.codes.map((code, index) => [code, exp[index]! / total]));
  return {
    probability,
    pull: (code) => {
      const index = model.codes.indexOf(code);
      return features
        .map((feature) => [feature, (model.weights[feature] ?? []).find(([at]) => at === index)?.[1] ?? 0] as const)
        .filter(([, weight]) => weight > 0)
        .sort((a, b) => b[1] - a[1]);
    },
  };
}

/** Checks that an object read from a file is a model this code can use; throws a plain message if not. */
export function checkModel(value: unknown): CoderModel {
  const model = value as Partial<CoderModel> | undefined;
  if (!model || model.version !== 1 || !Array.isArray(model.codes) || !Array.isArray(model.bias) || typeof model.weights !== 'object') {
    throw new Error('The coder model is missing or of another version: run `npm run build:coder` to train it again');
  }
  return model as CoderModel;
}
