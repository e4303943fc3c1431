import { describe, expect, it } from 'vitest';
import { lintText, messagesOf, readFixture } from '../helpers.ts';

describe('a scenario that uses every feature of version 1', () => {
  const result = lintText(readFixture('every-feature.md'), 'every-feature.md');
  const scenario = result.scenario!;

  it('passes every check, with a warning for the choice that is never offered', () => {
    expect(messagesOf(result)).toEqual([
      '52:1 warning Unexpected transition that no run can take: choice 3 of node `hello` is never offered, because its condition never holds when it is reached',
      '71:1 info Silenced on purpose (after a lecture Riley has stopped listening, whatever comes next): Unexpected dead end after a good move: after this Persuade with permission in node `lectures` no positive ending can be reached, only `maybe` (mixed)',
    ]);
    expect(result.checks).toEqual({ total: 3, failed: 0 });
  });

  it('reads the front matter with its defaults', () => {
    expect(scenario.id).toBe('every-feature');
    expect(scenario.meta.persona).toEqual({ name: 'Riley', pronouns: 'she/her', age: 41, situation: 'Back at work part-time after a long break.', strengths: ['organised', 'funny'] });
    expect(scenario.meta.level).toBe('intermediate');
    expect(scenario.meta.content_notes).toEqual(['workplace stress']);
    expect(scenario.meta.state).toEqual({ trust: 0, readiness: 2 });
    expect(scenario.start).toBe('hello');
    expect(scenario.introduction).toBe('Riley asked for a coaching session during her lunch break.');
  });

  it('takes node ids from headings, or from {#id}', () => {
    expect(scenario.nodes.map((node) => `${node.id}:${node.kind}`)).toEqual([
      'aside:choice', 'hello:choice', 'listens:choice', 'lectures:choice', 'gate:route', 'plan:ending', 'maybe:ending', 'walk-out:ending',
    ]);
    expect(scenario.nodes[1]!.heading).toBe('Hello there');
  });

  it('tells speech from narration, keeping inline Markdown', () => {
    const hello = scenario.nodes[1]!;
    expect(hello.lines.map((line) => [line.speaker, line.markdown])).toEqual([
      [undefined, '*Riley checks her phone, then puts it face down.*'],
      ['Riley', 'I\'ve only got twenty minutes.'],
    ]);
    expect(hello.lines[1]!.place.start).toMatchObject({ line: 43, column: 1 });
  });

  it('reads choices with curly quotes and arrows, conditions, all three effect forms and tags', () => {
    const hello = scenario.nodes[1]!;
    if (hello.kind !== 'choice') throw new Error('expected a choice node');
    const [reflect, confront, closed] = hello.choices;
    expect(reflect).toMatchObject({ says: 'Twenty minutes is what you have.', target: 'listens', tags: ['respect', 'autonomy'] });
    expect(reflect!.code.name).toBe('Simple reflection');
    expect(reflect!.feedback).toBe('A simple reflection of the constraint, with **no** pressure.');
    expect(reflect!.effects).toEqual([{ variable: 'trust', kind: 'add', value: 1 }, { variable: 'readiness', kind: 'add', value: -1 }]);
    expect(confront!.effects).toEqual([{ variable: 'trust', kind: 'set', value: 0 }]);
    expect(closed!.condition).toEqual({
      anyOf: [{ allOf: [{ variable: 'trust', operator: '>=', value: 5 }] }, { allOf: [{ variable: 'readiness', operator: '==', value: 9 }, { variable: 'trust', operator: '<', value: 0 }] }],
    });
  });

  it('reads routes and endings with their debriefs', () => {
    const gate = scenario.nodes.find((node) => node.id === 'gate')!;
    if (gate.kind !== 'route') throw new Error('expected a route node');
    expect(gate.routes.map((route) => route.target)).toEqual(['plan', 'maybe', 'walk-out']);
    expect(gate.routes[2]!.condition).toBeUndefined();
    expect(scenario.nodes.filter((node) => node.kind === 'ending').map((node) => node.kind === 'ending' && [node.outcome, node.debrief])).toEqual([
      ['positive', 'Riley leaves with a plan she wrote herself.'],
      ['mixed', 'Riley will think about it.'],
      ['negative', 'Riley goes back to her desk early.'],
    ]);
  });

  it('reports coverage from the explored states', () => {
    expect(result.exploration).toMatchObject({ transitionsExercised: 10, transitionsTotal: 11, endingsReached: ['plan', 'maybe', 'walk-out'], endingsTotal: 3, capped: false });
    expect(result.exploration!.transitionsNeverTaken).toEqual([{ node: 'hello', kind: 'choice', index: 2 }]);
  });

  it('parses CRLF files the same as LF files', () => {
    const crlf = lintText(readFixture('every-feature.md').replace(/\n/g, '\r\n'), 'every-feature.md');
    expect(crlf.scenario!.nodes.map((node) => node.id)).toEqual(scenario.nodes.map((node) => node.id));
    expect(messagesOf(crlf)).toEqual(messagesOf(result));
  });

  it('gives the same tree when a long file is parsed in chunks', () => {
    const long = readFixture('every-feature.md') + Array.from({ length: 60 }, (_, i) => `\n## Extra ${i}\n\n**Outcome:** mixed\n\nFiller text for the chunked parse, line ${i}.\n`).join('');
    const extra = lintText(long, 'every-feature.md', false);
    const ids = extra.file.messages.filter((m) => m.ruleId === 'unreachable-node').map((m) => `${m.line}`);
    expect(ids).toHaveLength(60);
    expect(ids[59]).toBe(String(long.split('\n').findIndex((line) => line === '## Extra 59') + 1));
  });
});
