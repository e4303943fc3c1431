// `npm run guide`: brings the authoring guide's generated lists and the front matter's JSON
// Schema up to date with the code that checks scenarios. See generated-docs.mjs.
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { frontMatterJsonSchemaText, guidePath, schemaPath, withGeneratedSections } from './generated-docs.mjs';

for (const [path, next] of [
  [guidePath, withGeneratedSections(readFileSync(guidePath, 'utf8'))],
  [schemaPath, frontMatterJsonSchemaText()],
]) {
  let before = '';
  try {
    before = readFileSync(path, 'utf8');
  } catch {}
  if (before === next) {
    console.log(`${relative(process.cwd(), path)} is up to date`);
  } else {
    writeFileSync(path, next);
    console.log(`wrote ${relative(process.cwd(), path)}`);
  }
}
