/** Frames of the Ink practice screen, driven by keys as a trainee would. */
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import PlayApp from '../../cli/play/PlayApp.tsx';
import { compileScenario } from '../../src/engine/compile.ts';
import { transcriptMarkdown } from '../../src/engine/transcript-markdown.ts';
import type { Run } from '../../src/engine/run.ts';
import { lintText } from '../helpers.ts';

const source = readFileSync(new URL('../fixtures/library/first-conversation-with-jordan.md', import.meta.url), 'utf8');
const scenario = lintText(source, 'first-conversation-with-jordan.md').scenario!;
const machine = compileScenario(scenario);

const enter = '\r';
const down = '\u001B[B';
const pause = () => new Promise((resolve) => setTimeout(resolve, 30));

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function start(options: { autoSave?: boolean; saved?: string[] } = {}) {
  const folder = mkdtempSync(join(tmpdir(), 'coach-play-'));
  const saveTranscript = async (run: Run) => {
    const path = join(folder, 'transcript.md');
    await writeFile(path, transcriptMarkdown(run));
    options.saved?.push(path);
    return path;
  };
  const app = render(<PlayApp scenario={scenario} machine={machine} saveTranscript={saveTranscript} autoSave={options.autoSave ?? false} color={false} />);
  cleanup = app.unmount;
  const frame = () => app.frames.filter((f) => f.trim() !== '').join('\n');
  const last = () => app.lastFrame() ?? '';
  const press = async (...keys: string[]) => {
    for (const key of keys) {
      app.stdin.write(key);
      await pause();
    }
  };
  return { frame, last, press };
}

describe('coach play on a terminal', () => {
  it('shows the brief and asks to acknowledge the content notes first', async () => {
    const { last, press } = start();
    await pause();
    expect(last()).toContain('Who you are talking with: Jordan (they/them, 29)');
    expect(last()).toContain('- recent hospital stay');
    expect(last()).toContain('Press Enter to acknowledge the content notes and start.');
    await press('1');
    expect(last()).not.toContain('What do you say?');
    await press(enter);
    expect(last()).toContain('Jordan: Honestly, I don\'t know why I\'m here.');
    expect(last()).toContain('› 1. “Coming here wasn\'t really your idea.”');
    expect(last()).toContain('A first conversation with Jordan · 0 choices so far · ? keys');
  });

  it('chooses with the arrow keys and Enter, shows the code and feedback, then goes on at a key', async () => {
    const { last, press } = start();
    await press(enter, down);
    expect(last()).toContain('› 2. “Coaching helps a lot of people.');
    await press(enter);
    expect(last()).toContain('You (Persuade): “Coaching helps a lot of people. I think you\'ll find it useful.”');
    expect(last()).toContain('Feedback: Selling coaching before hearing Jordan\'s view tends to invite push-back.');
    expect(last()).toContain('Press any key to go on');
    await press(' ');
    expect(last()).toContain('Jordan: Yeah, that\'s what everyone says.');
    expect(last()).toContain('1 choice so far');
  });

  it('chooses by number, undoes, and restarts after confirming', async () => {
    const { last, press } = start();
    await press(enter, '3', ' ');
    expect(last()).toContain('She said you\'d help me "get on track"');
    await press('u');
    expect(last()).toContain('— Took back: “What did your case manager tell you about coaching?” Choose again. —');
    expect(last()).toContain('0 choices so far');
    await press('1', ' ', 'r');
    expect(last()).toContain('Restart from the beginning? (y/n)');
    await press('n');
    expect(last()).toContain('1 choice so far');
    await press('r', 'y');
    expect(last()).toContain('— Restarted from the beginning —');
    expect(last()).toContain('0 choices so far');
  });

  it('shows the debrief at the ending and saves the transcript', async () => {
    const saved: string[] = [];
    const { last, press } = start({ saved });
    await press(enter, '1', ' ', '1', ' ', '1', ' ');
    const screen = last();
    expect(screen).toContain('Outcome: positive');
    expect(screen).toContain('Jordan agrees to come back next week.');
    expect(screen).toContain('1. Complex reflection: “Coming here wasn\'t really your idea.”');
    expect(screen).toMatch(/Reflection-to-question ratio \(R:Q\) +1:1 \(1 reflection, 1 question\) +1:1 +2:1/);
    expect(screen).toMatch(/Percent complex reflections \(%CR\) +100% \(1 of 1\) +40% +50%/);
    expect(screen.replace(/\s+/g, ' ')).toContain('It is not a MITI rating of your own speech.');
    expect(screen.replace(/\s+/g, ' ')).toContain('shown without a fair or good rating');
    expect(screen).toContain('p play again · s save the transcript');
    await press('s');
    await pause();
    expect(saved).toHaveLength(1);
    expect(last()).toContain(`Transcript saved to ${saved[0]}`);
    const text = readFileSync(saved[0]!, 'utf8');
    expect(text).toContain('**You (Affirm):** "People trusted you with their computers. That\'s a real skill."');
    expect(text).toContain('**Outcome:** positive');
  });

  it('shows the keys on ?', async () => {
    const { last, press } = start();
    await press(enter, '?');
    expect(last()).toContain('↑/↓ move · Enter or 1–9 choose · u undo · r restart · q quit · ? keys');
  });
});
