/**
 * Practising in your own words in the terminal: `coach play --own-words` on the Ink screen and through
 * a pipe, and `coach run --say`. The replies below are ones the coder decides by a rule of the MITI
 * manual ("you should" is Persuade; "What do you…?" is an open question), so what they are coded as
 * does not move when the coder's model is retrained.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import PlayApp from '../../cli/play/PlayApp.tsx';
import { loadReplyCoder, type ReplyCoder } from '../../cli/own-words.ts';
import { compileScenario } from '../../src/engine/compile.ts';
import { fixturePath, lintText, temporaryFolders } from '../helpers.ts';
import { coach as coachIn, flat } from './run-coach.ts';

/** A frozen copy of an early scenario, as in commands.test.ts, so these tests do not change when the library does. */
const library = fixturePath('../library');
const coach: typeof coachIn = (args, options = {}) => coachIn(args, { ...options, env: { COACH_SCENARIOS_DIR: library, ...options.env } });
const jordan = 'first-conversation-with-jordan';
const tempFolder = temporaryFolders('coach-own-words-');

const persuade = 'You should really give coaching a go.';
const openQuestion = 'What do you miss most about that work?';
const readAsPersuade = 'Read by the coder as Persuade (advice, or trying to convince them).';
const readAsOpenQuestion = 'Read by the coder as Open question (a question they can answer freely).';

describe('coach play --own-words without a terminal', () => {
  // opening: reply, then 1 Complex reflection -> not-my-idea; not-my-idea: skipped, then 1 Open question
  // -> what-matters; what-matters: reply, then 1 Affirm -> agrees-to-meet (positive).
  const input = `${persuade}\n1\n\n1\n${openQuestion}\n1\n`;

  it('reads a reply then a choice per step, codes each reply, marks the closest option and summarises the replies', () => {
    const result = coach(['play', jordan, '--own-words'], { input });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const out = result.stdout;
    expect(out).toContain(`Jordan: Honestly, I don't know why I'm here. My case manager thinks I need a coach.\n\nWhat would you say to Jordan?\nYou wrote: “${persuade}”\n${readAsPersuade}\n`);
    expect(out).toMatch(/\nIt tells Jordan what to do without asking first \("you should"\)[^\n]*\nTry: [^\n]+\nWhat do you say\?\n/);
    expect(out).toContain(
      'What do you say?\n  1. “Coming here wasn\'t really your idea.”\n  2. “Coaching helps a lot of people. I think you\'ll find it useful.” (closest to what you wrote)\n  3. “What did your case manager tell you about coaching?”\n',
    );
    // The option chosen comes after what was written, as the one they chose.
    expect(out).toContain('You chose (Complex reflection): “Coming here wasn\'t really your idea.”\nFeedback: You named what was unsaid');
    // An empty line skips to the options; that step is a choice as before.
    expect(out).toContain('What would you say to Jordan?\n(No reply written: on to the options.)\nWhat do you say?\n  1. “What would getting back to normal look like for you?”\n  2. “A coach can help you make a plan for that.”\n');
    expect(out).toContain('You (Open question): “What would getting back to normal look like for you?”');
    expect(out).toContain(`You wrote: “${openQuestion}”\n${readAsOpenQuestion}\n`);
    expect(out).toContain('You chose (Affirm): “People trusted you with their computers. That\'s a real skill.”');
    expect(out).toContain('Outcome: positive');

    // The debrief: the choices' summary as before, then the replies', then step by step.
    const debrief = out.slice(out.indexOf('Outcome: positive'));
    expect(debrief.indexOf('Summary of your coded choices')).toBeLessThan(debrief.indexOf('In your own words'));
    expect(debrief.indexOf('In your own words')).toBeLessThan(debrief.indexOf('Step by step'));
    const ownWords = debrief.slice(debrief.indexOf('In your own words'), debrief.indexOf('Step by step'));
    expect(flat(ownWords)).toContain('In your own words You wrote 2 replies: 1 open question, 0 closed questions, 0 reflections, 0 MI-adherent and 1 MI non-adherent.');
    expect(ownWords).toMatch(/\nMeasure +Your words +Fair +Good\nReflection-to-question ratio \(R:Q\) +0:1 \(0 reflections, 1 question\) +1:1 +2:1\n/);
    expect(ownWords).toMatch(/\nTotal MI-adherent +0 +– +–\nTotal MI non-adherent +1 +– +–\n/);
    expect(flat(ownWords)).toContain('This summarises what you wrote, as the coder on this device read it.');
    expect(flat(ownWords)).toContain('With 2 coded replies, far fewer than a 20-minute conversation holds, the figures are shown without a fair or good rating');
  });

  it('keeps the replies in the saved transcript, each before the option chosen', () => {
    const file = join(tempFolder(), 'own-words.md');
    const result = coach(['play', jordan, '--own-words', '--transcript', file], { input });
    expect(result.status).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(`**You wrote:** "${persuade}"\n\n> ${readAsPersuade}\n\n**You chose (Complex reflection):** "Coming here wasn't really your idea."`);
    expect(text).toContain('### In your own words');
  });

  it('gives each typed reply to the player whose turn it is', () => {
    // every-feature: hello -> 1 Simple reflection -> listens -> 1 Emphasizing autonomy -> plan.
    const result = coach(['play', fixturePath('every-feature.md'), '--players', 'Ana,Ben', '--own-words'], { input: `${persuade}\n1\n${openQuestion}\n1\n` });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`Ana's turn.\nWhat would you say to Riley?\nAna wrote: “${persuade}”\n${readAsPersuade}\n`);
    expect(result.stdout).toContain('Ana chose (Simple reflection): “Twenty minutes is what you have.”');
    expect(result.stdout).toContain(`Ben's turn.\nWhat would you say to Riley?\nBen wrote: “${openQuestion}”`);
    expect(result.stdout).toContain('Ben chose (Emphasizing autonomy): “You know your mornings best. Where would you start?”');
  });

  it('says what to send when the input ends or a choice line holds a reply', () => {
    expect(coach(['play', jordan, '--own-words'], { input: `${persuade}\n` })).toMatchObject({
      status: 1,
      stderr: 'coach: input ended at node `opening` before an ending; with --own-words, send a line with your reply (or an empty line, or skip), then a line with a choice number, for each step\n',
    });
    expect(coach(['play', jordan, '--own-words'], { input: '1\nWhat brings you here?\n' })).toMatchObject({
      status: 1,
      stderr: 'coach: line 2: `What brings you here?` is not a choice here; send a number from 1 to 3 (with --own-words, each step takes a line with your reply, then a line with a choice number)\n',
    });
  });
});

