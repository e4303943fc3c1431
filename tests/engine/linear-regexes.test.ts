/**
 * No author's text becomes a regular expression, and every regular expression the engine runs over
 * scenario text takes time linear in the text, whatever the text: the audit's 300-byte scenario
 * hung every tool through a YAML key made into a pattern, and long runs of spaces in a YAML line
 * or a heading took 75 s and 12 s. Each pattern literal in src/engine is read from the source
 * (TypeScript's parser) and checked by recheck, a ReDoS checker that finds exponential and
 * polynomial backtracking and the string that triggers it. How long the audit's inputs take now,
 * as ratios, is in the bench (`npm run bench`), not here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSync } from 'recheck';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { maxReplyLength } from '../../src/engine/coder/text.ts';
import { codeUtterance } from '../../src/engine/coder/index.ts';
import { lintText, messagesOf, scenario } from '../helpers.ts';

const engine = fileURLToPath(new URL('../../src/engine', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

interface Found {
  readonly where: string;
  readonly text: string;
}

/** Every regular expression literal in the engine's source, and every place a pattern is built at run time. */
function patternsInEngine(): { literals: Found[]; built: Found[] } {
  const literals: Found[] = [];
  const built: Found[] = [];
  for (const path of sourceFiles(engine)) {
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const where = (node: ts.Node) => `${relative(root, path)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) literals.push({ where: where(node), text: node.getText() });
      if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && node.expression.getText() === 'RegExp') built.push({ where: where(node), text: node.getText().slice(0, 60) });
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { literals, built };
}

const { literals, built } = patternsInEngine();
/** The coder reads at most {@link maxReplyLength} characters of a reply, so its patterns' worst case is bounded by that. */
const inCoder = (found: Found) => found.where.startsWith('src/engine/coder/');

describe('regular expressions in the engine', () => {
  it('are never built from text at run time, except the coder\'s from its own word lists', () => {
    expect(built.filter((found) => !found.where.startsWith('src/engine/coder/cues.ts'))).toEqual([]);
    expect(built.length).toBeGreaterThan(0);
  });

  it('each run in linear time over scenario text, as recheck reads them', () => {
    const checked = literals.filter((found) => !inCoder(found));
    expect(checked.length).toBeGreaterThan(60);
    const vulnerable = checked.flatMap(({ where, text }) => {
      const slash = text.lastIndexOf('/');
      const result = checkSync(text.slice(1, slash), text.slice(slash + 1), { timeout: 10_000 });
      return result.status === 'safe' ? [] : [`${where} ${text} is ${result.status}${result.status === 'vulnerable' ? ` (${result.complexity.summary})` : ''}`];
    });
    expect(vulnerable).toEqual([]);
  }, 120_000);

  it('the coder reads a bounded part of any reply, however long', () => {
    const long = `${', so'.repeat(50_000)} what`;
    expect(codeUtterance(long).code).toBe(codeUtterance(long.slice(0, maxReplyLength)).code);
  });
});

describe('the audit\'s hostile scenarios', () => {
  it('a YAML key shaped like a pattern is reported as a key, at once', () => {
    const hostile = scenario('## opening\n\n**Sam:** Hi.\n\n- **Open question:** "What brings you here?" -> done\n\n## done\n\n**Outcome:** positive\n\nDone.\n', `checks:\n  - path: [opening, done]\n    state:\n      ".*(a+)+y": # ${'a'.repeat(40)}!\n`);
    const messages = messagesOf(lintText(hostile, 'hostile.md', false));
    expect(messages).toContain(`11:19 error Unexpected \`#\` at the start of the value of \`checks[0].state..*(a+)+y\`: YAML reads it as a comment, so the value is empty; put the value in quotes: \`.*(a+)+y: "# ${'a'.repeat(40)}!"\``);
    expect(messages.join('\n')).not.toContain('internal-error');
  });

  it('a key that is not a valid pattern is not an internal error', () => {
    const hostile = scenario('## opening\n\n**Sam:** Hi.\n\n- **Open question:** "What brings you here?" -> done\n\n## done\n\n**Outcome:** positive\n\nDone.\n', 'checks:\n  - path: [opening, done]\n    state:\n      rapport(: # 3\n');
    expect(messagesOf(lintText(hostile, 'hostile.md', false)).join('\n')).not.toMatch(/internal-error|SyntaxError/);
  });
});

describe('node ids that look alike', () => {
  it('warns of an id that mixes Latin and Cyrillic letters (the audit: `opening` and `оpening` read the same)', () => {
    const text = scenario('## opening\n\n**Sam:** Hi.\n\n- **Open question:** "What brings you here?" -> оpening\n  - feedback: Open.\n\n## оpening\n\n**Outcome:** positive\n\nDone.\n');
    expect(messagesOf(lintText(text, 'look-alike.md', false))).toContain(
      '17:1 warning Unexpected node id `оpening` that mixes Latin and Cyrillic letters, expected letters of one alphabet: letters that look alike (Latin `o`, Cyrillic `о`) make two ids that read the same; type the id again',
    );
  });
});
