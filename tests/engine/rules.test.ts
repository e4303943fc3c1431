/**
 * One case per rule of scenario format version 1: the exact message a trainer reads, with its
 * line and column. All problems in a file are reported together.
 */
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { exploreScenario } from '../../src/engine/explore.ts';
import { fixtureModules, goodEnding, lintText, messagesOf, problemsOf, scenario } from '../helpers.ts';

const codes = '`Open question`, `Closed question`, `Simple reflection`, `Complex reflection`, `Summary`, `Affirm`, `Seeking collaboration`, `Emphasizing autonomy`, `Giving information`, `Persuade with permission`, `Persuade`, `Confront`';
const skillIds = '`engaging`, `focusing`, `evoking`, `planning`, `open-questions`, `affirmations`, `reflections`, `simple-reflections`, `complex-reflections`, `double-sided-reflections`, `summaries`, `oars`, `change-talk`, `sustain-talk`, `discord`, `righting-reflex`, `autonomy-support`, `seeking-collaboration`, `elicit-provide-elicit`, `agenda-mapping`, `giving-information`, `shared-decision-making`, `goal-setting`, `action-planning`, `strengths`, `hope`, `self-disclosure`, `boundaries`, `safety`, `linking-to-resources`, `advocacy`, `family-support`, `group-facilitation`, `vocational-recovery`, `self-care`';
const tagIds = '`team-talk`, `option-talk`, `decision-talk`, `seek-participation`, `help-explore-options`, `assess-values`, `reach-decision`, `evaluate-decision`, `hope`, `person-driven`, `many-pathways`, `holistic`, `peer-support`, `relationships`, `culture`, `trauma-informed`, `strengths`, `respect`, `health`, `home`, `purpose`, `community`, `connectedness`, `identity`, `meaning`, `empowerment`, `autonomy`, `safety`, `straight-answer`';
const moduleIds = fixtureModules.map((id) => `\`${id}\``).join(', ');
const choice = (code: string, target: string, extra = '') => `- **${code}:** "Words." -> ${target}\n  - feedback: f\n${extra}`;

