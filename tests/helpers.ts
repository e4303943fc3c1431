import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { VFile } from 'vfile';
import { lintScenario, type LintResult } from '../src/engine/lint.ts';

/** The course's module ids, as the CLI and the site read them from content/modules. */
export const fixtureModules = readdirSync(new URL('../content/modules', import.meta.url)).map((name) => name.replace(/\.mdx$/, ''));

export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`fixtures/scenarios/${name}`, import.meta.url));
}

export function readFixture(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}

/** Lints Markdown text as if it were the file `name`. */
export function lintText(text: string, name = 'fixture.md', walkChecks = true): LintResult {
  return lintScenario(new VFile({ path: name, value: text }), { modules: fixtureModules, walkChecks });
}

/** Each message as `line:column severity reason`, the way a trainer reads it. */
export function messagesOf(result: LintResult): string[] {
  return result.file.messages.map((m) => `${m.line}:${m.column} ${m.fatal === true ? 'error' : m.fatal === false ? 'warning' : 'info'} ${m.reason}`);
}

/** The messages that are errors or warnings (not the "not explored" info). */
export function problemsOf(result: LintResult): string[] {
  return messagesOf(result).filter((m) => !m.includes(' info '));
}

/** A small valid scenario to mutate in rule tests: front matter, then nodes. */
export function scenario(body: string, front = ''): string {
  return `---
title: T
summary: S.
persona:
  name: Sam
state:
  rapport: 0
${front}---

${body}`;
}

/** A positive ending node, for rule tests that need one. */
export const goodEnding = `## good

**Outcome:** positive

Well done.
`;

/**
 * Temporary folders for one test file, each removed when the file's tests end: call it at the top
 * of the file, then call what it returns for a new folder holding the given files.
 */
export function temporaryFolders(prefix: string): (files?: Record<string, string | Buffer>) => string {
  const made: string[] = [];
  afterAll(() => {
    for (const folder of made) rmSync(folder, { recursive: true, force: true });
  });
  return (files = {}) => {
    const folder = mkdtempSync(join(tmpdir(), prefix));
    made.push(folder);
    for (const [name, content] of Object.entries(files)) writeFileSync(join(folder, name), content);
    return folder;
  };
}
