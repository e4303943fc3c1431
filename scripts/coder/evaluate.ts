/**
 * How well the coder agrees with people, measured two ways (`coach code --evaluate`, `npm run bench`):
 *
 * 1. Leave one scenario out: train on every other scenario (with the modules and the training
 *    replies), code the one left out, and compare with what its trainer wrote.
 * 2. Held-out replies (`tests/fixtures/coder/`): replies written as trainees type, coded blind by
 *    two independent coders, never trained or tuned on. The coder's agreement with each is shown
 *    beside theirs with each other.
 *
 * Agreement is Cohen's κ over the thirteen answers (the twelve codes and `none`) and over the MITI
 * groups, with accuracy, open-versus-closed accuracy and a confusion table.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/node/project-root.ts';
import { createCoder } from '../../src/engine/coder/code-utterance.ts';
import { codeNamed, codeNames, groupOf, type CodeGroup, type CodeName } from '../../src/engine/coder/codes.ts';
import { defaultScenariosFolder, moduleExamples, scenarioExamples, trainingReplies } from './examples.ts';
import { trainModel, type Example } from './train.ts';

export const heldOutFolder = join(projectRoot, 'tests', 'fixtures', 'coder');

/** Pairs of answers for the same items, from two raters. */
type Pairs<T> = readonly (readonly [T, T])[];

/** Cohen's κ: agreement beyond what the raters' own label frequencies would give by chance. */
export function cohensKappa<T>(pairs: Pairs<T>): number {
  if (pairs.length === 0) return Number.NaN;
  const observed = pairs.filter(([a, b]) => a === b).length / pairs.length;
  const first = new Map<T, number>();
  const second = new Map<T, number>();
  for (const [a, b] of pairs) {
    first.set(a, (first.get(a) ?? 0) + 1);
    second.set(b, (second.get(b) ?? 0) + 1);
  }
  let expected = 0;
  for (const [label, count] of first) expected += (count / pairs.length) * ((second.get(label) ?? 0) / pairs.length);
  return expected === 1 ? 1 : (observed - expected) / (1 - expected);
}

/** Agreement of two raters over the same items, for the codes and for the MITI groups. */
export interface Agreement {
  readonly items: number;
  readonly accuracy: number;
  readonly kappa: number;
  readonly groupAccuracy: number;
  readonly groupKappa: number;
  /** Of the items both call a question, the share where they agree on open or closed. */
  readonly openClosed: number;
}

export function agreementOf(pairs: Pairs<CodeName>): Agreement {
  const groups: Pairs<CodeGroup> = pairs.map(([a, b]) => [groupOf(a), groupOf(b)]);
  const questions = pairs.filter(([a, b]) => groupOf(a) === 'question' && groupOf(b) === 'question');
  const share = <T>(list: Pairs<T>) => list.filter(([a, b]) => a === b).length / (list.length || 1);
  return {
    items: pairs.length,
    accuracy: share(pairs),
    kappa: cohensKappa(pairs),
    groupAccuracy: share(groups),
    groupKappa: cohensKappa(groups),
    openClosed: share(questions),
  };
}

/** Per code: how often the reference gave it, how often the coder did, and how often both. */
export function perCode(pairs: Pairs<CodeName>) {
  return codeNames.map((code) => {
    const reference = pairs.filter(([gold]) => gold === code).length;
    const coded = pairs.filter(([, got]) => got === code).length;
    const both = pairs.filter(([gold, got]) => gold === code && got === code).length;
    return { code, reference, coded, both, recall: reference ? both / reference : Number.NaN, precision: coded ? both / coded : Number.NaN };
  });
}

/** What the coder learns from, read once: the folder's scenario choices, and the rest it always learns from. */
interface Learnt {
  readonly library: readonly Example[];
  readonly always: readonly Example[];
}

async function readLearnt(folder: string): Promise<Learnt> {
  return { library: await scenarioExamples(folder), always: [...(await moduleExamples()), ...trainingReplies()] };
}

