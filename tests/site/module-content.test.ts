// The course modules as a reviewer reads them: complete front matter, every glossary term and
// scenario link pointing at something that exists, and knowledge checks (content/checks/) that
// cannot be passed without reading: no give-away wording, and across the item bank no key position,
// length or simple guesser that beats chance by much. Read from the files, without building the site.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import GithubSlugger from 'github-slugger';
import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { checkBankSchema, type CheckBank, type CheckQuestion } from '../../src/site/check-schema.ts';
import { moduleSchema } from '../../src/site/module-schema.ts';

const modulesFolder = 'content/modules';
const checksFolder = 'content/checks';
const glossaryIds = new Set((parseYaml(readFileSync('content/glossary.yaml', 'utf8')) as Array<{ id: string }>).map((entry) => entry.id));

interface CourseModule {
  id: string;
  data: ReturnType<typeof moduleSchema.parse>;
  /** The slugs of its `##` and `###` headings, as the page gives them ids. */
  sections: Set<string>;
  components: string[];
  termIds: string[];
  scenarioLinks: string[];
  words: number;
}

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkMdx);

function readModule(name: string): CourseModule {
  const source = readFileSync(join(modulesFolder, name), 'utf8');
  const tree = parser.parse(source) as Root;
  const yaml = tree.children.find((node) => node.type === 'yaml');
  const data = moduleSchema.parse(parseYaml(yaml?.type === 'yaml' ? yaml.value : ''));
  const slugger = new GithubSlugger();
  const sections = new Set<string>();
  const components: string[] = [];
  const termIds: string[] = [];
  const scenarioLinks: string[] = [];
  let words = 0;
  visit(tree, (node) => {
    if (node.type === 'heading') {
      const slug = slugger.slug(toString(node as Heading));
      if ((node as Heading).depth <= 3) sections.add(slug);
    }
    if (node.type === 'text') words += node.value.split(/\s+/).filter(Boolean).length;
    if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
    const element = node as MdxJsxFlowElement | MdxJsxTextElement;
    const attribute = (key: string) => element.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === key)?.value;
    components.push(String(element.name));
    if (element.name === 'Term') termIds.push(String(attribute('id')));
    if (element.name === 'ScenarioLink') scenarioLinks.push(String(attribute('id')));
    if (element.name === 'Reflection') words += String(attribute('prompt') ?? '').split(/\s+/).filter(Boolean).length;
  });
  return { id: name.replace(/\.mdx$/, ''), data, sections, components, termIds, scenarioLinks, words };
}

const modules = readdirSync(modulesFolder)
  .filter((name) => name.endsWith('.mdx'))
  .sort()
  .map(readModule);

/** Each module's item bank, by module id (undefined where there is none). */
const banks = new Map(modules.map((module) => [module.id, readBank(module.id)]));
function readBank(id: string): CheckBank | undefined {
  const path = join(checksFolder, `${id}.yaml`);
  return existsSync(path) ? checkBankSchema.parse(parseYaml(readFileSync(path, 'utf8'))) : undefined;
}
const items = [...banks.entries()].flatMap(([module, bank]) => (bank?.questions ?? []).map((question) => ({ module, ...question })));

describe('the course modules', () => {
  it('are at least thirteen, in a single order', () => {
    expect(modules.length).toBeGreaterThanOrEqual(13);
    const orders = modules.map((module) => module.data.order);
    expect(new Set(orders).size).toBe(orders.length);
  });

  describe.each(modules.map((module) => [module.id, module] as const))('%s', (_, module) => {
    it('has at least three objectives and three sources', () => {
      expect(module.data.objectives.length).toBeGreaterThanOrEqual(3);
      expect(module.data.sources.length).toBeGreaterThanOrEqual(3);
    });

    it('is written in full: 1,300 to 2,000 words of teaching', () => {
      expect(module.words).toBeGreaterThanOrEqual(1300);
      expect(module.words).toBeLessThanOrEqual(2000);
    });

    it('uses only glossary terms and scenarios that exist', () => {
      for (const id of module.termIds) expect(glossaryIds.has(id), `<Term id="${id}">`).toBe(true);
      for (const id of [...module.scenarioLinks, ...module.data.scenarios]) expect(existsSync(`scenarios/${id}.md`), `scenario ${id}`).toBe(true);
    });

    it('has a knowledge check of at least eight questions, of which an attempt draws six, each pointing to one of its sections', () => {
      const bank = banks.get(module.id);
      expect(bank, `content/checks/${module.id}.yaml`).toBeDefined();
      expect(bank!.questions.length).toBeGreaterThanOrEqual(8);
      expect(bank!.draw).toBe(6);
      for (const question of bank!.questions) expect(module.sections, `${question.id}: section ${question.section}`).toContain(question.section);
      // The page places the check from the bank; an MDX one would be a second, unscored copy.
      expect(module.components).not.toContain('KnowledgeCheck');
    });
  });
});

