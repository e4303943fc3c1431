/** The closing "Scenarios that practise this module" list on a module page. */
import { describe, expect, it } from 'vitest';
import { scenariosPractising } from '../../src/site/practise.ts';

const catalogue = [
  { id: 'a-call-from-joys-mother', modules: ['working-alongside-others'] },
  { id: 'first-conversation-with-jordan', modules: ['the-coachs-role', 'mi-oars'] },
  { id: 'setting-a-goal-with-marcus', modules: ['mi-oars'] },
  { id: 'sharing-your-story-with-ray', modules: [] },
];

describe('scenarios that practise a module', () => {
  it('lists the module’s own scenarios first, then every scenario naming the module, each once', () => {
    const ids = scenariosPractising('mi-oars', ['sharing-your-story-with-ray', 'setting-a-goal-with-marcus'], catalogue).map((s) => s.id);
    expect(ids).toEqual(['sharing-your-story-with-ray', 'setting-a-goal-with-marcus', 'first-conversation-with-jordan']);
  });

  it('is empty for a module nothing practises', () => {
    expect(scenariosPractising('peer-support', [], catalogue)).toEqual([]);
  });
});