/** Trains on every scenario but one, codes that one; for each scenario in the folder. */
function leaveOneScenarioOut({ library, always }: Learnt) {
  const scenarios = [...new Set(library.map((example) => example.source))];
  const pairs: [CodeName, CodeName][] = [];
  const misses: { scenario: string; text: string; written: CodeName; coded: CodeName }[] = [];
  for (const scenario of scenarios) {
    const code = createCoder(trainModel([...library.filter((example) => example.source !== scenario), ...always]));
    for (const example of library.filter((candidate) => candidate.source === scenario)) {
      const got = code(example.text, { context: example.context ?? '' }).code;
      pairs.push([example.code, got]);
      if (got !== example.code) misses.push({ scenario, text: example.text, written: example.code, coded: got });
    }
  }
  return { scenarios: scenarios.length, pairs, misses };
}

interface HeldOutReply {
  readonly id: string;
  readonly scenario: string;
  readonly context: string;
  readonly text: string;
}

const readJsonLines = <T>(path: string): T[] =>
  readFileSync(path, 'utf8').split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line) as T);

/** The held-out replies with both coders' codes, or undefined where the fixtures are absent. */
export function heldOutReplies(folder = heldOutFolder) {
  const paths = ['held-out-replies.jsonl', 'held-out-coder-a.jsonl', 'held-out-coder-b.jsonl'].map((name) => join(folder, name));
  if (!paths.every((path) => existsSync(path))) return undefined;
  const [replies, a, b] = [readJsonLines<HeldOutReply>(paths[0]!), readJsonLines<{ id: string; code: string }>(paths[1]!), readJsonLines<{ id: string; code: string }>(paths[2]!)];
  const codeOf = (list: { id: string; code: string }[], id: string) => {
    const code = codeNamed(list.find((entry) => entry.id === id)?.code ?? '');
    if (!code) throw new Error(`held-out reply ${id} has no valid code from one of the coders`);
    return code;
  };
  return replies.map((reply) => ({ ...reply, a: codeOf(a, reply.id), b: codeOf(b, reply.id) }));
}

/** The coder (trained on the whole library) against the two human coders, and theirs with each other. */
function heldOutAgreement({ library, always }: Learnt, fixtures = heldOutFolder) {
  const replies = heldOutReplies(fixtures);
  if (!replies) return undefined;
  const code = createCoder(trainModel([...library, ...always]));
  const coded = replies.map((reply) => ({ ...reply, coder: code(reply.text, { context: reply.context }).code }));
  const agreed = coded.filter((reply) => reply.a === reply.b);
  return {
    replies: coded.length,
    humans: agreementOf(coded.map((reply) => [reply.a, reply.b])),
    coderWithA: agreementOf(coded.map((reply) => [reply.a, reply.coder])),
    coderWithB: agreementOf(coded.map((reply) => [reply.b, reply.coder])),
    /** Only the replies the two coders agreed on, against that consensus. */
    coderWithConsensus: agreementOf(agreed.map((reply) => [reply.a, reply.coder])),
    consensusPairs: agreed.map((reply) => [reply.a, reply.coder] as const),
  };
}

/** Both measures, as one object for `--json` and the bench. */
export async function evaluateCoder(folder = defaultScenariosFolder) {
  const learnt = await readLearnt(folder);
  const loso = leaveOneScenarioOut(learnt);
  const heldOut = folder === defaultScenariosFolder ? heldOutAgreement(learnt) : undefined;
  return {
    leaveOneScenarioOut: { scenarios: loso.scenarios, ...agreementOf(loso.pairs), perCode: perCode(loso.pairs), confusion: confusion(loso.pairs), misses: loso.misses },
    heldOut: heldOut && {
      replies: heldOut.replies,
      humans: heldOut.humans,
      coderWithA: heldOut.coderWithA,
      coderWithB: heldOut.coderWithB,
      coderWithConsensus: heldOut.coderWithConsensus,
      perCode: perCode(heldOut.consensusPairs),
    },
  };
}

/** How often each written code was coded as each code: rows the reference, columns the coder. */
export function confusion(pairs: Pairs<CodeName>): number[][] {
  return codeNames.map((row) => codeNames.map((column) => pairs.filter(([gold, got]) => gold === row && got === column).length));
}

