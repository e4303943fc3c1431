/** `coach play --players`: turn-taking in the terminal, on the screen, in plain mode and in the transcript. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import PlayApp from '../../cli/play/PlayApp.tsx';
import { compileScenario } from '../../src/engine/compile.ts';
import { fixturePath, lintText, readFixture } from '../helpers.ts';
import { coach } from './run-coach.ts';

// hello: 1 Simple reflection -> listens; listens: 1 Emphasizing autonomy -> plan (positive).
const fixture = fixturePath('every-feature.md');

describe('coach play --players without a terminal', () => {
  it('says whose turn it is at each step and names them beside their choices', () => {
    const result = coach(['play', fixture, '--players', 'Ana, Ben'], { input: '1\n1\n' });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain("Riley: I've only got twenty minutes.\nAna's turn.\nWhat do you say?\n  1. “Twenty minutes is what you have.”");
    expect(result.stdout).toContain('Ana (Simple reflection): “Twenty minutes is what you have.”');
    expect(result.stdout).toContain("Riley: Thanks. I want a plan for the mornings.\nBen's turn.\nWhat do you say?");
    expect(result.stdout).toContain('Ben (Emphasizing autonomy): “You know your mornings best. Where would you start?”');
    expect(result.stdout).toContain('Outcome: positive');
  });

  it('names the players in the transcript', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'coach-')), 'turns.md');
    const result = coach(['play', fixture, '--players', 'Ana,Ben,Chris', '--transcript', file], { input: '1\n1\n' });
    expect(result.status).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('Played by Ana, Ben and Chris, taking turns.');
    expect(text).toContain('**Ana (Simple reflection):** "Twenty minutes is what you have."');
    expect(text).toContain('**Ben (Emphasizing autonomy):** "You know your mornings best. Where would you start?"');
  });

  it('refuses an empty or repeated name with one line and exit code 2', () => {
    expect(coach(['play', fixture, '--players', 'Ana,,Ben'])).toMatchObject({ status: 2, stderr: `coach: option '--players <names>' argument 'Ana,,Ben' is invalid. Expected names separated by commas, such as "Ana,Ben,Chris", with none empty.\n` });
    expect(coach(['play', fixture, '--players', 'Ana,ana']).stderr).toContain('Expected each name once, and `ana` is there twice.');
  });
});

describe('coach play --players on a terminal', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => cleanup?.());
  const pause = () => new Promise((resolve) => setTimeout(resolve, 30));

  it('shows whose turn it is above the choices and in the status line', async () => {
    const scenario = lintText(readFixture('every-feature.md'), 'every-feature.md').scenario!;
    const app = render(<PlayApp scenario={scenario} machine={compileScenario(scenario)} players={['Ana', 'Ben']} saveTranscript={async () => ''} autoSave={false} color={false} />);
    cleanup = app.unmount;
    await pause();
    app.stdin.write('\r');
    await pause();
    expect(app.lastFrame()).toContain("Ana's turn. What do you say?");
    expect(app.lastFrame()).toContain("0 choices so far · Ana's turn");
    app.stdin.write('1');
    await pause();
    app.stdin.write(' ');
    await pause();
    expect(app.lastFrame()).toContain("Ben's turn. What do you say?");
    expect(app.frames.join('\n')).toContain('Ana (Simple reflection): “Twenty minutes is what you have.”');
  });
});
