/**
 * Hostile scenario files for fuzzing the engine, made with fast-check: the project's own scenarios
 * and fixtures, mutated the ways real files go wrong (lines lost, duplicated or pasted in,
 * characters changed), and the ways hostile ones are built (deep nesting, YAML aliases, control
 * characters, names that are also object keys or diagram keywords). Used by the fuzz test in
 * `npm test` and by `npm run fuzz`, with the pipeline every file must get through.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { VFile } from 'vfile';
import { debriefOf } from '../../src/engine/debrief.ts';
import { scenarioDiagram } from '../../src/engine/diagram.ts';
import { lintScenario } from '../../src/engine/lint.ts';
import { canUndo, choose, endingOf, offeredChoices, startRun, undo } from '../../src/engine/run.ts';
import { transcriptMarkdown } from '../../src/engine/transcript-markdown.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const markdownIn = (folder: string) =>
  readdirSync(root + folder).filter((name) => name.endsWith('.md')).map((name) => readFileSync(`${root}${folder}/${name}`, 'utf8'));

/** The files mutations start from: every scenario and fixture the project has. */
export const seedScenarios: readonly string[] = [
  ...markdownIn('scenarios'),
  ...markdownIn('tests/fixtures/scenarios'),
  ...markdownIn('tests/fixtures/library'),
  readFileSync(`${root}cli/templates/new-scenario.md`, 'utf8').replaceAll('{{title}}', 'Template'),
];

/** Names that JavaScript objects, Mermaid or DOT treat specially. */
export const trickyNames = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'end', 'graph', 'class', 'subgraph', 'style', 'click', 'start', 'node', 'edge', 'digraph', 'a--b', 'flowchart', 'default'];

const trickyCharacters = ['\u0000', '\u0007', '\u0008', '\u001b[31m', '\u001b]0;pwned\u0007', '\u001b]52;c;aGk=\u0007', '\u009b', '\r', '\r\n', '\t', '\u2028', '\uFEFF', '\uD800', '\u202E', 'é', '→', '“', '”', '—', '🙂', '-', '*', '+', '>', '#', ':', '&', '!', '|', '[', ']', '(', ')', '`', '~', '<', '{', '}', '"', "'", '\\', '%', '\n', '\n\n'];

const hostileLines = [
  '---',
  '...',
  '- -> done when x >= 1',
  '- -> done, ok',
  '- -> good if',
  '- ->',
  '  - set: constructor +1',
  '  - if: toString => 1',
  '  - if: rapport => 1',
  '- feedback: written at the margin',
  '  - tags: constructor, __proto__',
  '  - ignore: teaching-dead-end because',
  '- **Reflective listening:** "x" -> good',
  '- **toString:** "x" -> toString',
  ...trickyNames.map((name) => `## ${name}`),
  '## {#__proto__}',
  '**toString:** hi',
  '**constructor:**',
  'toString',
  '**Outcome:** positive',
  '**Outcome:** constructor',
  'x: &a [*a, *a]',
  'title: *nope',
  '<<: *a',
  '? [a]',
  'title: Jordan says: hello',
  'summary: #1 choice',
  'state: { __proto__: 1, constructor: 2 }',
  'checks: [{ path: [constructor], outcome: positive }]',
  'skills: [toString, Reflective listening]',
  'modules: [__proto__]',
  'start: __proto__',
  '<!--',
  '-->',
  '<script>',
  '```',
  '~~~',
  '> '.repeat(40) + 'x',
  '  '.repeat(70) + '- deep',
  '[a](b '.repeat(50),
  '*'.repeat(200),
  '\u001b[2J\u001b[H',
];

/** One way a file can be changed; positions are taken modulo the file's length. */
type Mutation =
  | { kind: 'delete-line' | 'duplicate-line'; at: number }
  | { kind: 'insert-line'; at: number; line: string }
  | { kind: 'replace-characters'; at: number; text: string }
  | { kind: 'delete-range'; at: number; length: number }
  | { kind: 'splice'; seed: number; from: number; length: number; at: number }
  | { kind: 'nest'; at: number; depth: number; style: 'list' | 'quote' | 'indent' | 'staircase' }
  | { kind: 'rename'; name: string }
  | { kind: 'insert-in-words'; at: number; text: string };

function mutation(maxDepth: number): fc.Arbitrary<Mutation> {
  const at = fc.nat();
  return fc.oneof(
    fc.record({ kind: fc.constantFrom('delete-line' as const, 'duplicate-line' as const), at }),
    fc.record({ kind: fc.constant('insert-line' as const), at, line: fc.oneof(fc.constantFrom(...hostileLines), fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 })) }),
    fc.record({ kind: fc.constant('replace-characters' as const), at, text: fc.oneof(fc.constantFrom(...trickyCharacters), fc.string({ unit: 'binary', maxLength: 4 })) }),
    fc.record({ kind: fc.constant('delete-range' as const), at, length: fc.nat({ max: 300 }) }),
    fc.record({ kind: fc.constant('splice' as const), seed: fc.nat(), from: fc.nat(), length: fc.nat({ max: 3000 }), at }),
    fc.record({
      kind: fc.constant('nest' as const),
      at,
      // Mostly shallow, sometimes as deep as asked: deep cases are slow, and one in ten is plenty.
      depth: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 2, max: 60 }) }, { weight: 1, arbitrary: fc.integer({ min: 2, max: maxDepth }) }),
      style: fc.constantFrom('list' as const, 'quote' as const, 'indent' as const, 'staircase' as const),
    }),
    fc.record({ kind: fc.constant('rename' as const), name: fc.constantFrom(...trickyNames) }),
  );
}

