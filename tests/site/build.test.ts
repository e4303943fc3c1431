/**
 * The site build over a folder of scenarios it has never seen (COACH_SCENARIOS_DIR), as when a
 * trainer drops a file into scenarios/: a valid one appears in the catalogue, gets its page and is
 * found by search; a broken one stops the build with the engine's diagnostics and no stack trace.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolders } from '../helpers.ts';
import { flat, projectRoot } from '../cli/run-coach.ts';

const tempFolder = temporaryFolders('rcp-');

function build(scenarios: string, outDir: string) {
  return spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--force', '--outDir', outDir], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, COACH_SCENARIOS_DIR: scenarios, NO_COLOR: '1' },
  });
}

const heldOut = `---
title: Talking with Morgan about the allotment
summary: Morgan wants to get back to the allotment and is not sure where to start.
persona:
  name: Morgan
state:
  hope: 0
---

## Start

**Morgan:** I keep meaning to go down to the allotment.

- **Complex reflection:** "The allotment still matters to you." -> end-well
  - feedback: You heard what mattered.
  - set: hope +1

## End well

**Outcome:** positive

Morgan plans a first visit to the allotment, with a neighbour.
`;

describe('the site build', () => {
  it('stops on a broken scenario with every diagnostic, file, line and column, and no stack trace', () => {
    const scenarios = tempFolder();
    writeFileSync(join(scenarios, 'broken-one.md'), heldOut.replace('-> end-well', '-> end-wel').replace('Complex reflection', 'Complex reflexion'));
    const result = build(scenarios, join(scenarios, 'dist'));
    expect(result.status).toBe(1);
    const output = `${result.stdout}\n${result.stderr}`;
    expect(output).toContain('broken-one.md');
    expect(flat(output)).toMatch(/14:3-14:25 +error +Unexpected behaviour code `Complex reflexion`, expected one of the twelve codes: .*; did you mean `Complex reflection`\?/);
    expect(flat(output)).toMatch(/14:67-14:74 +error +Unexpected target `end-wel`, expected the id of a node in this file; did you mean `end-well`\?/);
    expect(output).toContain('1 of 1 scenarios have errors; the site was not built.');
    expect(output).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
    expect(existsSync(join(scenarios, 'dist', 'index.html'))).toBe(false);
  }, 120_000);

  it('puts a new scenario in the catalogue, on its own page and in search, with no code change', () => {
    const scenarios = tempFolder();
    cpSync(join(projectRoot, 'scenarios'), scenarios, { recursive: true });
    const roleCardFields = '  wants: To grow enough to give some away.\n  when_listened_to: Talks about the runner beans.\n  when_pushed: Says the plot is too far gone anyway.\ncoach_goal: Hear what the allotment means to Morgan.\n';
    writeFileSync(join(scenarios, 'morgan-and-the-allotment.md'), heldOut.replace('  name: Morgan\n', `  name: Morgan\n${roleCardFields}`));
    const out = join(scenarios, 'dist');
    const result = build(scenarios, out);
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(join(out, 'scenarios/index.html'), 'utf8')).toContain('Talking with Morgan about the allotment');
    expect(readFileSync(join(out, 'scenarios/morgan-and-the-allotment/index.html'), 'utf8')).toContain('Who you are talking with: Morgan');
    const cards = readFileSync(join(out, 'scenarios/morgan-and-the-allotment/cards/index.html'), 'utf8');
    for (const words of ['You are Morgan', 'To grow enough to give some away.', 'Talks about the runner beans.', 'Says the plot is too far gone anyway.', 'Hear what the allotment means to Morgan.']) expect(cards).toContain(words);
    expect(readFileSync(join(out, 'scenarios/morgan-and-the-allotment/group/index.html'), 'utf8')).toContain('Play as a group: Talking with Morgan about the allotment');
    const search = JSON.parse(readFileSync(join(out, 'search-index.json'), 'utf8'));
    expect(search.documents['/scenarios/morgan-and-the-allotment']).toMatchObject({ title: 'Talking with Morgan about the allotment', kind: 'Scenario' });
    expect(JSON.stringify(search.index)).toContain('allot');
  }, 180_000);
});
