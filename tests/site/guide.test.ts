/**
 * The authoring guide and the front matter's JSON Schema say what the code checks: their lists
 * are generated from it (`npm run guide`), and these tests fail, naming that command, when the
 * files on disk have fallen behind. The guide must also document every key a file may use.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkSchema, frontMatterSchema, personaSchema } from '../../src/engine/front-matter-schema.ts';
import { frontMatterJsonSchemaText, guidePath, schemaPath, updateCommand, withGeneratedSections } from '../../scripts/guide/generated-docs.mjs';
import { lintText } from '../helpers.ts';

const guide = readFileSync(guidePath, 'utf8');

describe('the authoring guide', () => {
  it('lists the behaviour codes, skills, tags and modules the checks know', () => {
    expect(guide === withGeneratedSections(guide), `docs/authoring-guide.md is out of date: run \`${updateCommand}\``).toBe(true);
  });

  it('documents every front-matter key, persona field and check field', () => {
    const keys = [...Object.keys(frontMatterSchema.shape), ...Object.keys(personaSchema.shape), ...Object.keys(checkSchema.shape)];
    const undocumented = keys.filter((key) => !guide.includes(`\`${key}\``));
    expect(undocumented, 'keys the guide does not mention').toEqual([]);
    for (const key of Object.keys(frontMatterSchema.shape)) expect(guide, `a section for \`${key}\``).toContain(`### \`${key}\``);
  });

  it('shows a front matter that names the JSON Schema, and such a file passes', () => {
    const modeline = '# yaml-language-server: $schema=../docs/scenario-front-matter.schema.json';
    expect(guide).toContain(modeline);
    const result = lintText(`---\n${modeline}\ntitle: T\nsummary: S.\npersona:\n  name: Sam\n---\n\n## Start\n\n- **Open question:** "How are you?" -> end\n  - feedback: Fine.\n\n## End\n\n**Outcome:** positive\n\nDone.\n`, 'modeline.md');
    expect(result.file.messages.map((message) => message.reason)).toEqual([]);
  });
});

describe('the JSON Schema of the front matter', () => {
  it('is the one the engine\'s schema gives', () => {
    expect(readFileSync(schemaPath, 'utf8') === frontMatterJsonSchemaText(), `docs/scenario-front-matter.schema.json is out of date: run \`${updateCommand}\``).toBe(true);
  });

  it('describes every key, and offers the skills and module ids', () => {
    const schema = JSON.parse(frontMatterJsonSchemaText());
    expect(Object.keys(schema.properties)).toEqual(Object.keys(frontMatterSchema.shape));
    expect(Object.entries(schema.properties).filter(([, property]) => !(property as { description?: string }).description).map(([key]) => key)).toEqual([]);
    expect(schema.properties.skills.items.anyOf).toContainEqual({ const: 'open-questions', description: 'Open questions' });
    expect(schema.properties.modules.items.anyOf).toContainEqual({ const: 'mi-oars', description: 'Motivational interviewing: OARS' });
    expect(schema.required).toEqual(['title', 'summary', 'persona']);
    expect(schema.additionalProperties).toBe(false);
  });
});
