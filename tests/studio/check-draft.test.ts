/**
 * The studio's check, as its worker runs it: text in, the problems, coverage and laid-out diagram
 * out, the same findings `coach test` makes of the same text.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fillScenarioTemplate } from '../../src/engine/template.ts';
import { builtInVocabulary } from '../../src/engine/vocabulary.ts';
import { checkDraft, type DraftReport } from '../../src/studio/check-draft.ts';
import { layoutDiagram } from '../../src/studio/layout-diagram.ts';
import { fixtureModules } from '../helpers.ts';
import { generateScenario } from '../../scripts/bench/generate-scenario.mjs';

const template = fillScenarioTemplate(readFileSync(new URL('../../cli/templates/new-scenario.md', import.meta.url), 'utf8'), 'meeting-alex');
const check = (text: string, fileName = 'meeting-alex.md') => checkDraft({ text, fileName, modules: fixtureModules });
const problemsOf = (report: DraftReport) => report.problems.filter((problem) => problem.severity !== 'info').map((problem) => `${problem.start.line}:${problem.start.column}-${problem.end.line}:${problem.end.column} ${problem.severity} ${problem.reason}`);
const lineOf = (text: string, fragment: string) => text.slice(0, text.indexOf(fragment)).split('\n').length;

describe('checking a draft in the studio', () => {
  it('finds nothing wrong with the template, and reports its coverage, diagram and scenario', () => {
    const report = check(template);
    expect(problemsOf(report)).toEqual([]);
    expect(report.coverage).toEqual({ figures: ['5 reachable states', '7 of 7 transitions exercised', '3 of 3 endings reached', '4 paths to an ending', '2 of 2 checks passed'], partial: false });
    expect(report.scenario?.meta.title).toBe('Meeting alex');
    expect(report.explored).toBe(true);
    const diagram = layoutDiagram(report.graph);
    expect(diagram.start).toBe('opening');
    expect(diagram.boxes.map((box) => [box.id, box.caption[1]])).toEqual([
      ['opening', 'start · 2 choices'],
      ['listens', '3 choices'],
      ['check-in', '2 routes'],
      ['goes-well', 'positive ending'],
      ['maybe-later', 'mixed ending'],
      ['closes-down', 'negative ending'],
    ]);
    expect(diagram.boxes.every((box) => box.reached === true && box.width > 0 && box.x >= 0 && box.y >= 0)).toBe(true);
    expect(diagram.boxes.find((box) => box.id === 'listens')?.line).toBe(lineOf(template, '## Listens'));
    // Three choices from `listens` lead to `check-in`: one arrow, with each choice's label.
    const listensToCheckIn = diagram.arrows.find((arrow) => arrow.from === 'listens' && arrow.to === 'check-in');
    expect(listensToCheckIn?.labels).toEqual(['Complex reflection · rapport +1', 'Closed question', 'Affirm · if rapport >= 1 · rapport = 2']);
    expect(listensToCheckIn?.points.length).toBeGreaterThanOrEqual(2);
  });

  it('reports a broken target at its place, with its end, and still draws what it could read', () => {
    const broken = template.replace('"What brings you here today?" -> listens', '"What brings you here today?" -> listen');
    const report = check(broken);
    const line = lineOf(broken, '-> listen\n');
    expect(problemsOf(report)).toEqual([`${line}:55-${line}:61 error Unexpected target \`listen\`, expected the id of a node in this file; did you mean \`listens\`?`]);
    expect(report.scenario).toBeUndefined();
    expect(report.coverage).toBeUndefined();
    expect(report.explored).toBe(false);
    const diagram = layoutDiagram(report.graph);
    expect(diagram.boxes.map((box) => box.id)).toContain('listens');
    expect(diagram.boxes.every((box) => box.reached === undefined)).toBe(true);
    expect(diagram.arrows.some((arrow) => arrow.to === 'listen')).toBe(false);
  });

  it('marks a node no run reaches', () => {
    const report = check(`${template}\n## Forgotten\n\n**Outcome:** mixed\n\nNo choice leads here.\n`);
    expect(problemsOf(report)).toContainEqual(expect.stringMatching(/error Unexpected node `forgotten` that cannot be reached from the start `opening`/));
    const forgotten = layoutDiagram(report.graph).boxes.find((box) => box.id === 'forgotten');
    expect(forgotten?.reached).toBe(false);
    expect(forgotten?.caption).toEqual(['Forgotten', 'mixed ending · unreachable']);
  });

  it('checks the file name as the scenario id, as coach test does', () => {
    expect(problemsOf(check(template, 'Meeting Alex.md'))).toEqual(['1:1-1:1 error Unexpected file name `Meeting Alex.md`, expected lower-case letters, digits and hyphens ending in `.md`, such as `meeting-alex.md`']);
  });

  it('walks the checks: a failing one is a problem', () => {
    const report = check(template.replace('outcome: negative', 'outcome: positive'));
    expect(problemsOf(report)).toEqual([expect.stringMatching(/error Check 2 fails: expected a positive outcome, but the ending `closes-down` is negative$/)]);
    expect(report.coverage?.figures.at(-1)).toBe('1 of 2 checks passed');
  });

  it('keeps the layout while only the words change, and lays out a 60-node scenario', () => {
    const first = layoutDiagram(check(template).graph);
    const reworded = layoutDiagram(check(template.replace('Lines that start with a bold name', 'Lines beginning with a bold name')).graph);
    expect(reworded.boxes.map((box) => [box.x, box.y])).toEqual(first.boxes.map((box) => [box.x, box.y]));
    const large = check(generateScenario(60), 'sixty-nodes.md');
    expect(problemsOf(large)).toEqual([]);
    const diagram = layoutDiagram(large.graph);
    expect(diagram.boxes).toHaveLength(60);
    expect(diagram.height).toBeGreaterThan(diagram.boxes[0]!.height * 10);
  });
});

describe('the studio checks as coach test does, for trainers', () => {
  it('shows a failing check with its walk, step by step, under the message', () => {
    const failing = template.replace(/checks:\n  - path: \[([^\]]*)\]/, 'checks:\n  - path: [opening: 2]');
    const report = check(failing);
    const problem = report.problems.find((found) => found.ruleId === 'check-failed');
    expect(problem?.note?.split('\n')[0]).toBe('The walk, step by step:');
    expect(problem?.note).toContain('Named in the path.');
  });

  it('uses the course\'s vocabulary: a skill the course adds is known, and others are not', () => {
    const withSkill = template.replace(/^skills: \[[^\]]*\]$/m, 'skills: [peer-led-groups]');
    expect(problemsOf(check(withSkill)).some((problem) => problem.includes('Unexpected skill `peer-led-groups`'))).toBe(true);
    const vocabulary = { skills: [...builtInVocabulary.skills, { id: 'peer-led-groups', label: 'Running peer-led groups' }], tags: builtInVocabulary.tags };
    expect(problemsOf(checkDraft({ text: withSkill, fileName: 'meeting-alex.md', modules: fixtureModules, vocabulary }))).toEqual([]);
  });
});
