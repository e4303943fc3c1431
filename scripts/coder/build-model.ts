/**
 * `npm run build:coder`: trains the coder from the library and writes the model the engine reads,
 * `src/engine/coder/model.generated.json`. Run by `npm install` (prepare), the site build and the
 * tests, so the model always follows the scenarios as they are; never edited or committed by hand.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { allExamples } from './examples.ts';
import { trainModel } from './train.ts';

export const modelPath = fileURLToPath(new URL('../../src/engine/coder/model.generated.json', import.meta.url));

/** Trains and writes the model if what it would write differs; says what it did. */
export async function buildCoderModel(folder?: string): Promise<string> {
  const examples = await allExamples(folder);
  const text = `${JSON.stringify(trainModel(examples))}\n`;
  let before = '';
  try {
    before = readFileSync(modelPath, 'utf8');
  } catch {}
  if (before === text) return `coder model is up to date (${examples.length} coded lines)`;
  writeFileSync(modelPath, text);
  return `coder model trained on ${examples.length} coded lines (${Math.round(text.length / 1024)} KB)`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) console.log(await buildCoderModel());
