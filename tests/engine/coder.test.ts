import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { codeUtterance, groupOf } from '../../src/engine/coder/index.ts';
import { splitParts } from '../../src/engine/coder/text.ts';

const jordan = { person: 'Jordan', context: "Honestly, I don't know why I'm here. Since the hospital, everyone's got a plan for me." };

describe('codeUtterance: the rules MITI gives', () => {
  test.each([
    ['What would make this worth your time?', 'Open question'],
    ['how r u feeling about that', 'Open question'],
    ['Tell me more about that', 'Open question'],
    ['Do you want to come back next week?', 'Closed question'],
    ['when is the review', 'Closed question'],
    ['is that ok', 'Closed question'],
  ] as const)('%s is an %s', (text, code) => {
    expect(codeUtterance(text, jordan).code).toBe(code);
  });

  test('a closed question is explained by its yes/no form, with a way to open it', () => {
    const coded = codeUtterance('do you want to go back to the group', jordan);
    expect(coded.reason).toBe('It can be answered yes or no (it starts "do you want"), so it is a closed question: try starting with What or How.');
    expect(coded.group).toBe('question');
  });

  test('a statement with a question mark is a closed question, and the reason says what it would be without one', () => {
    const coded = codeUtterance('you feel everyone has a plan for you?', jordan);
    expect(coded.code).toBe('Closed question');
    expect(coded.reason).toContain('Without the question mark, said as a statement, it could be a reflection.');
  });

  test('advice without permission is Persuade, naming the words', () => {
    const coded = codeUtterance('You should really give the group another go.', jordan);
    expect(coded.code).toBe('Persuade');
    expect(coded.reason).toBe('It tells Jordan what to do without asking first ("you should"): advice without permission counts as Persuade.');
    expect(coded.tip).toBe('You told Jordan what to do. What might you reflect first, or ask before offering advice?');
  });

  test.each(['have you tried going for a walk', 'why dont u just ring them', 'maybe try writing it down', "I'm sure it'll be fine"])('"%s" is Persuade', (text) => {
    expect(codeUtterance(text, jordan).code).toBe('Persuade');
  });

  test('asking what the person already thought about is a question, not advice', () => {
    expect(codeUtterance('Have you thought about what you want from today?', jordan).code).toBe('Closed question');
  });

  test('advice with permission or a hand-over of the choice is Persuade with permission', () => {
    const coded = codeUtterance('If you want, you could try the Tuesday group, but it is up to you.', jordan);
    expect(coded.code).toBe('Persuade with permission');
    expect(coded.group).toBe('giving information');
    expect(coded.reason).toContain('leaves Jordan free to take it or not ("if you want")');
  });

  test.each([
    ["It's completely your call.", 'Emphasizing autonomy'],
    ['you know yourself best', 'Emphasizing autonomy'],
    ['Would it be OK if I shared something that helped me?', 'Seeking collaboration'],
    ['What do you make of that?', 'Seeking collaboration'],
    ["You're in denial about this.", 'Confront'],
    ["Don't you think that's a bit selfish?", 'Confront'],
    ['That took real courage, coming here today.', 'Affirm'],
  ] as const)('"%s" is %s', (text, code) => {
    expect(codeUtterance(text, jordan).code).toBe(code);
  });

  test('a reflection that says back an obligation is not advice', () => {
    expect(codeUtterance('You feel like you have to keep everyone happy.', jordan).group).toBe('reflection');
  });
});

describe('codeUtterance: what MITI does not code', () => {
  test.each(['ok', 'Okay.', 'mm', 'bye, take care', 'thanks', 'ok jordan'])('"%s" is none', (text) => {
    const coded = codeUtterance(text, jordan);
    expect(coded.code).toBe('none');
    expect(coded.group).toBe('none');
  });

  test('no words at all is none, said plainly', () => {
    expect(codeUtterance('   ', jordan)).toMatchObject({ code: 'none', reason: 'There are no words to code yet.' });
  });
});

describe('codeUtterance: reflections and several parts', () => {
  test('a reflection is called a reflection, and simple or complex only a leaning', () => {
    const coded = codeUtterance("It sounds like you're tired of other people deciding for you.", jordan);
    expect(coded.group).toBe('reflection');
    expect(coded.leaning).toMatch(/^(?:simple|complex)$/);
    expect(coded.reason).toContain('so it is a reflection');
    expect(coded.reason).toContain('take that as a leaning, not a verdict');
  });

  test('a reflection then a question is coded as its question, and the reason says which part decided', () => {
    const coded = codeUtterance('Everyone has a plan for you. What matters most to you?', jordan);
    expect(coded.code).toBe('Open question');
    expect(coded.part).toEqual({ index: 1, of: 2, text: 'What matters most to you?' });
    expect(coded.reason).toContain('Of its 2 sentences, "What matters most to you?" decided the code.');
  });

  test('advice anywhere in a reply outranks the reflection before it', () => {
    const coded = codeUtterance("That sounds exhausting. You need to tell them how you feel.", jordan);
    expect(coded.code).toBe('Persuade');
    expect(coded.part?.index).toBe(1);
  });

  test('sentences are split where a new one starts, not inside one', () => {
    expect(splitParts('You sound tired. What would help?\nok').map((part) => part.original)).toEqual(['You sound tired.', 'What would help?', 'ok']);
  });
});

describe('codeUtterance: the answer', () => {
  test('every answer has a code, its group, a confidence between 0 and 1 and a reason', () => {
    for (const text of ['what now', 'you are angry', 'go to the doctor', 'the group meets on Tuesdays', 'hmm', 'x'.repeat(5000)]) {
      const coded = codeUtterance(text, jordan);
      expect(coded.group).toBe(groupOf(coded.code));
      expect(coded.confidence).toBeGreaterThanOrEqual(0);
      expect(coded.confidence).toBeLessThanOrEqual(1);
      expect(coded.reason.length).toBeGreaterThan(10);
      if (coded.runnerUp) expect(coded.runnerUp.code).not.toBe(coded.code);
    }
  });

  test('without a name, the reason speaks of "the person"', () => {
    expect(codeUtterance('you should go').reason).toContain('It tells the person what to do');
  });
});

describe('the engine stays pure', () => {
  const engine = join(import.meta.dirname, '../../src/engine');
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []));
  test.each(files(engine).map((path) => [path.slice(engine.length + 1), path]))('%s imports nothing from Node, the DOM, React or Astro', (_, path) => {
    const source = readFileSync(path, 'utf8');
    const imports = [...source.matchAll(/from '([^']+)'/g)].map(([, name]) => name!);
    expect(imports.filter((name) => /^(?:node:|react|astro|@astrojs|fs$|path$)/.test(name))).toEqual([]);
    expect(source).not.toMatch(/\b(?:document|window|localStorage)\./);
  });
});