function nesting(depth: number, style: 'list' | 'quote' | 'indent' | 'staircase'): string {
  switch (style) {
    case 'list':
      return `${'- '.repeat(depth)}x`;
    case 'quote':
      return `${'>'.repeat(depth)} x`;
    case 'indent':
      return Array.from({ length: depth }, (_, i) => `${'  '.repeat(i % 500)}- x`).join('\n');
    case 'staircase':
      return Array.from({ length: depth }, (_, i) => `${'  '.repeat(i % 40)}- x\n${'  '.repeat(i % 40)}  > y`).join('\n');
  }
}

/** Changes that keep a file a scenario: tricky names, and control characters inside its words. */
const gentleMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('rename' as const), name: fc.constantFrom(...trickyNames) }),
  fc.record({ kind: fc.constant('insert-in-words' as const), at: fc.nat(), text: fc.constantFrom(...trickyCharacters.filter((c) => !/[\n\r\-*+>#:&!|[\]()`~<{}"'\\]/.test(c))) }),
);

/** Applies one mutation to a file's text. */
export function mutate(text: string, change: Mutation): string {
  const lines = text.split('\n');
  const line = 'at' in change ? change.at % (lines.length + 1) : 0;
  const offset = 'at' in change ? change.at % (text.length + 1) : 0;
  switch (change.kind) {
    case 'delete-line':
      return [...lines.slice(0, line), ...lines.slice(line + 1)].join('\n');
    case 'duplicate-line':
      return [...lines.slice(0, line + 1), ...lines.slice(line)].join('\n');
    case 'insert-line':
      return [...lines.slice(0, line), change.line, ...lines.slice(line)].join('\n');
    case 'replace-characters':
      return text.slice(0, offset) + change.text + text.slice(offset + change.text.length);
    case 'delete-range':
      return text.slice(0, offset) + text.slice(offset + change.length);
    case 'splice': {
      const donor = seedScenarios[change.seed % seedScenarios.length]!;
      const from = change.from % (donor.length + 1);
      return text.slice(0, offset) + donor.slice(from, from + change.length) + text.slice(offset);
    }
    case 'nest':
      return [...lines.slice(0, line), nesting(change.depth, change.style), ...lines.slice(line)].join('\n');
    case 'insert-in-words': {
      // Between two letters of a line that is text (speech, feedback, a title), not structure.
      const words = [...text.matchAll(/[a-z](?=[a-z])/g)];
      const place = words[change.at % Math.max(1, words.length)];
      return place ? text.slice(0, place.index + 1) + change.text + text.slice(place.index + 1) : text;
    }
    case 'rename': {
      // Rename the first node to a tricky name, everywhere it is used.
      const id = /^## .*?\{#([^}]+)\}\s*$/m.exec(text)?.[1] ?? /^## (\S+)\s*$/m.exec(text)?.[1]?.toLowerCase();
      return id ? text.replaceAll(new RegExp(`(?<![\\w-])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`, 'gi'), change.name) : text;
    }
  }
}

/** A hostile scenario file: a seed with one to eight mutations, and a file name to check it as. */
export function hostileScenario(options: { maxDepth?: number } = {}): fc.Arbitrary<{ name: string; text: string }> {
  return fc
    .record({
      seed: fc.nat({ max: seedScenarios.length - 1 }),
      // Many small changes break a file early; a few gentle ones let it reach the run and the diagrams.
      changes: fc.oneof(
        { weight: 2, arbitrary: fc.array(mutation(options.maxDepth ?? 200), { minLength: 1, maxLength: 8 }) },
        { weight: 1, arbitrary: fc.array(gentleMutation, { minLength: 1, maxLength: 3 }) },
      ),
      name: fc.oneof({ weight: 6, arbitrary: fc.constant('fuzz.md') }, { weight: 1, arbitrary: fc.constantFrom(...trickyNames.map((name) => `${name}.md`), 'Not An Id.md', '.md', 'x.txt') }),
    })
    // No larger than the terminal runner and the site read (1 MB): larger files are refused unread.
    .map(({ seed, changes, name }) => ({ name, text: changes.reduce(mutate, seedScenarios[seed]!).slice(0, 1024 * 1024) }));
}

/** The modules the checks are run against: the course's own. */
const modules = readdirSync(`${root}content/modules`).map((name) => name.replace(/\.mdx?$/, ''));

/**
 * Puts a file through the engine's whole pipeline: parse, check, explore, teaching, compile and
 * the check walks (`lintScenario`), then, for a file without errors, a run that picks, undoes and
 * picks again to an ending, the debrief, the transcript and both diagrams. Throws if any stage
 * throws, or if the checks recorded a failure of their own (the last line of defence caught one).
 */
export function throughWholePipeline(text: string, name: string, pick: (count: number) => number = () => 0): { played: boolean } {
  const file = new VFile({ path: name, value: text });
  const result = lintScenario(file, { modules, walkChecks: true });
  const internal = file.messages.find((message) => message.ruleId === 'internal-error');
  if (internal) throw internal.cause instanceof Error ? internal.cause : new Error(internal.reason);
  if (result.scenario && result.machine) {
    let run = startRun(result.scenario, result.machine);
    for (let step = 0; step < 200 && !endingOf(run); step++) {
      const offered = offeredChoices(run);
      if (offered.length === 0) throw new Error(`no choice offered at a node of a file without errors`);
      run = choose(run, offered[pick(offered.length) % offered.length]!.index);
      if (step === 1 && canUndo(run)) run = choose(undo(run), offeredChoices(undo(run))[0]!.index);
    }
    debriefOf(run);
    transcriptMarkdown(run, { date: new Date(0) });
    scenarioDiagram(result.scenario, 'mermaid');
    scenarioDiagram(result.scenario, 'dot');
  }
  return { played: result.scenario !== undefined };
}
