/**
 * `npm run build:coder`: trains the coder from the library and writes the model the engine reads,
 * `src/engine/coder/model.generated.json`. Run by `npm install` (prepare), the site build and the
 * tests, so the model always follows the scenarios as they are; never edited or committed by hand.
 * Training takes a second or two, so it is skipped when nothing it reads has changed: the model
 * keeps a hash of its inputs (the scenarios, modules, training replies and the engine's code).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectRoot } from '../../src/node/project-root.ts';
import { allExamples, defaultScenariosFolder, modulesFolder, trainingFolder } from './examples.ts';
import { trainModel } from './train.ts';

export const modelPath = fileURLToPath(new URL('../../src/engine/coder/model.generated.json', import.meta.url));

/** The files a model is learnt from or shaped by, below `folder`, that end in one of `endings`. */
function filesIn(folder: string, endings: readonly string[]): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => endings.some((ending) => name.endsWith(ending)))
    .map((name) => join(folder, name));
}

/** A hash of everything the model depends on: the same inputs always train the same model. */
function inputsHash(scenarios: string): string {
  const files = [
    ...filesIn(scenarios, ['.md']),
    ...filesIn(modulesFolder, ['.mdx']),
    ...filesIn(trainingFolder, ['.ts', '.jsonl']),
    ...filesIn(join(projectRoot, 'src', 'engine'), ['.ts']),
  ].sort();
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${relative(projectRoot, file)}\0`).update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

/** Trains and writes the model unless its inputs are unchanged; says what it did. */
export async function buildCoderModel(folder = defaultScenariosFolder): Promise<string> {
  const inputs = inputsHash(folder);
  try {
    const before = JSON.parse(readFileSync(modelPath, 'utf8')) as { trainedOn?: { lines?: number; inputs?: string } };
    if (before.trainedOn?.inputs === inputs) return `coder model is up to date (${before.trainedOn.lines} coded lines)`;
  } catch {}
  const examples = await allExamples(folder);
  const model = trainModel(examples);
  const text = `${JSON.stringify({ ...model, trainedOn: { ...model.trainedOn, inputs } })}\n`;
  writeFileSync(modelPath, text);
  return `coder model trained on ${examples.length} coded lines (${Math.round(text.length / 1024)} KB)`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) console.log(await buildCoderModel());
