/** A course's own skills and tags, in `scenarios/vocabulary.yaml`: checked at their lines, and used by the checks. */
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { lintScenario } from '../../src/engine/lint.ts';
import { labelOf, skills } from '../../src/engine/vocabulary.ts';
import { readVocabularyFile } from '../../src/engine/vocabulary-file.ts';
import { fixtureModules, goodEnding, problemsOf, scenario } from '../helpers.ts';

const read = (text: string) => {
  const file = new VFile({ path: 'vocabulary.yaml', value: text });
  const vocabulary = readVocabularyFile(file);
  return { vocabulary, messages: file.messages.map((m) => `${m.line}:${m.column} ${m.fatal ? 'error' : 'warning'} ${m.reason}`) };
};

describe('the vocabulary file', () => {
  it('adds its skills and tags, each an id and a label, after the built-in ones', () => {
    const { vocabulary, messages } = read('# Our own\nskills:\n  peer-led-groups: Running peer-led groups\ntags:\n  employment: Work and employment\n');
    expect(messages).toEqual([]);
    expect(vocabulary.skills.at(-1)).toEqual({ id: 'peer-led-groups', label: 'Running peer-led groups' });
    expect(vocabulary.tags.at(-1)).toEqual({ id: 'employment', label: 'Work and employment' });
    expect(vocabulary.skills.length).toBe(skills.length + 1);
  });

  it('reports each of its own mistakes at its line and column, and keeps what is right', () => {
    const { vocabulary, messages } = read('skills:\n  peer-led-groups: Running peer-led groups\n  Work Skills: Work skills\n  safety: Safety again\n  empty-one:\ntag:\n  x: y\ntags:\n  - employment\n');
    expect(messages).toEqual([
      '3:3 error Unexpected skill id `Work Skills`, expected lower-case letters, digits and hyphens, such as `work-skills` (the label after the colon is what trainees see)',
      '4:3 error Unexpected skill `safety`, which is built in already (shown as “Responding to risk and safety”), expected a new one: remove this line',
      '5:3 error Unexpected empty label for `empty-one`, expected the words trainees see, after the colon: `empty-one: Empty one`',
      '6:1 error Unexpected key `tag`, expected `skills` or `tags`; did you mean `tags`?',
      '9:3 error Unexpected list under `tags`, expected one `id: Label` line for each tag, indented under `tags:`, such as `  peer-led-groups: Running peer-led groups`',
    ]);
    expect(vocabulary.skills.map((term) => term.id)).toContain('peer-led-groups');
  });

  it('reports broken YAML and a second line for one id at their places', () => {
    expect(read('skills:\n  a-skill: A\n  a-skill: B\n').messages).toEqual(['3:3 error Unexpected second line for the same id, expected each id once: remove one of them']);
    expect(read('skills: [unclosed\n').messages).toEqual([expect.stringMatching(/^2:1 error Unexpected YAML in the vocabulary file: /)]);
  });

  it('is empty when it holds only comments', () => {
    expect(read('# Nothing added yet\n')).toEqual({ vocabulary: { skills, tags: read('').vocabulary.tags }, messages: [] });
  });
});

describe('checking scenarios against the course\'s vocabulary', () => {
  const text = scenario(`## a\n\n- **Affirm:** "x" -> good\n  - feedback: f\n  - tags: employment\n\n${goodEnding}`, 'skills: [peer-led-groups, vocational-recovery, self-care]\n');

  it('accepts the terms the file adds, and the built-in vocational recovery and self-care skills', () => {
    const { vocabulary } = read('skills:\n  peer-led-groups: Running peer-led groups\ntags:\n  employment: Work and employment\n');
    const result = lintScenario(new VFile({ path: 'fixture.md', value: text }), { modules: fixtureModules, skills: vocabulary.skills, tags: vocabulary.tags });
    expect(problemsOf(result)).toEqual([]);
    expect(labelOf(vocabulary.skills, 'vocational-recovery')).toBe('Vocational recovery: work, study and volunteering');
    expect(labelOf(vocabulary.skills, 'self-care')).toBe('Supporting self-care and wellness');
  });

  it('refuses them without the file, and suggests the new built-in skills by meaning', () => {
    const result = lintScenario(new VFile({ path: 'fixture.md', value: text.replace('peer-led-groups, vocational-recovery, self-care', 'supported employment, wellbeing') }), { modules: fixtureModules });
    expect(problemsOf(result).map((message) => message.replace(/ \(`[^)]*\)/, ' (…)'))).toEqual([
      '8:10 error Unexpected skill `supported-employment`, expected a skill from the project\'s vocabulary (…); did you mean `vocational-recovery`?',
      '8:32 error Unexpected skill `wellbeing`, expected a skill from the project\'s vocabulary (…); did you mean `self-care`?',
      '15:11 error Unexpected tag `employment`, expected a tag from the project\'s vocabulary (…); did you mean `purpose`?',
    ]);
  });
});
