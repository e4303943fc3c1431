// Front-matter text that YAML silently drops: an unquoted value cut short by ` #` still passes the
// schema, so this check finds it, in every module and in the cases that matter.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { checkModuleSource, findCutShortValues, frontMatterOf } from '../../src/site/module-front-matter.ts';
import { sourceSchema } from '../../src/site/module-schema.ts';

const modulesFolder = 'content/modules';
const moduleFiles = readdirSync(modulesFolder).filter((name) => name.endsWith('.mdx')).sort();

describe('module front matter', () => {
  it.each(moduleFiles)('%s has no value cut short by a YAML comment', (name) => {
    const problems = checkModuleSource(readFileSync(join(modulesFolder, name), 'utf8'));
    expect(problems.map((problem) => `${name}:${problem.line}:${problem.column} ${problem.reason}`)).toEqual([]);
  });
});

describe('findCutShortValues', () => {
  it('reports an unquoted #BeThe1To value at its line and column', () => {
    const yaml = ['title: Safety', 'description: The five #BeThe1To steps.', 'order: 12'].join('\n');
    expect(parseYaml(yaml).description).toBe('The five');
    expect(findCutShortValues(yaml, 2)).toEqual([
      {
        line: 3,
        column: 23,
        reason: '`#` starts a YAML comment here, so the text after it ("#BeThe1To steps.") is dropped; put the whole value in double quotes',
      },
    ]);
  });

  it('shortens long dropped text in the message', () => {
    const [problem] = findCutShortValues('description: What to do - #BeThe1To steps, never promising secrecy, and staying with the person.');
    expect(problem?.reason).toBe('`#` starts a YAML comment here, so the text after it ("#BeThe1To steps, never promising secrec…") is dropped; put the whole value in double quotes');
  });

  it('reports cut-short list items and nested citations', () => {
    const yaml = [
      'objectives:',
      '  - "Ask directly about suicide."',
      '  - Use the five #BeThe1To steps.',
      'sources:',
      '  - citation: 988 Lifeline. #BeThe1To - five action steps.',
      '    url: https://example.org/#steps',
    ].join('\n');
    expect(findCutShortValues(yaml).map((problem) => [problem.line, problem.column])).toEqual([
      [3, 18],
      [5, 29],
    ]);
  });

  it('accepts a quoted #, a # inside a word or address, and whole-line comments', () => {
    const yaml = [
      '# The front matter of the safety module.',
      'description: "The five #BeThe1To steps."',
      "objectives: ['Use the #BeThe1To steps']",
      'title: Safety#1',
      'sources:',
      '  # A comment on its own line, before an item.',
      '  - citation: "988 Lifeline. #BeThe1To."',
      '    url: https://example.org/#steps',
      '# A closing comment.',
    ].join('\n');
    expect(findCutShortValues(yaml)).toEqual([]);
  });

  it('finds the front matter of a module file and points into the file', () => {
    const source = ['---', 'title: Safety', 'description: Use #BeThe1To.', '---', '', '## A heading #1'].join('\n');
    expect(frontMatterOf(source)).toEqual({ yaml: 'title: Safety\ndescription: Use #BeThe1To.', firstLine: 2 });
    expect(checkModuleSource(source)).toMatchObject([{ line: 3, column: 18 }]);
    expect(checkModuleSource('## No front matter #here')).toEqual([]);
  });
});

describe('source urls', () => {
  it('accept http and https addresses', () => {
    expect(sourceSchema.safeParse({ citation: 'A source.', url: 'https://doi.org/10.1037/a0017189' }).success).toBe(true);
    expect(sourceSchema.safeParse({ citation: 'A source.', url: 'http://example.org/page' }).success).toBe(true);
  });

  it('refuse other schemes with a clear message', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,hi', 'mailto:someone@example.org', 'ftp://example.org/file']) {
      const result = sourceSchema.safeParse({ citation: 'A source.', url });
      expect(result.success, url).toBe(false);
      expect(result.error?.issues[0]?.message, url).toContain('https://');
    }
  });
});
