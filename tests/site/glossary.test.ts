import { describe, expect, it } from 'vitest';
import { matchCount, matches } from '../../src/site/glossary-filter.ts';
import { glossaryUses, says } from '../../src/site/glossary-uses.ts';
import { termsIn } from '../../src/site/mdx-tree.ts';

describe('where a glossary term is used', () => {
  it('finds the terms a module marks with <Term id>, inline or on their own', () => {
    expect([...termsIn('Five processes: <Term id="chime">CHIME</Term>.\n\n<Term id="oars" />\n\nNo term in `<Term id="code" />`.')]).toEqual(['chime', 'oars']);
  });

  it('finds a term in a scenario\'s words as whole words, in any case (acronyms in capitals), singular or plural', () => {
    expect(says('That was a simple reflection of what Jordan said.', 'Simple reflection')).toBe(true);
    expect(says('Two open questions in a row.', 'Open question')).toBe(true);
    expect(says('Shared decision making, together.', 'Shared decision-making')).toBe(true);
    expect(says('Motivational interviewing asks first.', 'Motivational interviewing (MI)')).toBe(true);
    expect(says('Unrecovered', 'Recovery')).toBe(false);
    expect(says('His weekly WRAP check-in.', 'WRAP')).toBe(true);
    expect(says('When the urge to wrap up arrives.', 'WRAP')).toBe(false);
    expect(says('The reframe', 'Reframing')).toBe(false);
  });

  it('lists the modules that mark a term, then the scenarios that say it', () => {
    const uses = glossaryUses(
      [{ id: 'discord', term: 'Discord' }, { id: 'warm-line', term: 'Warm line' }],
      [{ url: '/modules/mi-oars', title: 'OARS', terms: new Set(['discord']) }],
      [{ url: '/scenarios/jordan', title: 'Jordan', text: 'Rolling with discord.' }],
    );
    expect(uses.get('discord')).toEqual({ modules: [{ url: '/modules/mi-oars', title: 'OARS' }], scenarios: [{ url: '/scenarios/jordan', title: 'Jordan' }] });
    expect(uses.get('warm-line')).toEqual({ modules: [], scenarios: [] });
  });
});

describe('the glossary filter', () => {
  it('matches every word typed, in any case, in any order', () => {
    expect(matches('Complex reflection: adds meaning', 'REFLECTION complex')).toBe(true);
    expect(matches('Complex reflection: adds meaning', 'simple')).toBe(false);
  });

  it('says how many terms match, in words that read well for none, one and many', () => {
    expect(matchCount(54, 54, '')).toBe('54 terms.');
    expect(matchCount(1, 54, 'oars')).toBe('1 of 54 terms matches “oars”.');
    expect(matchCount(3, 54, 'talk')).toBe('3 of 54 terms match “talk”.');
    expect(matchCount(0, 54, 'xyz')).toBe('No terms match “xyz”. Try fewer letters, or clear the box to see them all.');
  });
});
