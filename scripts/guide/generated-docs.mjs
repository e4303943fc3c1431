// What the authoring guide and the front matter's JSON Schema say that code already knows: the
// behaviour codes, skills, tags and course modules, and the front matter's keys. Generated from
// the code that checks scenarios, so the documents never drift from it. `npm run guide` writes
// them (scripts/guide/write-docs.mjs); tests/site/guide.test.ts fails while they are out of date.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { behaviourCodes } from '../../src/engine/behaviour-codes.ts';
import { frontMatterSchema } from '../../src/engine/front-matter-schema.ts';
import { VFile } from 'vfile';
import { skills, tags } from '../../src/engine/vocabulary.ts';
import { readVocabularyFile, vocabularyFileName } from '../../src/engine/vocabulary-file.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Where the guide and the schema live. */
export const guidePath = join(root, 'docs', 'authoring-guide.md');
export const schemaPath = join(root, 'docs', 'scenario-front-matter.schema.json');

/** The course's vocabulary file, which adds skills and tags to the built-in lists. */
export const vocabularyPath = join(root, 'scenarios', vocabularyFileName);

/**
 * The skills and tags the course's vocabulary file adds (none if it has none, or has mistakes,
 * which `coach lint` reports), each list after the built-in one.
 */
export function courseVocabulary(path = vocabularyPath) {
  let value;
  try {
    value = readFileSync(path, 'utf8');
  } catch {
    return { skills: [], tags: [] };
  }
  const file = new VFile({ path, value });
  const vocabulary = readVocabularyFile(file);
  if (file.messages.some((message) => message.fatal)) return { skills: [], tags: [] };
  return { skills: vocabulary.skills.slice(skills.length), tags: vocabulary.tags.slice(tags.length) };
}

/** A vocabulary's table: the built-in terms, then the course's, said to be from its file. */
function termsTable(builtIn, added) {
  const from = `scenarios/${vocabularyFileName}`;
  return added.length === 0
    ? table(['write', 'shown as'], builtIn.map((term) => [`\`${term.id}\``, term.label]))
    : table(['write', 'shown as', 'from'], [...builtIn.map((term) => [`\`${term.id}\``, term.label, 'built in']), ...added.map((term) => [`\`${term.id}\``, term.label, `\`${from}\``])]);
}

/** The command that brings both up to date, for messages. */
export const updateCommand = 'npm run guide';

/** The course modules, by id (the file name), with their titles, in course order. */
export function courseModules(folder = join(root, 'content', 'modules')) {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => {
      const front = parseYaml(/^---\n([\s\S]*?)\n---/.exec(readFileSync(join(folder, name), 'utf8'))?.[1] ?? '');
      return { id: name.replace(/\.mdx$/, ''), title: String(front.title), order: Number(front.order) };
    })
    .sort((a, b) => a.order - b.order);
}

const cell = (text) => String(text).replaceAll('|', '\\|');
const table = (head, rows) => [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)].join('\n');
const stanceWords = { consistent: 'yes', neutral: 'neither', inconsistent: 'no' };

/** Each generated section of the guide, by name, as Markdown. */
export function generatedSections() {
  return {
    'behaviour-codes': {
      source: 'src/engine/behaviour-codes.ts',
      markdown: table(
        ['code', 'counts in the summary as', 'MITI group', 'MI-consistent, for the teaching check'],
        behaviourCodes.map((code) => [code.name, code.countsAs, code.group ?? '–', stanceWords[code.stance]]),
      ),
    },
    skills: { source: 'src/engine/vocabulary.ts', markdown: termsTable(skills, courseVocabulary().skills) },
    tags: { source: 'src/engine/vocabulary.ts', markdown: termsTable(tags, courseVocabulary().tags) },
    modules: { source: 'content/modules/', markdown: table(['write', 'module'], courseModules().map((module) => [`\`${module.id}\``, module.title])) },
  };
}

const sectionPattern = /<!-- begin generated ([\w-]+)[^>]*-->[\s\S]*?<!-- end generated \1 -->/g;

/** The guide with every generated section brought up to date; throws if one is missing. */
export function withGeneratedSections(guide) {
  const sections = generatedSections();
  const seen = new Set();
  const updated = guide.replace(sectionPattern, (_, name) => {
    const section = sections[name];
    if (!section) throw new Error(`The guide has a generated section \`${name}\` that ${updateCommand} does not know`);
    seen.add(name);
    return `<!-- begin generated ${name} from ${section.source} by \`${updateCommand}\`: do not edit by hand -->\n\n${section.markdown}\n\n<!-- end generated ${name} -->`;
  });
  const missing = Object.keys(sections).filter((name) => !seen.has(name));
  if (missing.length > 0) throw new Error(`The guide lacks the generated sections ${missing.join(', ')}: add \`<!-- begin generated NAME -->\` and \`<!-- end generated NAME -->\` lines where each belongs`);
  return updated;
}

/** A list of ids an editor can offer, each with what it means. */
const choices = (terms) => ({ type: 'string', anyOf: terms.map(({ id, description }) => ({ const: id, description })) });

/** The JSON Schema of the front matter, from the Zod schema the engine checks it with. */
export function frontMatterJsonSchema() {
  // The input a trainer writes, in the draft of JSON Schema that YAML editors read best.
  const schema = z.toJSONSchema(frontMatterSchema, { io: 'input', target: 'draft-7' });
  const { properties } = schema;
  // What the engine checks outside the Zod schema, so that editors can offer it too.
  properties.skills.items = choices([...skills, ...courseVocabulary().skills].map((term) => ({ id: term.id, description: term.label })));
  properties.modules.items = choices(courseModules().map((module) => ({ id: module.id, description: module.title })));
  properties.checks.items.anyOf = ['outcome', 'ending', 'state'].map((key) => ({ required: [key] }));
  return {
    $schema: schema.$schema,
    title: 'Scenario front matter',
    description: `The YAML front matter of a role-play scenario for Recovery Coach Practice (scenario format version 1). Generated by \`${updateCommand}\` from src/engine/front-matter-schema.ts; see docs/authoring-guide.md.`,
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  };
}

/** The schema file's text. */
export function frontMatterJsonSchemaText() {
  return `${JSON.stringify(frontMatterJsonSchema(), null, 2)}\n`;
}