const short: Record<CodeName, string> = {
  'Open question': 'OQ', 'Closed question': 'CQ', 'Simple reflection': 'SR', 'Complex reflection': 'CR', Summary: 'Sum',
  Affirm: 'AF', 'Seeking collaboration': 'SC', 'Emphasizing autonomy': 'EA', 'Giving information': 'GI',
  'Persuade with permission': 'PwP', Persuade: 'Per', Confront: 'Con', none: '-',
};

const fixed = (value: number, digits = 2) => (Number.isNaN(value) ? '–' : value.toFixed(digits));
const percent = (value: number) => (Number.isNaN(value) ? '–' : `${Math.round(value * 100)}%`);

/** The evaluation as text for the terminal. */
export function evaluationText(result: Awaited<ReturnType<typeof evaluateCoder>>): string {
  const lines: string[] = [];
  const loso = result.leaveOneScenarioOut;
  const goal = (value: number, target: number) => (value >= target ? `meets ${target}` : `below ${target}`);
  lines.push(`Leave one scenario out (${loso.scenarios} scenarios, ${loso.items} written choices; trained on the rest each time)`);
  lines.push(`  codes:       accuracy ${percent(loso.accuracy)}, κ ${fixed(loso.kappa)} (${goal(loso.kappa, 0.8)})`);
  lines.push(`  MITI groups: accuracy ${percent(loso.groupAccuracy)}, κ ${fixed(loso.groupKappa)} (${goal(loso.groupKappa, 0.85)})`);
  lines.push(`  open vs closed, where both say question: ${percent(loso.openClosed)} (${loso.openClosed >= 0.95 ? 'meets' : 'below'} 95%)`);
  lines.push('', '  per code (written by the trainer → coded):');
  lines.push(...perCodeLines(loso.perCode));
  lines.push('', '  confusion (rows: written code; columns: coded as):');
  lines.push(`  ${''.padEnd(5)}${codeNames.map((code) => short[code].padStart(5)).join('')}`);
  loso.confusion.forEach((row, index) => {
    lines.push(`  ${short[codeNames[index]!].padEnd(5)}${row.map((count) => (count ? String(count) : '·').padStart(5)).join('')}`);
  });
  if (result.heldOut) {
    const held = result.heldOut;
    lines.push('', `Held-out replies (${held.replies} typed as trainees would, coded blind by two coders; never trained on)`);
    lines.push(`  ${''.padEnd(30)}${'codes κ'.padStart(9)}${'groups κ'.padStart(10)}${'accuracy'.padStart(10)}${'open/closed'.padStart(13)}`);
    const row = (name: string, agreement: typeof held.humans) =>
      `  ${name.padEnd(30)}${fixed(agreement.kappa).padStart(9)}${fixed(agreement.groupKappa).padStart(10)}${percent(agreement.accuracy).padStart(10)}${percent(agreement.openClosed).padStart(13)}`;
    lines.push(row('coder A with coder B', held.humans));
    lines.push(row('the coder with A', held.coderWithA));
    lines.push(row('the coder with B', held.coderWithB));
    lines.push(row(`the coder with A=B (${held.coderWithConsensus.items})`, held.coderWithConsensus));
    const mean = (held.coderWithA.groupKappa + held.coderWithB.groupKappa) / 2;
    const gap = held.humans.groupKappa - mean;
    lines.push(`  groups κ: the coder's mean with each coder is ${fixed(mean)}, the coders' with each other ${fixed(held.humans.groupKappa)}: ${gap <= 0.05 ? `within 0.05 (goal met)` : `${fixed(gap)} short (goal: within 0.05)`}`);
    lines.push('', '  per code, against the replies both coders agreed on:');
    lines.push(...perCodeLines(held.perCode));
  }
  lines.push('', 'Goals: codes κ ≥ 0.80 and groups κ ≥ 0.85 leaving one scenario out; open vs closed ≥ 95%; on held-out replies, groups κ within 0.05 of the two coders\' own.');
  return `${lines.join('\n')}\n`;
}

function perCodeLines(rows: ReturnType<typeof perCode>): string[] {
  return rows
    .filter((row) => row.reference > 0 || row.coded > 0)
    .map((row) => `    ${row.code.padEnd(26)} ${String(row.reference).padStart(4)} written, ${String(row.coded).padStart(4)} coded, ${String(row.both).padStart(4)} agree  (found ${percent(row.recall)}, right ${percent(row.precision)})`);
}