describe('coach play --own-words on a terminal', () => {
  const scenario = lintText(readFileSync(join(library, `${jordan}.md`), 'utf8'), `${jordan}.md`).scenario!;
  const machine = compileScenario(scenario);
  const enter = '\r';
  const backspace = '\u007F';
  const pause = () => new Promise((resolve) => setTimeout(resolve, 30));
  let codeReply: ReplyCoder;
  let cleanup: (() => void) | undefined;
  beforeAll(async () => {
    codeReply = await loadReplyCoder();
  });
  afterEach(() => cleanup?.());

  function start() {
    const saved: unknown[][] = [];
    const app = render(<PlayApp scenario={scenario} machine={machine} saveTranscript={async (...args) => (saved.push(args), 'saved.md')} autoSave={false} color={false} codeReply={codeReply} />);
    cleanup = app.unmount;
    const last = () => app.frames.filter((frame) => frame.trim() !== '').at(-1) ?? '';
    const press = async (...keys: string[]) => {
      for (const key of keys) {
        app.stdin.write(key);
        await pause();
      }
    };
    return { last, press, saved };
  }

  it('asks for a reply first, then shows its code, reason and tip, then the options with the closest marked', async () => {
    const { last, press } = start();
    await pause();
    await press(enter);
    expect(last()).toContain("Jordan: Honestly, I don't know why I'm here. My case manager thinks I need a coach.");
    expect(last()).toContain('What would you say to Jordan?\n› _\nEnter sends · Enter on its own, or skip, goes straight to the options');
    expect(last()).not.toContain('What do you say?');
    // Keys that are commands elsewhere (`?`, `u`, digits) are part of the reply here; Backspace takes back a letter.
    await press('You should really give coaching a go?', backspace, '.');
    expect(last()).toContain(`› ${persuade}_`);
    expect(last()).not.toContain('↑/↓ move');
    await press(enter);
    const screen = last();
    expect(screen).toContain(`What would you say to Jordan?\nYou wrote: “${persuade}”\n${readAsPersuade}\nIt tells Jordan what to do without asking first ("you should")`);
    expect(screen).toMatch(/\nTry: [^\n]+\n/);
    expect(screen).toContain(
      'What do you say?\n› 1. “Coming here wasn\'t really your idea.”\n  2. “Coaching helps a lot of people. I think you\'ll find it useful.” (closest to what you wrote)\n  3. “What did your case manager tell you about coaching?”',
    );
    // Then the options work as they do without own words.
    await press('1');
    expect(last()).toContain('You chose (Complex reflection): “Coming here wasn\'t really your idea.”');
    expect(last()).toContain('1 choice so far');
  });

  it('goes straight to the options on an empty reply or skip, with none marked', async () => {
    const { last, press } = start();
    await press(enter, 'skip', enter);
    expect(last()).toContain('(No reply written: on to the options.)\nWhat do you say?\n› 1. “Coming here wasn\'t really your idea.”\n  2. “Coaching helps a lot of people. I think you\'ll find it useful.”\n');
    expect(last()).not.toContain('(closest to what you wrote)');
    await press('1', ' ', enter);
    expect(last()).toContain('What would you say to Jordan?\n(No reply written: on to the options.)\nWhat do you say?\n› 1. “What would getting back to normal look like for you?”');
  });

  it('takes the reply back with the choice on u, and asks for it again', async () => {
    const { last, press } = start();
    await press(enter, persuade, enter, '2');
    expect(last()).toContain('You chose (Persuade): “Coaching helps a lot of people. I think you\'ll find it useful.”');
    await press('u');
    expect(flat(last())).toContain(`— Took back: what you wrote, “${persuade}”, and “Coaching helps a lot of people. I think you'll find it useful.” Write again. —`);
    expect(last()).toContain('What would you say to Jordan?\n› _');
    expect(last()).toContain('0 choices so far');
  });

  it('adds "In your own words" to the debrief and saves the replies with the transcript', async () => {
    const { last, press, saved } = start();
    await press(enter, persuade, enter, '1', ' ', enter, '1', ' ', openQuestion, enter, '1', ' ');
    const screen = last();
    expect(screen).toContain('Outcome: positive');
    expect(flat(screen)).toContain('In your own words You wrote 2 replies: 1 open question, 0 closed questions, 0 reflections, 0 MI-adherent and 1 MI non-adherent.');
    expect(screen).toMatch(/Measure +Your words +Fair +Good/);
    expect(flat(screen)).toContain('This summarises what you wrote, as the coder on this device read it.');
    await press('s');
    expect(saved).toHaveLength(1);
    expect(saved[0]![1]).toEqual([expect.objectContaining({ text: persuade, code: 'Persuade' }), null, expect.objectContaining({ text: openQuestion, code: 'Open question' })]);
  });
});

