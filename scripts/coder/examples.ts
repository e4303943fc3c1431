/**
 * The coded lines the coder learns from, read from disk: every choice in the scenarios (with the
 * person's last line before it), the coded coach lines of the modules' worked dialogues, and the
 * training replies the project writes and codes itself (`training-replies.jsonl`). Never the
 * held-out replies in `tests/fixtures/coder/`, which only measure.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { VFile } from 'vfile';
import { codesByMeaning, findBehaviourCode } from '../../src/engine/behaviour-codes.ts';
import { codeNamed, type CodeName } from '../../src/engine/coder/codes.ts';
import { parseScenario } from '../../src/engine/parse.ts';
import { projectRoot } from '../../src/node/project-root.ts';
import type { Example } from './train.ts';

// Found from the project root, not from this file: the terminal runner bundles this file elsewhere.
export const trainingFolder = join(projectRoot, 'scripts', 'coder');
/** The project's own library: the model learns from it even where COACH_SCENARIOS_DIR points elsewhere. */
export const defaultScenariosFolder = join(projectRoot, 'scenarios');
export const modulesFolder = join(projectRoot, 'content', 'modules');

/** The coding rules' order: in a reply of several parts, the first of these that applies decides. */
export const codingOrder: readonly CodeName[] = [
  'Confront', 'Persuade', 'Persuade with permission', 'Emphasizing autonomy', 'Seeking collaboration',
  'Open question', 'Closed question', 'Affirm', 'Summary', 'Complex reflection', 'Simple reflection', 'Giving information', 'none',
];

/** Markdown of a line as plain words: no emphasis marks, links or stage directions. */
export function plainLine(markdown: string): string {
  return markdown.replace(/\*\([^)]*\)\*/g, ' ').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();
}

/** Every choice of every scenario file in the folder, as an example coded by its trainer. */
export async function scenarioExamples(folder = defaultScenariosFolder): Promise<Example[]> {
  const names = (await readdir(folder)).filter((name) => name.endsWith('.md')).sort();
  const examples: Example[] = [];
  for (const name of names) {
    const file = new VFile({ path: join(folder, name), value: await readFile(join(folder, name), 'utf8') });
    const { scenario } = parseScenario(file);
    for (const node of scenario.nodes) {
      if (node.kind !== 'choice') continue;
      const said = node.lines.filter((line) => line.speaker).at(-1);
      for (const choice of node.choices) {
        const code = codeNamed(choice.code.name);
        if (code && choice.says.trim()) examples.push({ text: plainLine(choice.says), code, context: said ? plainLine(said.markdown) : '', source: basename(name, '.md') });
      }
    }
  }
  return examples;
}

/** A module's label for a coach line ("summary, then open question") as one code, by the coding order. */
export function codeOfLabel(label: string): CodeName | undefined {
  const found = label
    .split(/,? then |,| and /)
    .map((piece) => piece.replace(/^[a-z]+: /i, '').trim())
    .flatMap((piece) => {
      const code = findBehaviourCode(piece);
      if (code) return [code.name];
      const meant = codesByMeaning.get(piece.toLowerCase().replace(/[^a-z]+/g, ' ').trim());
      return meant && meant.length === 1 ? meant : [];
    })
    .map((name) => codeNamed(name)!);
  return codingOrder.find((code) => found.includes(code));
}

/** The coded coach lines of the modules' worked dialogues: `> **Coach (open question):** …`. */
export async function moduleExamples(folder = modulesFolder): Promise<Example[]> {
  const examples: Example[] = [];
  for (const name of (await readdir(folder)).filter((entry) => entry.endsWith('.mdx')).sort()) {
    let said = '';
    for (const line of (await readFile(join(folder, name), 'utf8')).split('\n')) {
      const spoken = /^>\s*\*\*([^*(]+?)(?: \(([^)]*)\))?:\*\*\s*(.+)$/.exec(line);
      if (!spoken) continue;
      const [, speaker, label, text] = spoken;
      if (/^(?:coach|helper)$/i.test(speaker!.trim()) && label) {
        const code = codeOfLabel(label);
        if (code) examples.push({ text: plainLine(text!), code, context: said, source: `module:${name.replace(/\.mdx$/, '')}` });
      } else {
        said = plainLine(text!);
      }
    }
  }
  return examples;
}

/** The project's own training replies, each coded by the coding rules: every `training-replies*.jsonl` here, one writer each. */
export function trainingReplies(folder = trainingFolder): Example[] {
  return readdirSync(folder)
    .filter((name) => /^training-replies.*\.jsonl$/.test(name))
    .sort()
    .flatMap((name) => readTrainingFile(join(folder, name)));
}

function readTrainingFile(path: string): Example[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .flatMap((line, index) => {
      if (!line.trim()) return [];
      const { text, code, context } = JSON.parse(line) as { text: string; code: string; context?: string };
      const known = codeNamed(code);
      if (!known) throw new Error(`${path}:${index + 1}: unknown code "${code}"`);
      return [{ text, code: known, context: context ?? '', source: 'training-replies' }];
    });
}

/** Everything the coder learns from. */
export async function allExamples(folder = defaultScenariosFolder): Promise<Example[]> {
  return [...(await scenarioExamples(folder)), ...(await moduleExamples()), ...trainingReplies()];
}
