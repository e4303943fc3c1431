// The course modules as a reviewer reads them: complete front matter, knowledge checks that cannot
// be passed by picking the longest or the usual place, and every glossary term and scenario link
// pointing at something that exists. Read from the MDX files with remark, without building the site.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { moduleSchema } from '../../src/site/module-schema.ts';

const modulesFolder = 'content/modules';
const glossaryIds = new Set((parseYaml(readFileSync('content/glossary.yaml', 'utf8')) as Array<{ id: string }>).map((entry) => entry.id));

interface QuizOption {
  text: string;
  correct?: boolean;
}
interface QuizQuestion {
  id: string;
  question: string;
  options: QuizOption[];
}

interface CourseModule {
  id: string;
  data: ReturnType<typeof moduleSchema.parse>;
  questions: QuizQuestion[];
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
  const questions: QuizQuestion[] = [];
  const termIds: string[] = [];
  const scenarioLinks: string[] = [];
  let words = 0;
  visit(tree, (node) => {
    if (node.type === 'text') words += node.value.split(/\s+/).filter(Boolean).length;
    if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
    const element = node as MdxJsxFlowElement | MdxJsxTextElement;
    const attribute = (key: string) => element.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === key)?.value;
    if (element.name === 'Term') termIds.push(String(attribute('id')));
    if (element.name === 'ScenarioLink') scenarioLinks.push(String(attribute('id')));
    if (element.name === 'Reflection') words += String(attribute('prompt') ?? '').split(/\s+/).filter(Boolean).length;
    if (element.name === 'KnowledgeCheck') {
      const value = attribute('questions');
      const expression = typeof value === 'object' && value ? value.value : '[]';
      // The module's own literal, evaluated as the page's compiler would.
      questions.push(...(new Function(`return (${expression});`)() as QuizQuestion[]));
    }
  });
  return { id: name.replace(/\.mdx$/, ''), data, questions, termIds, scenarioLinks, words };
}

const modules = readdirSync(modulesFolder)
  .filter((name) => name.endsWith('.mdx'))
  .sort()
  .map(readModule);
const questions = modules.flatMap((module) => module.questions);

describe('the course modules', () => {
  it('are at least thirteen, in a single order', () => {
    expect(modules.length).toBeGreaterThanOrEqual(13);
    const orders = modules.map((module) => module.data.order);
    expect(new Set(orders).size).toBe(orders.length);
  });

  describe.each(modules.map((module) => [module.id, module] as const))('%s', (_, module) => {
    it('has at least three objectives, three sources and five questions', () => {
      expect(module.data.objectives.length).toBeGreaterThanOrEqual(3);
      expect(module.data.sources.length).toBeGreaterThanOrEqual(3);
      expect(module.questions.length).toBeGreaterThanOrEqual(5);
    });

    it('is written in full: 1,300 to 2,000 words of teaching', () => {
      expect(module.words).toBeGreaterThanOrEqual(1300);
      expect(module.words).toBeLessThanOrEqual(2000);
    });

    it('gives every question exactly one right answer among three or four options', () => {
      for (const question of module.questions) {
        expect(question.options.filter((option) => option.correct).length, question.id).toBe(1);
        expect(question.options.length, question.id).toBeGreaterThanOrEqual(3);
        expect(question.options.length, question.id).toBeLessThanOrEqual(4);
      }
    });

    it('uses only glossary terms and scenarios that exist', () => {
      for (const id of module.termIds) expect(glossaryIds.has(id), `<Term id="${id}">`).toBe(true);
      for (const id of [...module.scenarioLinks, ...module.data.scenarios]) expect(existsSync(`scenarios/${id}.md`), `scenario ${id}`).toBe(true);
    });
  });

  // A trainee who always picks the longest option, or always the same place, must not pass.
  it('do not give the right answer away by its length', () => {
    const longestIsRight = questions.filter((question) => {
      const lengths = question.options.map((option) => option.text.length);
      const right = question.options.findIndex((option) => option.correct);
      return lengths[right] === Math.max(...lengths);
    });
    expect(longestIsRight.length / questions.length).toBeLessThanOrEqual(0.45);
  });

  it('do not give the right answer away by its position', () => {
    const byPosition = new Map<number, number>();
    for (const question of questions) {
      const right = question.options.findIndex((option) => option.correct);
      byPosition.set(right, (byPosition.get(right) ?? 0) + 1);
    }
    for (const [position, count] of byPosition) expect(count / questions.length, `position ${position + 1}`).toBeLessThanOrEqual(0.45);
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