/** The key's position among the options, from 0. */
const keyOf = (question: CheckQuestion) => question.options.findIndex((option) => option.correct);
/** The key's rank by length among the options, from 0 (shortest); ties go to the earlier option. */
const lengthRankOf = (question: CheckQuestion) =>
  question.options
    .map((_, i) => i)
    .sort((a, b) => question.options[a]!.text.length - question.options[b]!.text.length || a - b)
    .indexOf(keyOf(question));
const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
const withOptions = (n: number) => items.filter((question) => question.options.length === n);

// Words a test-wise reader learns to avoid, and the words of a reflective reply.
const absolute = /\b(always|never|must|mustn't|every|everything|everyone|everybody|nothing|nobody|no one|definitely|certainly|completely|totally|absolutely|guaranteed?|whatever|at all)\b/i;
const reflective = /\b(reflects?|reflecting|ask|asks|asking|what|how)\b/i;

describe('the knowledge checks, item by item', () => {
  it.each(items.map((item) => [`${item.module}/${item.id}`, item] as const))('%s gives nothing away in its wording', (_, question) => {
    const key = keyOf(question);
    const distractors = question.options.filter((_, i) => i !== key);
    expect(question.options.filter((option) => option.text.includes('!')), 'an exclamation mark').toEqual([]);
    if (!absolute.test(question.options[key]!.text)) expect(distractors.filter((option) => absolute.test(option.text)).map((option) => option.text), 'absolute words only in wrong answers').toEqual([]);
    const reflectiveOnes = question.options.filter((option) => reflective.test(option.text));
    expect(reflectiveOnes.length === 1 && reflectiveOnes[0] === question.options[key], 'the right answer as the only reflective or asking option').toBe(false);
  });
});

describe('the knowledge checks, across the item bank', () => {
  const chance = items.reduce((sum, question) => sum + 1 / question.options.length, 0) / items.length;

  it('have enough three- and four-option items for the rules below to mean something', () => {
    expect(withOptions(3).length).toBeGreaterThanOrEqual(40);
    expect(withOptions(4).length).toBeGreaterThanOrEqual(20);
  });

  it('do not favour a key position: none over 35% of four-option items or 45% of three-option items', () => {
    for (const [n, most] of [[4, 0.35], [3, 0.45]] as const) {
      for (let position = 0; position < n; position++) {
        const keyed = withOptions(n).filter((question) => keyOf(question) === position).length;
        expect(share(keyed, withOptions(n).length), `${n}-option items keyed at ${'ABCD'[position]}`).toBeLessThanOrEqual(most);
      }
    }
  });

  it('do not give the answer away by its length: longest in at most 30%, middle-length in at most 45% of three-option items', () => {
    const longest = items.filter((question) => lengthRankOf(question) === question.options.length - 1).length;
    expect(share(longest, items.length)).toBeLessThanOrEqual(0.3);
    expect(share(withOptions(3).filter((question) => lengthRankOf(question) === 1).length, withOptions(3).length)).toBeLessThanOrEqual(0.45);
  });

  // The strongest simple guesser there is for this bank: for each number of options, always the
  // same length rank or always the same position, whichever scores best here (so it includes
  // "middle length, or D when there are four"). Fitted to the bank itself, it is an upper bound.
  it('let no simple length-and-position guesser score more than 10 points above chance', () => {
    let right = 0;
    for (const n of [3, 4]) {
      const group = withOptions(n);
      const best = (rule: (question: CheckQuestion) => number) => Math.max(...Array.from({ length: n }, (_, pick) => group.filter((question) => rule(question) === pick).length));
      right += Math.max(best(lengthRankOf), best(keyOf));
    }
    expect(share(right, items.length) - chance).toBeLessThanOrEqual(0.1);
  });
});

describe('the course map (docs/course-map.md)', () => {
  const map = readFileSync('docs/course-map.md', 'utf8');
  const scenarioIds = readdirSync('scenarios').filter((name) => name.endsWith('.md')).map((name) => name.replace(/\.md$/, ''));
  const rows = map.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Topic') && !line.startsWith('| ---'));

  it('names a module section and a scenario for every topic, and only ones that exist', () => {
    for (const row of rows) {
      const [, taughtIn = '', practisedIn = ''] = row.split(' | ');
      const modulesNamed = modules.filter((module) => taughtIn.includes(module.id));
      expect(modulesNamed.length, row).toBeGreaterThan(0);
      for (const id of practisedIn.match(/[a-z0-9]+(?:-[a-z0-9]+)+/g) ?? []) expect(scenarioIds, row).toContain(id);
    }
  });

  it('places every module and every scenario somewhere', () => {
    for (const module of modules) expect(map, module.id).toContain(module.id);
    for (const id of scenarioIds) expect(map, id).toContain(id);
  });
});