describe('the file and its front matter', () => {
  it('rejects a file name that is not an id, and suggests one', () => {
    expect(problemsOf(lintText(scenario(goodEnding), 'First Try.md'))).toEqual([
      '1:1 error Unexpected file name `First Try.md`, expected lower-case letters, digits and hyphens ending in `.md`, such as `first-try.md`',
    ]);
  });

  it('suggests a file name that is itself valid: no underscores, capitals or accents', () => {
    expect(problemsOf(lintText(scenario(goodEnding), 'Meeting_Jordan.md'))).toEqual([
      '1:1 error Unexpected file name `Meeting_Jordan.md`, expected lower-case letters, digits and hyphens ending in `.md`, such as `meeting-jordan.md`',
    ]);
    expect(problemsOf(lintText(scenario(goodEnding), 'café-jordan.md'))).toEqual([
      '1:1 error Unexpected file name `café-jordan.md`, expected lower-case letters, digits and hyphens ending in `.md`, such as `cafe-jordan.md`',
    ]);
    expect(problemsOf(lintText(scenario(goodEnding), 'Señora _ Núñez (draft).md'))[0]).toContain('such as `senora-nunez-draft.md`');
  });

  it('asks for front matter when there is none', () => {
    expect(problemsOf(lintText('## a\n\n**Outcome:** positive\n'))).toEqual([
      '1:1 error Unexpected file without front matter, expected `---` on the first line, then `title:`, `summary:` and `persona:`, then `---`',
    ]);
  });

  it('reports broken YAML at its line', () => {
    expect(problemsOf(lintText('---\ntitle: [unclosed\nsummary: s\n---\n\n## a\n\n**Outcome:** positive\n'))).toEqual([
      '3:1 error Unexpected YAML in the front matter: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });

  it('reports front matter that is not a map', () => {
    expect(problemsOf(lintText('---\n- a\n- b\n---\n\n## a\n\n**Outcome:** positive\n'))).toEqual([
      '2:1 error Unexpected front matter that is not a list of `key: value` lines, expected `title:`, `summary:` and `persona:`',
    ]);
  });

  it('names every missing required key', () => {
    expect(problemsOf(lintText('---\nsummary: s\npersona:\n  age: 3\n---\n\n## a\n\n**Outcome:** positive\n'))).toEqual([
      '2:1 error Missing `title`, expected a title',
      '3:1 error Missing `persona.name`, expected the persona\'s name',
    ]);
  });

  it('names the closest known key for an unknown one', () => {
    expect(problemsOf(lintText(scenario(goodEnding, 'titel: x\n')))).toEqual([
      '8:1 error Unexpected key `titel`, expected one of `title`, `summary`, `persona`, `skills`, `modules`, `level`, `minutes`, `coach_goal`, `content_notes`, `start`, `state`, `checks`; did you mean `title`?',
    ]);
  });

  it('reports a misspelt required key once, at the misspelling, not also as missing', () => {
    const keys = '`title`, `summary`, `persona`, `skills`, `modules`, `level`, `minutes`, `coach_goal`, `content_notes`, `start`, `state`, `checks`';
    expect(problemsOf(lintText(scenario(goodEnding).replace('summary: S.', 'sumary: S.')))).toEqual([
      `3:1 error Unexpected key \`sumary\`, expected one of ${keys}; did you mean \`summary\`?`,
    ]);
    expect(problemsOf(lintText(scenario(goodEnding, 'checks:\n  - pth: [good]\n    outcome: positive\n').replace('  name: Sam', '  nmae: Sam')))).toEqual([
      '5:3 error Unexpected key `nmae` in `persona`, expected one of `name`, `pronouns`, `age`, `situation`, `strengths`, `wants`, `when_listened_to`, `when_pushed`, `if_asked`, `shares_as_trust_grows`; did you mean `name`?',
      '9:5 error Unexpected key `pth` in `checks[0]`, expected one of `path`, `outcome`, `ending`, `state`; did you mean `path`?',
    ]);
  });

  it('checks the role-card fields: persona wants, when_listened_to and when_pushed, and coach_goal', () => {
    const front = (persona: string, extra = '') => `---\ntitle: t\nsummary: s\npersona:\n  name: Sam\n${persona}${extra}---\n\n${goodEnding}`;
    expect(problemsOf(lintText(front('  wants: A steady job\n  when_listened_to: Opens up.\n  when_pushed: Goes quiet.\n', 'coach_goal: Hear what Sam wants.\n')))).toEqual([]);
    expect(problemsOf(lintText(front('  when_pused: Goes quiet.\n  when_listened_to: ""\n', 'coach_goal: 3\n')))).toEqual([
      '6:3 error Unexpected key `when_pused` in `persona`, expected one of `name`, `pronouns`, `age`, `situation`, `strengths`, `wants`, `when_listened_to`, `when_pushed`, `if_asked`, `shares_as_trust_grows`; did you mean `when_pushed`?',
      '7:21 error Unexpected value `` for `persona.when_listened_to`, expected a sentence',
      '8:13 error Unexpected value `3` for `coach_goal`, expected a sentence saying what the coach aims for',
    ]);
  });

  it('says which values are of the wrong kind, and where a persona key belongs', () => {
    expect(problemsOf(lintText(scenario(goodEnding, 'minutes: -5\nage: 3\ncontent_notes: none\nlevel: expert\n')))).toEqual([
      '8:10 error Unexpected value `-5` for `minutes`, expected a whole number of minutes, more than 0',
      '9:1 error Unexpected key `age`, expected one of `title`, `summary`, `persona`, `skills`, `modules`, `level`, `minutes`, `coach_goal`, `content_notes`, `start`, `state`, `checks`; `age` belongs under `persona:`',
      '10:16 error Unexpected value `none` for `content_notes`, expected a list such as `[recent hospital stay]`',
      '11:8 error Unexpected value `expert` for `level`, expected `beginner`, `intermediate` or `advanced`',
    ]);
  });

  it('wants whole numbers for state variables', () => {
    const text = `---\ntitle: t\nsummary: s\npersona: { name: Sam }\nstate:\n  rapport: high\n  trust: 1.5\n---\n\n${goodEnding}`;
    expect(problemsOf(lintText(text))).toEqual([
      '6:12 error Unexpected value `high` for `state.rapport`, expected a whole number such as `1` (from -1,000,000,000 to 1,000,000,000)',
      '7:10 error Unexpected value `1.5` for `state.trust`, expected a whole number such as `1` (from -1,000,000,000 to 1,000,000,000)',
    ]);
  });

  it('checks skills, modules and tags against the vocabularies', () => {
    const text = scenario(`## a\n\n${choice('Affirm', 'good', '  - tags: hopes, respect\n')}\n${goodEnding}`, 'skills: [reflection]\nmodules: [mi-oar, nothing-like-it]\n');
    expect(problemsOf(lintText(text))).toEqual([
      `8:10 error Unexpected skill \`reflection\`, expected a skill from the project's vocabulary (${skillIds}); did you mean \`reflections\`?`,
      `9:11 error Unexpected module \`mi-oar\`, expected the id of a course module (${moduleIds}); did you mean \`mi-oars\`?`,
      `9:19 error Unexpected module \`nothing-like-it\`, expected the id of a course module (${moduleIds})`,
      `16:11 error Unexpected tag \`hopes\`, expected a tag from the project's vocabulary (${tagIds}); did you mean \`hope\`?`,
    ]);
  });

  it('checks that the start node exists', () => {
    expect(problemsOf(lintText(scenario(goodEnding, 'start: opening\n')))).toEqual([
      '8:8 error Unexpected start node `opening`, expected the id of a node in this file',
    ]);
  });
});

describe('nodes', () => {
  it('needs at least one node', () => {
    expect(problemsOf(lintText(scenario('Just an introduction.\n')))).toEqual([
      '8:4 error Unexpected file without nodes, expected at least one `## heading` starting a node',
    ]);
  });

  it('rejects a second node with the same id, pointing at the first in its words and as its related place', () => {
    const result = lintText(scenario('## Good\n\n**Outcome:** positive\n\nA.\n\n## good\n\n**Outcome:** mixed\n\nB.\n'));
    expect(problemsOf(result)).toEqual([
      '16:1 error Unexpected second node with id `good` (`## Good` on line 10 and `## good` here both make it), expected every node id to be unique (rename one heading, or give it `{#another-id}`)',
    ]);
    const cause = result.file.messages.find((m) => m.ruleId === 'duplicate-node')?.cause as { line?: number; reason?: string };
    expect([cause.line, cause.reason]).toEqual([10, 'First defined here']);
  });

  it('rejects a heading with nothing to make an id from', () => {
    expect(problemsOf(lintText(scenario(`## ???\n\n**Outcome:** positive\n\n${goodEnding}`)))).toEqual([
      '10:1 error Unexpected heading `???` with no letters or digits for a node id, expected a heading such as `## opening`',
    ]);
  });

  it('wants the list last, and only lines before it', () => {
    expect(problemsOf(lintText(scenario(`## a\n\n${choice('Affirm', 'good')}\nMore words.\n\n${goodEnding}`)))).toEqual([
      '15:1 error Unexpected paragraph after the list of node `a`, expected the list to come last (start a new node with `## heading`)',
    ]);
    expect(problemsOf(lintText(scenario(`## a\n\n\`\`\`\ncode\n\`\`\`\n\n${choice('Affirm', 'good')}\n${goodEnding}`)))).toEqual([
      '12:1 error Unexpected code block in node `a`, expected a line (a paragraph) or the list of choices',
    ]);
  });

  it('says once that a node heading written `###` (or `#`) needs `##`, and reads it as that node', () => {
    const body = (heading: string) => `## a\n\n${choice('Affirm', 'pushback')}${choice('Affirm', 'good')}\n${heading}\n\n**Sam:** Sure.\n\n${choice('Affirm', 'good')}\n${goodEnding}`;
    const result = lintText(scenario(body('### Pushback {#pushback}')));
    expect(problemsOf(result)).toEqual([
      '17:1 error Unexpected level-3 heading `### Pushback {#pushback}` starting a node, expected a level-2 heading: node headings start with two `#`, so write `## Pushback {#pushback}`',
    ]);
    expect(result.tree?.nodes.map((node) => node.id)).toEqual(['a', 'pushback', 'good']);
    expect(problemsOf(lintText(scenario(body('# pushback'))))).toEqual([
      '17:1 error Unexpected level-1 heading `# pushback` starting a node, expected a level-2 heading: node headings start with two `#`, so write `## pushback`',
    ]);
    // Where the format allows other headings (the introduction, a debrief), they are not nodes.
    const allowed = scenario(`### Before you start\n\nSam is new here.\n\n- one thing\n- another\n\n## a\n\n${choice('Affirm', 'good')}\n${goodEnding}\n### What went well\n\nYou listened.\n`);
    expect(problemsOf(lintText(allowed))).toEqual([]);
  });

  it('ignores HTML comments, which are notes for trainers', () => {
    expect(problemsOf(lintText(scenario(`## a\n\n<!-- a note -->\n\n${choice('Affirm', 'good')}\n${goodEnding}`)))).toEqual([]);
  });
});

describe('choices', () => {
  it('names the closest behaviour code, ignoring case', () => {
    expect(problemsOf(lintText(scenario(`## a\n\n${choice('Reflection', 'good')}${choice('open Question', 'good')}${choice('Afirm', 'good')}\n${goodEnding}`)))).toEqual([
      `12:3 error Unexpected behaviour code \`Reflection\`, expected one of the twelve codes: ${codes}; did you mean \`Simple reflection\` or \`Complex reflection\`?`,
      `16:3 error Unexpected behaviour code \`Afirm\`, expected one of the twelve codes: ${codes}; did you mean \`Affirm\`?`,
    ]);
  });

  it('explains where the colon goes', () => {
    expect(problemsOf(lintText(scenario(`## a\n\n- **Affirm**: "x" -> good\n  - feedback: f\n\n${goodEnding}`)))).toEqual([
      '12:3 error Unexpected `**Affirm**:`, expected the code with its colon inside the bold: `**Affirm:**`',
    ]);
  });

  it('needs a target, quoted words and feedback', () => {
    expect(problemsOf(lintText(scenario(`## a\n\n- **Affirm:** "x"\n  - feedback: f\n- **Affirm:** x -> good\n  - feedback: f\n- **Affirm:** "y" -> good\n\n${goodEnding}`)))).toEqual([
      '12:1 error Unexpected choice without a target in node `a`, expected `**Code:** "what the coach says" -> target`',
      '14:1 error Unexpected `x` before `->`, expected what the coach says in double quotes, straight (") or curly (“ ”): `"x" -> good`',
      '16:1 error Unexpected choice without feedback in node `a`, expected a nested item `- feedback: …` saying what this choice does',
    ]);
  });

  it('points a condition written after the target to `if:`', () => {
    expect(problemsOf(lintText(scenario(`## a\n\n- **Affirm:** "x" -> good if rapport > 1\n  - feedback: f\n\n${goodEnding}`)))).toEqual([
      '12:22 error Unexpected `good if rapport > 1` after `->`, expected a node id (letters, digits and hyphens); a choice\'s condition goes in a nested `if:` item',
    ]);
  });

  it('names the closest node for an unknown target', () => {
    expect(problemsOf(lintText(scenario(`## a\n\n${choice('Affirm', 'godo')}\n${goodEnding}`)))).toEqual([
      '12:27 error Unexpected target `godo`, expected the id of a node in this file; did you mean `good`?',
    ]);
  });

  it('names the closest key under a choice', () => {
    expect(problemsOf(lintText(scenario(`## a\n\n${choice('Affirm', 'good', '  - sets: rapport +1\n')}\n${goodEnding}`)))).toEqual([
      '14:3 error Unexpected key `sets` under a choice, expected `feedback:`, `if:`, `set:`, `tags:` or `ignore:`; did you mean `set`?',
    ]);
  });

  it('reports a misspelt `feedback:` once, at the misspelling, not also as missing', () => {
    expect(problemsOf(lintText(scenario(`## a\n\n- **Affirm:** "x" -> good\n  - feeback: f\n\n${goodEnding}`)))).toEqual([
      '13:3 error Unexpected key `feeback` under a choice, expected `feedback:`, `if:`, `set:`, `tags:` or `ignore:`; did you mean `feedback`?',
    ]);
  });

  it('reports every broken effect, at its column', () => {
    expect(problemsOf(lintText(scenario(`## a\n\n${choice('Affirm', 'good', '  - set: rapport 1, rapport ++2\n')}\n${goodEnding}`)))).toEqual([
      '14:18 error Unexpected `1` after `rapport`, expected an effect such as `rapport +1`, `rapport -2` or `rapport = 0` (write `rapport +1` to add or `rapport = 1` to set)',
      '14:29 error Unexpected `+` after `rapport`, expected an effect such as `rapport +1`, `rapport -2` or `rapport = 0`',
    ]);
  });

  it('reports broken conditions, and `=` where `==` was meant', () => {
    const text = scenario(`## a\n\n${choice('Affirm', 'good', '  - if: (rapport > 1)\n')}${choice('Affirm', 'good', '  - if: rapport = 1\n')}\n${goodEnding}`);
    expect(problemsOf(lintText(text))).toEqual([
      '14:9 error Unexpected `(`: conditions have no brackets, expected comparisons joined by `and` or `or` (`and` binds tighter): write `rapport > 1`',
      '17:17 error Unexpected `=`, expected one of `>=`, `<=`, `>`, `<`, `==`, `!=` (use `==` to compare)',
    ]);
  });

  it('wants every variable declared under state', () => {
    const text = scenario(`## a\n\n${choice('Affirm', 'good', '  - if: trust > 1\n')}${choice('Affirm', 'good', '  - set: rapprot +1\n')}\n${goodEnding}`);
    expect(problemsOf(lintText(text))).toEqual([
      '14:9 error Unexpected variable `trust`, expected one declared under `state:` (`rapport`)',
      '17:10 error Unexpected variable `rapprot`, expected one declared under `state:` (`rapport`); did you mean `rapport`?',
    ]);
  });
});

describe('routes and endings', () => {
  it('needs a final unconditional route', () => {
    expect(problemsOf(lintText(scenario(`## a\n\n- -> good if rapport > 0\n- -> good if rapport <= 0\n\n${goodEnding}`)))).toEqual([
      '12:1 error Unexpected route node `a` without a final unconditional route, expected a last item such as `-> good`',
    ]);
    expect(problemsOf(lintText(scenario(`## a\n\n- -> good\n- -> good if rapport > 0\n\n${goodEnding}`)))).toEqual([
      '13:1 error Unexpected route after the unconditional route `-> good` in node `a`; it can never be taken, so move the unconditional route last',
    ]);
  });

  it('does not mix routes and choices', () => {
    expect(problemsOf(lintText(scenario(`## a\n\n- -> good if rapport > 0\n${choice('Affirm', 'good')}\n${goodEnding}`)))).toEqual([
      '12:1 error Unexpected mix of routes (`-> target if …`) and choices in node `a`, expected only choices or only routes',
    ]);
  });

  it('needs an outcome first in an ending, and a known one', () => {
    expect(problemsOf(lintText(scenario(`## a\n\nJust words.\n\n${goodEnding}`)))).toEqual([
      '12:1 error Unexpected node `a` with neither choices nor an outcome, expected a list of choices or routes, or `**Outcome:** positive`, `mixed` or `negative` as its first paragraph',
    ]);
    expect(problemsOf(lintText(scenario('## a\n\n**Outcome:** postive\n\nText.\n')))).toEqual([
      '12:1 error Unexpected outcome `postive` in ending `a`, expected `positive`, `mixed` or `negative`; did you mean `positive`?',
    ]);
  });
});

describe('route loops', () => {
  it('names a loop once, though two routes of a node lead round it', () => {
    const text = scenario(`## start\n\n${choice('Affirm', 'a')}${choice('Affirm', 'good')}\n## a\n\n- -> b if rapport > 5\n- -> b\n\n## b\n\n- -> a if rapport > 5\n- -> a\n\n${goodEnding}`);
    expect(problemsOf(lintText(text))).toEqual([
      '17:1 error Unexpected loop of route nodes `a` → `b` → `a`: routes change no variables, so a run that enters it never leaves; put a node with choices in the loop',
    ]);
  });

  it('rejects a loop made only of route nodes, which a run could never leave', () => {
    const text = scenario(`## start\n\n${choice('Affirm', 'a')}${choice('Affirm', 'good')}\n## a\n\n- -> good if rapport > 0\n- -> b\n\n## b\n\n- -> a\n\n${goodEnding}`);
    expect(problemsOf(lintText(text))).toEqual([
      '17:1 error Unexpected loop of route nodes `a` → `b` → `a`: routes change no variables, so a run that enters it never leaves; put a node with choices in the loop',
    ]);
  });
});

describe('what a trainer may write that version 1 reads kindly', () => {
  it('accepts mixed straight and curly quotes, headings in any script, and AND/OR in capitals', () => {
    const text = scenario(`## Café\n\n- **Affirm:** "You came.” -> good\n  - feedback: f\n  - if: rapport >= 0 AND rapport < 5\n\n${goodEnding}`);
    const result = lintText(text);
    expect(problemsOf(result)).toEqual([]);
    expect(result.scenario!.nodes[0]!.id).toBe('café');
  });

  it('reads skills and tags whatever their case and spacing', () => {
    const text = scenario(`## a\n\n${choice('Affirm', 'good', '  - tags: Person driven, team-talk\n')}\n${goodEnding}`, 'skills: [Open questions, Reflections]\n');
    const result = lintText(text);
    expect(problemsOf(result)).toEqual([]);
    expect(result.scenario!.meta.skills).toEqual(['open-questions', 'reflections']);
    const node = result.scenario!.nodes[0]!;
    expect(node.kind === 'choice' && node.choices[0]!.tags).toEqual(['person-driven', 'team-talk']);
  });

  it('takes text on the lines after the outcome, in the same paragraph, as the start of the debrief', () => {
    const result = lintText(scenario('## good\n\n**Outcome:** positive\nSam agrees to meet again.\n\nMore debrief.\n'));
    expect(problemsOf(result)).toEqual([]);
    const ending = result.scenario!.nodes[0]!;
    expect(ending.kind === 'ending' && [ending.outcome, ending.debrief]).toEqual(['positive', 'Sam agrees to meet again.\n\nMore debrief.']);
  });

  it('reads a list after an outcome as part of the debrief, unless it leads on with `->`', () => {
    const result = lintText(scenario('## good\n\n**Outcome:** positive\n\nNext time:\n\n- ask about her week;\n- reflect more.\n'));
    expect(problemsOf(result)).toEqual([]);
    const ending = result.scenario!.nodes[0]!;
    expect(ending.kind === 'ending' && ending.debrief).toBe('Next time:\n\n- ask about her week;\n- reflect more.');
    expect(problemsOf(lintText(scenario(`## a\n\n**Outcome:** positive\n\n${choice('Affirm', 'good')}\n${goodEnding}`)))).toEqual([
      '12:1 error Unexpected `**Outcome:**` in node `a`, which has choices or routes; an ending has none (a list in its debrief is fine as long as no item leads on with `->`)',
    ]);
  });
});

describe('what every scenario must pass, with no checks written', () => {
  it('finds nodes that cannot be reached, and says once, at the ending, when that leaves an outcome no run reaches', () => {
    expect(problemsOf(lintText(scenario(`${goodEnding}\n## lost\n\n**Outcome:** negative\n\nNo way here.\n\n## also-lost\n\n**Outcome:** negative\n\nNor here.\n`)))).toEqual([
      '16:1 error Unexpected node `lost` that cannot be reached from the start `good`, expected a choice or route leading to it (or remove it); no ending with `**Outcome:** negative` can be reached',
      '22:1 error Unexpected node `also-lost` that cannot be reached from the start `good`, expected a choice or route leading to it (or remove it)',
    ]);
  });

  it('finds states from which no ending can be reached', () => {
    const text = scenario(`## a\n\n${choice('Affirm', 'b')}${choice('Affirm', 'good')}\n## b\n\n${choice('Affirm', 'b', '  - set: rapport = 1\n')}\n${goodEnding}`);
    expect(problemsOf(lintText(text))).toEqual([
      '17:1 error Unexpected dead end: from node `b` (when rapport = 0) no ending can be reached, expected a way on to an ending',
    ]);
  });

  it('finds choice nodes that offer nothing in a reachable state', () => {
    const text = scenario(`## a\n\n${choice('Affirm', 'b')}${choice('Affirm', 'good')}\n## b\n\n${choice('Affirm', 'good', '  - if: rapport > 0\n')}\n${goodEnding}`);
    expect(problemsOf(lintText(text))).toEqual([
      '17:1 error Unexpected choice node `b` that offers no choices (when rapport = 0), expected at least one choice whose condition holds',
      '19:1 warning Unexpected transition that no run can take: choice 1 of node `b` is never offered, because its condition never holds when it is reached',
    ]);
  });

  it('says why a route is never taken: an earlier route always applies when the node is reached', () => {
    const text = scenario(`## a\n\n${choice('Affirm', 'gate')}\n## gate\n\n- -> good if rapport < 1\n- -> good\n\n${goodEnding}`);
    expect(problemsOf(lintText(text))).toEqual([
      "18:1 warning Unexpected transition that no run can take: route 2 of node `gate` is never taken, because whenever the node is reached an earlier route's condition holds, so that route is taken first; check the earlier routes' conditions",
    ]);
  });

  it('needs a reachable positive ending', () => {
    const text = scenario(`## a\n\n${choice('Affirm', 'bad')}${choice('Affirm', 'meh', '  - if: rapport > 3\n')}\n## bad\n\n**Outcome:** negative\n\nB.\n\n## meh\n\n**Outcome:** mixed\n\nM.\n`);
    expect(problemsOf(lintText(text))).toEqual([
      '14:1 warning Unexpected transition that no run can take: choice 2 of node `a` is never offered, because its condition never holds when it is reached',
      '18:1 error Unexpected scenario without a positive ending: its endings are all negative or mixed, expected at least one ending whose first paragraph is `**Outcome:** positive`',
      '24:1 error Unexpected node `meh` that cannot be reached from the start `a`, expected a choice or route leading to it (or remove it); no ending with `**Outcome:** mixed` can be reached',
    ]);
  });

  it('names the loop that makes the states endless, and the variable it grows, at the choice that grows it', () => {
    const text = scenario(`## a\n\n${choice('Affirm', 'b')}${choice('Affirm', 'good')}\n## b\n\n${choice('Complex reflection', 'a', '  - set: rapport +1\n')}\n${goodEnding}`);
    expect(problemsOf(lintText(text))).toEqual([
      '19:1 error Unexpected endless states: the loop `b` → `a` → `b` can go round again and again, and `rapport` grows each time (this choice\'s `set: rapport +1`), so there is no end of states to check; stop it with a condition, such as `- if: rapport < 5` under this choice',
    ]);
  });

  it('says a scenario with no loop but too many combinations of values is too large to check, not endless', () => {
    // Five nodes in a row, each setting its own variable to one of 8 values: 8^5 states, no loop.
    const nodes = [0, 1, 2, 3, 4].map((n) => `## n${n}\n\n${[0, 1, 2, 3, 4, 5, 6, 7].map((v) => choice('Affirm', n < 4 ? `n${n + 1}` : 'good', `  - set: v${n} = ${v}\n`)).join('')}`).join('\n');
    const front = `state:\n${[0, 1, 2, 3, 4].map((n) => `  v${n}: 0\n`).join('')}`;
    const text = scenario(`${nodes}\n${goodEnding}`).replace('state:\n  rapport: 0\n', front);
    expect(problemsOf(lintText(text))).toEqual([
      '1:1 error Unexpected scenario too large to check: exploration stopped after 20,000 states without finishing, so reachability could not be checked. Either a loop keeps changing a variable (such as `rapport +1` on a way back to an earlier node: stop it with a condition, such as `if: rapport < 5`), or the nodes, choices and variable values make too many combinations: use fewer variables or narrower ranges, fewer choices in a node, or split the scenario in two',
    ]);
  });

  it('stops after a set number of moves between states, so a finite but dense scenario is answered quickly', () => {
    const text = scenario(`## a\n\n${choice('Affirm', 'b')}${choice('Affirm', 'good')}\n## b\n\n${choice('Affirm', 'good')}\n${goodEnding}`);
    const { scenario: parsed, machine } = lintText(text);
    const file = new VFile({ path: 'dense.md', value: text });
    const exploration = exploreScenario(parsed!, machine!, file, 2);
    expect(exploration.capped).toBe(true);
    expect(file.messages.map((m) => m.reason)).toEqual([expect.stringMatching(/^Unexpected scenario too large to check: exploration stopped after 2 moves between 3 states without finishing/)]);
  });

  it('skips exploring a file with errors, and says so', () => {
    const result = lintText(scenario(`## a\n\n${choice('Affirm', 'nowhere')}`));
    expect(result.exploration).toBeUndefined();
    expect(result.file.messages.find((m) => m.ruleId === 'not-explored')?.reason).toBe(
      'Reachability, the teaching check and the `checks:` walks were not run, because this file has errors; fix them and run again',
    );
  });
});

describe('checks', () => {
  const body = `## a\n\n${choice('Affirm', 'b', '  - set: rapport +1\n')}${choice('Affirm', 'good')}${choice('Persuade', 'b')}\n## b\n\n- -> good if rapport > 0\n- -> bad\n\n${goodEnding}\n## bad\n\n**Outcome:** negative\n\nB.\n`;

  it('checks that check paths, endings and variables exist', () => {
    const text = scenario(body, 'checks:\n  - path: [a, c]\n    outcome: positive\n  - path: [a]\n    state: { trust: ">= x" }\n');
    expect(problemsOf(lintText(text))).toEqual([
      '9:15 error Unexpected node `c`, expected the id of a node in this file',
      '12:14 error Unexpected variable `trust`, expected one declared under `state:` (`rapport`)',
      '12:21 error Unexpected `>= x` for `trust`, expected a comparison such as `">= 3"` or `"== 0"`',
    ]);
  });

  it('wants something to confirm in each check', () => {
    expect(problemsOf(lintText(scenario(goodEnding, 'checks:\n  - path: [good]\n')))).toEqual([
      '9:5 error Unexpected check with nothing to confirm, expected at least one of `outcome`, `ending` or `state`',
    ]);
  });

  it('walks each path and reports every expectation that does not hold', () => {
    const checks = [
      '  - path: [a, b, good]\n    outcome: positive\n    state: { rapport: 1 }', // passes, naming the route node
      '  - path: [a, good]\n    ending: good', // passes; `a` has a direct choice to `good`
      '  - path: [a, b, good]\n    outcome: negative\n    state: { rapport: "== 0" }',
      '  - path: [a, good]\n    ending: bad',
      '  - path: [a]\n    outcome: positive',
      '  - path: [a, good, a]\n    outcome: positive',
      '  - path: [a, bad]\n    outcome: negative', // passes: the route node `b` is left out
      '  - path: [a, b, bad]\n    outcome: negative', // the first choice leading to `b` is taken, and it routes to `good`
      '  - path: [b]\n    outcome: negative',
    ];
    const result = lintText(scenario(body, `checks:\n${checks.join('\n')}\n`));
    expect(problemsOf(result)).toEqual([
      '14:5 error Check 3 fails: expected `rapport == 0` at the end, but rapport = 1',
      '14:5 error Check 3 fails: expected a negative outcome, but the ending `good` is positive',
      '17:5 error Check 4 fails: expected to end at `bad`, but the walk ends at `good`',
      '19:5 error Check 5 fails: expected a positive outcome, but the walk stops at `a`, which is not an ending',
      '21:21 error Check 6 fails: the walk reached the ending `good`, but the path goes on to `a`',
      '25:15 error Check 8 fails: the path expects `bad` next, but the walk is at `good`: route node `b` went on to `good`, as `rapport > 0` holds (rapport = 1)',
      '27:12 error Check 9 fails: it must start at `a`: the path expects `b` next, but the walk is at `a`',
    ]);
    expect(result.checks).toEqual({ total: 9, failed: 6 });
  });
});

describe('the mistakes trainers make most, in their words', () => {
  it('suggests codes by meaning as well as by spelling', () => {
    const text = scenario(`## a\n\n${choice('Reflective listening', 'good')}${choice('Giving advice', 'good')}${choice('Asking permission', 'good')}${choice('Double-sided reflection', 'good')}${choice('Affirmation', 'good')}\n${goodEnding}`);
    expect(problemsOf(lintText(text))).toEqual([
      `12:3 error Unexpected behaviour code \`Reflective listening\`, expected one of the twelve codes: ${codes}; did you mean \`Simple reflection\` or \`Complex reflection\`?`,
      `14:3 error Unexpected behaviour code \`Giving advice\`, expected one of the twelve codes: ${codes}; did you mean \`Persuade\` or \`Persuade with permission\`?`,
      `16:3 error Unexpected behaviour code \`Asking permission\`, expected one of the twelve codes: ${codes}; did you mean \`Seeking collaboration\` or \`Persuade with permission\`?`,
      `18:3 error Unexpected behaviour code \`Double-sided reflection\`, expected one of the twelve codes: ${codes}; did you mean \`Complex reflection\`?`,
      `20:3 error Unexpected behaviour code \`Affirmation\`, expected one of the twelve codes: ${codes}; did you mean \`Affirm\`?`,
    ]);
  });

  it('suggests skills and tags by meaning, listing them', () => {
    const text = scenario(`## a\n\n${choice('Affirm', 'good', '  - tags: trauma informed care\n')}\n${goodEnding}`, 'skills: [active listening]\n');
    expect(problemsOf(lintText(text))).toEqual([
      `8:10 error Unexpected skill \`active-listening\`, expected a skill from the project's vocabulary (${skillIds}); did you mean \`reflections\`?`,
      `15:11 error Unexpected tag \`trauma-informed-care\`, expected a tag from the project's vocabulary (${tagIds}); did you mean \`trauma-informed\`?`,
    ]);
  });

  it('says to indent a choice\'s items written at the left margin, once, and reads them as the choice\'s', () => {
    const atMargin = scenario(`## a\n\n- **Affirm:** "x" -> good\n- feedback: f\n- set: rapport +1\n- **Affirm:** "y" -> good\n  - feedback: g\n\n${goodEnding}`);
    expect(problemsOf(lintText(atMargin))).toEqual([
      '13:1 error Unexpected `- feedback:` and `- set:` at the left margin, expected them indented under their choice, with two spaces before the `-`: `  - feedback: …`',
    ]);
    const noDash = scenario(`## a\n\n- **Affirm:** "x" -> good\nfeedback: f\n\n${goodEnding}`);
    expect(problemsOf(lintText(noDash))).toEqual([
      '13:1 error Unexpected `feedback:` at the left margin, expected it indented under its choice, with two spaces before the `-`: `  - feedback: …`',
    ]);
    const afterBlank = scenario(`## a\n\n- **Affirm:** "x" -> good\n\n- if: rapport < 1\n\nfeedback: f\n\n${goodEnding}`);
    expect(problemsOf(lintText(afterBlank))).toEqual([
      '14:1 error Unexpected `- if:` and `feedback:` at the left margin, expected them indented under their choice, with two spaces before the `-`: `  - if: …`',
    ]);
  });

  it('says to quote a YAML value with a colon or a `#` in it', () => {
    expect(problemsOf(lintText(scenario(goodEnding).replace('summary: S.', 'summary: Sam says: hello')))).toEqual([
      '3:18 error Unexpected `:` inside the value of `summary`, expected the value in quotes when it has a colon: `summary: "Sam says: hello"`',
    ]);
    // At the colon that breaks the value (column 14), not where the value starts (column 10).
    expect(problemsOf(lintText(scenario(goodEnding).replace('summary: S.', 'summary: Note: Sam was referred.')))).toEqual([
      '3:14 error Unexpected `:` inside the value of `summary`, expected the value in quotes when it has a colon: `summary: "Note: Sam was referred."`',
    ]);
    expect(problemsOf(lintText(scenario(goodEnding).replace('title: T', 'title: #1 choice')))).toEqual([
      '2:8 error Unexpected `#` at the start of the value of `title`: YAML reads it as a comment, so the value is empty; put the value in quotes: `title: "#1 choice"`',
    ]);
    expect(problemsOf(lintText(scenario(goodEnding).replace('title: T', 'title: Step # two')))).toEqual([
      '2:12 warning Unexpected `# two` after `Step`: YAML reads text after ` #` as a comment and leaves it out; to keep it, put the whole value in quotes: `"Step # two"`',
    ]);
  });

  it('says which front-matter line is indented out of step, at that line, once', () => {
    const persona = (lines: string) => scenario(goodEnding).replace('persona:\n  name: Sam\n', `persona:\n${lines}`);
    // YAML reads a line indented one space too far as more of the value above, and says so there.
    expect(problemsOf(lintText(persona('  name: Sam\n   pronouns: they/them\n  age: 29\n')))).toEqual([
      '6:1 error Unexpected indentation of 3 spaces before `pronouns:`, which does not line up with the lines around it, expected 2 spaces, to line up with `name:` on line 5 (indent 2 spaces for each level)',
    ]);
    expect(problemsOf(lintText(persona('  name: Sam\n pronouns: they/them\n  age: 29\n')))).toEqual([
      '6:1 error Unexpected indentation of 1 space before `pronouns:`, which does not line up with the lines around it, expected 2 spaces, to line up with `name:` on line 5 (indent 2 spaces for each level)',
    ]);
    // The first key is the odd one out: it is the one to move, not every key after it.
    expect(problemsOf(lintText(persona('   name: Sam\n  pronouns: they/them\n  age: 29\n')))).toEqual([
      '5:1 error Unexpected indentation of 3 spaces before `name:`, which does not line up with the lines around it, expected 2 spaces, to line up with `pronouns:` on line 6 (indent 2 spaces for each level)',
    ]);
    expect(problemsOf(lintText(scenario(goodEnding, 'checks:\n  - path: [good]\n     outcome: positive\n   - path: [good]\n    ending: good\n')))).toEqual([
      '10:1 error Unexpected indentation of 5 spaces before `outcome:`, which does not line up with the lines around it, expected 4 spaces, to line up with `path:` on line 9 (indent 2 spaces for each level)',
      '11:1 error Unexpected indentation of 3 spaces before `- path:`, which does not line up with the lines around it, expected 2 spaces, to line up with `- path:` on line 9 (indent 2 spaces for each level)',
    ]);
  });

  it('says to indent the front matter with spaces, once, at the tab', () => {
    expect(problemsOf(lintText(scenario(goodEnding).replace('  name: Sam\n', '\tname: Sam\n  pronouns: they/them\n')))).toEqual([
      '5:1 error Unexpected tab in the indentation, expected spaces: YAML indentation must use spaces, not tabs; replace the tab with two spaces',
    ]);
    // Every tab is its own mistake; other mistakes are still reported, and nothing echoes.
    expect(problemsOf(lintText(scenario(goodEnding).replace('summary: S.', 'summary: Note: S.').replace('  name: Sam\n', '\t\tname: Sam\n').replace('  rapport: 0\n', '\trapport: 0\n')))).toEqual([
      '3:14 error Unexpected `:` inside the value of `summary`, expected the value in quotes when it has a colon: `summary: "Note: S."`',
      '5:1 error Unexpected tabs in the indentation, expected spaces: YAML indentation must use spaces, not tabs; replace each tab with two spaces',
      '7:1 error Unexpected tab in the indentation, expected spaces: YAML indentation must use spaces, not tabs; replace the tab with two spaces',
    ]);
  });

  it('says once where the closing `---` is missing, without a cascade', () => {
    expect(problemsOf(lintText(scenario(goodEnding).replace('---\n\n## good', '\n## good')))).toEqual([
      '8:1 error Missing `---` to close the front matter, expected a line with only `---` here, after the last `key: value` line',
    ]);
    expect(problemsOf(lintText(scenario(`An introduction.\n\n${goodEnding}`).replace('---\n\nAn', '\nAn')))).toEqual([
      '8:1 error Missing `---` to close the front matter, expected a line with only `---` here, after the last `key: value` line',
    ]);
  });

  it('says how to save a file with old Mac line endings', () => {
    expect(problemsOf(lintText(scenario(goodEnding).replace(/\n/g, '\r')))).toEqual([
      '1:1 error Unexpected old Mac line endings (a carriage return alone ends each line), expected the file saved as UTF-8 with ordinary line endings: in your editor choose Save As, then UTF-8 and LF (or Unix) line endings',
    ]);
  });

  it('reports a carriage return alone inside a line of an ordinary file at that line, and reads it as a space', () => {
    const result = lintText(scenario(`## a\n\n**Sam:** Hello\rthere.\n\n${choice('Affirm', 'good')}\n${goodEnding}`));
    expect(problemsOf(result)).toEqual([
      '12:15 error Unexpected carriage return (an invisible control character) inside this line, expected none: delete it (it is read as a space meanwhile)',
    ]);
    expect(result.tree!.nodes[0]!.lines[0]!.markdown).toBe('Hello there.');
  });

  it('suggests `>=` for `=>`', () => {
    expect(problemsOf(lintText(scenario(`## a\n\n${choice('Affirm', 'good', '  - if: rapport => 1\n')}${choice('Affirm', 'good')}\n${goodEnding}`)))).toEqual([
      '14:17 error Unexpected `=>`, expected `>=`',
    ]);
  });

  it('treats `__proto__` and other object keys as plain unknown keys', () => {
    const keys = '`title`, `summary`, `persona`, `skills`, `modules`, `level`, `minutes`, `coach_goal`, `content_notes`, `start`, `state`, `checks`';
    expect(problemsOf(lintText(scenario(goodEnding, '__proto__: x\nconstructor: y\n')))).toEqual([
      `8:1 error Unexpected key \`__proto__\`, expected one of ${keys}`,
      `9:1 error Unexpected key \`constructor\`, expected one of ${keys}`,
    ]);
  });

  it('says what is wrong after a route\'s target', () => {
    expect(problemsOf(lintText(scenario(`## a\n\n- -> good when rapport >= 1\n- -> good, ok\n\n${goodEnding}`)))).toEqual([
      '12:11 error Unexpected `when rapport >= 1` after `-> good`, expected the end of the route, or `if` and a condition such as `-> good if rapport >= 1` (write `if` for `when`: `-> good if rapport >= 1`)',
      '13:10 error Unexpected `, ok` after `-> good`, expected the end of the route, or `if` and a condition such as `-> good if rapport >= 1`',
    ]);
  });
});

describe('hostile files', () => {
  it('reports an alias without an anchor, and aliases that expand without end', () => {
    expect(problemsOf(lintText(scenario(goodEnding).replace('title: T', 'title: *Jordan*')))).toEqual([
      '2:8 error Unexpected alias `*Jordan*` without an anchor `&Jordan*` before it, expected a value; to write a value that starts with `*`, put it in quotes: `"*Jordan*…"`',
    ]);
    expect(problemsOf(lintText(scenario(goodEnding).replace('title: T', 'title: *Jordan* returns')))).toEqual([
      '2:8 error Unexpected `*` at the start of the value of `title`: YAML gives it a meaning of its own; put the value in quotes: `title: "*Jordan* returns"`',
    ]);
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefg'.split('').map((name, i) => `${name}: &${name} [${Array(10).fill(`*${'abcdefg'[i]}`).join(', ')}]`)];
    expect(problemsOf(lintText(scenario(goodEnding, `x:\n${bomb.map((line) => `  ${line}`).join('\n')}\n`)))).toEqual([
      '10:10 error Unexpected aliases that repeat values more than 10,000 times, expected each value written out',
    ]);
  });

  it('refuses lists nested thousands deep, once, in bounded time', () => {
    const deep = Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n');
    expect(problemsOf(lintText(scenario(`${goodEnding}\n${deep}\n`))).at(-1)).toBe(
      '48:1 error Unexpected lists or block quotes nested more than 32 levels deep, expected a few levels at most (a choice, then its `- feedback:` items); is this the right file?',
    );
  });

  it('reports text too long to parse at its line, not at the start of its node', () => {
    const long = `- **Affirm:** "${'words '.repeat(8000)}" -> good\n  - feedback: f\n`;
    const problems = problemsOf(lintText(scenario(`## a\n\n**Sam:** Hello.\n\n${choice('Affirm', 'good')}${long}\n${goodEnding}`)));
    expect(problems.filter((problem) => problem.includes('KB of text'))).toEqual([
      '16:1 error Unexpected 39 KB of text with no blank line or `## heading` to break it, expected nodes of a few KB at most (the limit is 32 KB); is this the right file?',
    ]);
  });

  it('refuses numbers too large to add up exactly, once each, quoting them as written', () => {
    const text = scenario(`## a\n\n${choice('Affirm', 'good', '  - set: rapport +99999999999999999999\n  - if: rapport < 9007199254740993\n')}\n${goodEnding}`).replace('rapport: 0', 'rapport: 9007199254740993');
    expect(problemsOf(lintText(text))).toEqual([
      '7:12 error Unexpected value `9007199254740993` for `state.rapport`, expected a whole number such as `1` (from -1,000,000,000 to 1,000,000,000)',
      '14:18 error Unexpected `+99999999999999999999`, expected a whole number from -1,000,000,000 to 1,000,000,000',
      '15:19 error Unexpected `9007199254740993`, expected a whole number from -1,000,000,000 to 1,000,000,000',
    ]);
  });

  it('takes names that are also object keys as plain names', () => {
    expect(problemsOf(lintText(scenario(`## a\n\n${choice('Affirm', 'good', '  - set: constructor +1\n')}\n${goodEnding}`)))).toEqual([
      '14:10 error Unexpected variable `constructor`, expected one declared under `state:` (`rapport`)',
    ]);
    const result = lintText(scenario(`## constructor\n\ntoString\n\n**constructor:** hi\n\n${choice('Affirm', 'good')}\n${goodEnding}`), 'constructor.md');
    expect(problemsOf(result)).toEqual([]);
    expect(result.scenario!.nodes[0]!.lines.map((line) => [line.speaker, line.markdown])).toEqual([[undefined, 'toString'], ['constructor', 'hi']]);
    expect(problemsOf(lintText(scenario(`## Proto {#\\_\\_proto\\_\\_}\n\n**Outcome:** positive\n\nDone.\n\n${goodEnding}`)))).toEqual([
      '10:1 error Unexpected node id `__proto__`, expected another id: this one is reserved (give the heading `{#proto}`)',
    ]);
  });

  it('says in one message that a file is not a scenario', () => {
    expect(problemsOf(lintText('root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/usr/sbin:/usr/sbin/nologin\n', 'passwd'))).toEqual([
      '1:1 error Unexpected file that is not a scenario: it has neither front matter (`---` on its first line) nor nodes (`## ` headings), expected a scenario file (`coach new my-scenario` starts one)',
    ]);
    expect(messagesOf(lintText('', 'empty.md'))).toEqual(['1:1 error Unexpected empty file, expected a scenario file (`coach new my-scenario` starts one)']);
  });
});