describe('coach run --say', () => {
  it('codes one reply per step, in order, and adds them and their summary to the JSON', () => {
    // opening: 2 Persuade -> pushback; pushback: 1 Emphasizing autonomy -> check-in (rapport 1) -> stays-guarded;
    // stays-guarded: 1 Emphasizing autonomy -> maybe-later. Two replies for three steps: the last has none.
    const result = coach(['run', jordan, '--choose', '2,1,1', '--say', persuade, '--say', openQuestion, '--json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.choices.map((c: { code: string }) => c.code)).toEqual(['Persuade', 'Emphasizing autonomy', 'Emphasizing autonomy']);
    expect(json.ownWords).toHaveLength(3);
    expect(json.ownWords[0]).toEqual({ text: persuade, code: 'Persuade', group: 'MI non-adherent', confidence: expect.any(Number), reason: expect.stringContaining('It tells Jordan what to do without asking first ("you should")') });
    expect(json.ownWords[1]).toMatchObject({ text: openQuestion, code: 'Open question', group: 'question' });
    expect(json.ownWords[2]).toBeNull();
    expect(json.ownWordsSummary).toEqual({
      coded: 2,
      counts: expect.objectContaining({ question: 1, persuade: 1 }),
      questions: 1,
      openQuestions: 1,
      closedQuestions: 0,
      reflections: 0,
      complexReflections: 0,
      reflectionToQuestion: 0,
      percentComplexReflections: null,
      miAdherent: 0,
      miNonAdherent: 1,
    });
    // The choices' own summary is unchanged by what was said.
    expect(json.summary).toMatchObject({ coded: 3, miAdherent: 2, miNonAdherent: 1 });
  });

  it('shows each reply with its code before the choice in the text output', () => {
    const result = coach(['run', jordan, '--choose', '2,1,1', '--say', persuade, '--say', '', '--say', openQuestion]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`You wrote: “${persuade}”\n${readAsPersuade}\nYou chose (Persuade): “Coaching helps a lot of people. I think you'll find it useful.”`);
    expect(result.stdout).toContain('\nYou (Emphasizing autonomy): “You get to decide whether this is useful.');
    expect(result.stdout).toContain(`You wrote: “${openQuestion}”\n${readAsOpenQuestion}\nYou chose (Emphasizing autonomy): “Of course. It's your call whether we meet again.”`);
    expect(flat(result.stdout)).toContain('In your own words You wrote 2 replies: 1 open question');
  });

  it('leaves ownWords out without --say', () => {
    const json = JSON.parse(coach(['run', jordan, '--choose', '1,1,1', '--json']).stdout);
    expect(json).not.toHaveProperty('ownWords');
    expect(json).not.toHaveProperty('ownWordsSummary');
  });

  it('refuses more --say than steps chosen, as a usage error saying how many were chosen', () => {
    expect(coach(['run', jordan, '--choose', '1,3', '--say', 'a', '--say', 'b', '--say', 'c', '--json'])).toMatchObject({
      status: 2,
      stdout: '',
      stderr: 'coach: --say was given 3 times, but --choose 1,3 chooses 2 steps; give at most one --say per step, in order (--say "" for a step with nothing said)\n',
    });
  });
});
