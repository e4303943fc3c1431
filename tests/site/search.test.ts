/** Search as a reader uses it: words found by their beginnings, and snippets that read as clean text. */
import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, mdxToText } from '../../src/site/search-documents.ts';
import { firstMatchIn, searchIndex } from '../../src/site/search-query.ts';
import { snippetAround } from '../../src/site/snippet.ts';

const module = `import Something from './x.astro';

## Reflections

A **reflection** is a statement, not a question.<Term id="chime" /> matters.

| Skill | What it does |
| --- | --- |
| Open question | Invites a longer answer |
| Affirmation | Names a strength |

- First item
- Second item

<KnowledgeCheck id="x" questions={[{ id: "q", question: "Hidden?", options: [] }]} />
`;

describe('the text search reads from a module', () => {
  const text = mdxToText(module, (id) => (id === 'chime' ? 'CHIME' : ''));

  it('has no table pipes or props, and keeps words of adjoining blocks and cells apart', () => {
    expect(text).not.toMatch(/[|{}]/);
    expect(text).not.toContain('Hidden?');
    expect(text.replace(/\s+/g, ' ')).toBe(
      'Reflections A reflection is a statement, not a question.CHIME matters. Skill What it does Open question Invites a longer answer Affirmation Names a strength First item Second item',
    );
  });
});

describe('searching', () => {
  const file = buildSearchIndex([
    { url: '/modules/mi-oars', title: 'Motivational interviewing: OARS', kind: 'Module', text: mdxToText(module) },
    { url: '/glossary#recovery', title: 'Recovery', kind: 'Glossary', text: 'A process of change through which people improve their health.' },
  ]);
  const index = lunr.Index.load(file.index);
  const search = (query: string) => searchIndex(lunr, index, query).map((result) => result.ref);

  it('finds words by their beginnings', () => {
    expect(search('refl')).toEqual(['/modules/mi-oars']);
    expect(search('affirm')).toEqual(['/modules/mi-oars']);
    expect(search('recov')).toEqual(['/glossary#recovery']);
  });

  it('finds whole words however they are inflected', () => {
    expect(search('reflections')).toEqual(['/modules/mi-oars']);
  });

  it('finds where the first matched word stands, for the snippet, without positions in the index', () => {
    const text = mdxToText(module);
    const at = (query: string) => {
      const [result] = searchIndex(lunr, index, query);
      const position = firstMatchIn(lunr, result!, text);
      return position && text.slice(position[0], position[0] + position[1]);
    };
    expect(at('refl')).toBe('Reflections');
    expect(at('strengths')).toBe('strength');
    expect(JSON.stringify(file.index)).not.toContain('"position"');
  });

  it('reads lunr syntax and common words as nothing special', () => {
    expect(search('title:refl')).toEqual(['/modules/mi-oars']);
    expect(search('the')).toEqual([]);
  });
});

describe('snippets', () => {
  const text = 'Reflections are the heart of motivational interviewing. A reflection is a statement, not a question: you offer back what you heard, so the person knows you are listening.';

  it('start and end at word boundaries, with the match apart', () => {
    const start = text.indexOf('statement');
    const { before, match, after } = snippetAround(text, [start, 'statement'.length], 30);
    expect(match).toBe('statement');
    expect(before).toBe('…A reflection is a ');
    expect(after).toBe(', not a question: you offer…');
  });

  it('without a match, show the beginning up to a whole word', () => {
    expect(snippetAround(text, undefined, 20).before).toBe('Reflections are the heart of…');
  });
});
