/**
 * Stage 1, parse: a scenario file (Markdown with YAML front matter) to the scenario tree, with
 * unified/remark. Every problem of form is recorded on the file with its place; the tree keeps
 * whatever could be read, so later stages can still report their own problems in the same run.
 */
import type { Heading, List, ListItem, Nodes, Paragraph, RootContent, Yaml } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import { location } from 'vfile-location';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { slug } from 'github-slugger';
import type { z } from 'zod';
import { behaviourCodes, findBehaviourCode } from './behaviour-codes.ts';
import { parseCondition, parseEffects, type Condition, type Effect, type Parsed } from './condition.ts';
import { messageSource, report } from './diagnostics.ts';
import { parseMarkdown } from './markdown.ts';
import { checkSchema, frontMatterSchema, idPattern, nodeIdPattern, outcomes, toTermId, type FrontMatter, type Outcome } from './front-matter-schema.ts';
import { closest, didYouMean } from './suggest.ts';
import type { Choice, Ignore, Line, Point, Route, Scenario, ScenarioNode, Span } from './types.ts';

/** A key path into the front matter, as Zod reports it: `['checks', 0, 'path', 2]`. */
export type FrontMatterPath = ReadonlyArray<PropertyKey>;

export interface ParsedScenario {
  /** The tree, with whatever could be read; complete only when no error was recorded. */
  readonly scenario: Scenario;
  /** The place of a front-matter key or value, for messages about it. */
  readonly placeOf: (path: FrontMatterPath, part?: 'key' | 'value') => Span | undefined;
  /** Top-level front-matter keys whose values were invalid (their defaults are used instead). */
  readonly invalidKeys: ReadonlySet<string>;
  /** Every node id the file declares, including nodes too broken to keep in the tree. */
  readonly nodeIds: ReadonlySet<string>;
  /** Choice and route targets with their places, for the reference checks. */
  readonly targets: ReadonlyArray<{ readonly target: string; readonly place: Span }>;
  /** Places of the variables named in conditions and effects. */
  readonly variableUses: ReadonlyArray<{ readonly variable: string; readonly place: Span }>;
  /** Places of choice tags. */
  readonly tagUses: ReadonlyArray<{ readonly tag: string; readonly place: Span }>;
}

const choiceKeys = ['feedback', 'if', 'set', 'tags', 'ignore'] as const;
type ChoiceKey = (typeof choiceKeys)[number];

const arrow = /->|→/;
/** Straight or curly quotes, in any pairing: trainers' editors mix them. */
const quoteMarks = new Set(['"', '“', '”']);

/** Parses one scenario file, recording problems of form on it. */
export function parseScenario(file: VFile): ParsedScenario {
  const source = String(file.value);
  const where = location(file);
  const span = (start: number, end: number): Span => ({
    start: where.toPoint(start) ?? { line: 1, column: 1 },
    end: where.toPoint(end) ?? where.toPoint(source.length) ?? { line: 1, column: 1 },
  });
  const spanOf = (node: { position?: { start: { offset?: number }; end: { offset?: number } } }): Span =>
    span(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
  const startOf = (node: Nodes): number => node.position?.start.offset ?? 0;
  const endOf = (node: Nodes): number => node.position?.end.offset ?? 0;

  const targets: Array<{ target: string; place: Span }> = [];
  const variableUses: Array<{ variable: string; place: Span }> = [];
  const tagUses: Array<{ tag: string; place: Span }> = [];

  const id = file.stem ?? 'scenario';
  checkFileName(file);

  const tree = parseMarkdown(source);
  const yamlNode = tree.children[0]?.type === 'yaml' ? (tree.children[0] as Yaml) : undefined;
  const front = readFrontMatter(file, yamlNode);

  const body = tree.children.filter((child) => child.type !== 'yaml');
  const firstHeading = body.findIndex((child) => child.type === 'heading' && child.depth === 2);
  const introEnd = firstHeading === -1 ? source.length : startOf(body[firstHeading]!);
  const introStart = yamlNode ? endOf(yamlNode) : 0;
  const introduction = source.slice(introStart, introEnd).trim();

  const nodes: ScenarioNode[] = [];
  const nodeIds = new Set<string>();
  const firstPlaceOfId = new Map<string, Span>();
  if (firstHeading === -1) {
    report(file, 'Unexpected file without nodes, expected at least one `## heading` starting a node', span(introStart, introStart), 'no-nodes');
  } else {
    for (let i = firstHeading; i < body.length; ) {
      const heading = body[i] as Heading;
      let next = i + 1;
      while (next < body.length && !(body[next]!.type === 'heading' && (body[next] as Heading).depth === 2)) next++;
      const node = readNode(heading, body.slice(i + 1, next));
      if (node) {
        const first = firstPlaceOfId.get(node.id);
        if (first) {
          const earlier = new VFileMessage(`First defined here`, { place: first, ruleId: 'duplicate-node', source: messageSource });
          report(file, `Unexpected second node with id \`${node.id}\`, expected every node id to be unique (rename one heading, or give it \`{#another-id}\`)`, node.place, 'duplicate-node', { cause: earlier });
        } else {
          firstPlaceOfId.set(node.id, node.place);
          nodes.push(node);
        }
      }
      i = next;
    }
  }

  const meta = front.meta;
  const scenario: Scenario = { id, meta, introduction, nodes, start: meta.start ?? nodes[0]?.id ?? '' };
  return { scenario, placeOf: front.placeOf, invalidKeys: front.invalidKeys, nodeIds, targets, variableUses, tagUses };

  function readNode(heading: Heading, content: RootContent[]): ScenarioNode | undefined {
    const place = spanOf(heading);
    const text = toString(heading).trim();
    const explicit = /\{#([^}]*)\}\s*$/.exec(text);
    const headingText = explicit ? text.slice(0, explicit.index).trim() : text;
    const nodeId = explicit ? explicit[1]!.trim() : slug(headingText);
    if (!nodeId || !nodeIdPattern.test(nodeId)) {
      const reason = explicit
        ? `Unexpected node id \`${nodeId}\` in \`{#…}\`, expected letters, digits and hyphens`
        : `Unexpected heading \`${text}\` with no letters or digits for a node id, expected a heading such as \`## opening\``;
      report(file, reason, place, 'node-id');
      return undefined;
    }
    nodeIds.add(nodeId);
    // Comments are for trainers; everything else must be a line or the list.
    const blocks = content.filter((block) => !(block.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(block.value)));
    const listIndex = blocks.findIndex((block) => block.type === 'list');
    if (listIndex === -1) return readEnding(nodeId, headingText, place, blocks);

    const list = blocks[listIndex] as List;
    for (const extra of blocks.slice(listIndex + 1)) {
      report(file, `Unexpected ${describeBlock(extra)} after the list of node \`${nodeId}\`, expected the list to come last (start a new node with \`## heading\`)`, spanOf(extra), 'node-content');
    }
    const lines = readLines(nodeId, blocks.slice(0, listIndex));
    const routeItems = list.children.filter((item) => arrow.test(firstText(item).trimStart().slice(0, 2)));
    if (routeItems.length === list.children.length) {
      return { kind: 'route', id: nodeId, heading: headingText, place, lines, routes: readRoutes(nodeId, list) };
    }
    if (routeItems.length > 0) {
      report(file, `Unexpected mix of routes (\`-> target if …\`) and choices in node \`${nodeId}\`, expected only choices or only routes`, spanOf(routeItems[0]!), 'node-content');
    }
    const choices = list.children.filter((item) => !routeItems.includes(item)).flatMap((item) => readChoice(nodeId, item) ?? []);
    return { kind: 'choice', id: nodeId, heading: headingText, place, lines, choices };
  }

  function readLines(nodeId: string, blocks: RootContent[]): Line[] {
    const lines: Line[] = [];
    for (const block of blocks) {
      if (block.type !== 'paragraph') {
        report(file, `Unexpected ${describeBlock(block)} in node \`${nodeId}\`, expected a line (a paragraph) or the list of choices`, spanOf(block), 'node-content');
        continue;
      }
      const speaker = speakerOf(block);
      if (speaker?.name.toLowerCase() === 'outcome') {
        report(file, `Unexpected \`**Outcome:**\` in node \`${nodeId}\`, which has a list; an ending has no list`, spanOf(block), 'node-content');
        continue;
      }
      lines.push({
        ...(speaker ? { speaker: speaker.name } : {}),
        markdown: source.slice(speaker ? speaker.end : startOf(block), endOf(block)).trim(),
        place: spanOf(block),
      });
    }
    return lines;
  }

  function readEnding(nodeId: string, heading: string, place: Span, blocks: RootContent[]): ScenarioNode | undefined {
    const first = blocks[0];
    const speaker = first?.type === 'paragraph' ? speakerOf(first) : undefined;
    const expected = outcomes.map((o) => `**Outcome:** ${o}`);
    if (!first || speaker?.name.toLowerCase() !== 'outcome') {
      const later = blocks.findIndex((block) => block.type === 'paragraph' && speakerOf(block)?.name.toLowerCase() === 'outcome');
      const reason =
        later > 0
          ? `Unexpected ${describeBlock(first!)} before \`**Outcome:**\` in ending \`${nodeId}\`, expected the outcome as the first paragraph`
          : `Unexpected node \`${nodeId}\` with neither choices nor an outcome, expected a list of choices or routes, or \`**Outcome:** positive\`, \`mixed\` or \`negative\` as its first paragraph`;
      report(file, reason, first ? spanOf(first) : place, 'ending-outcome', { expected });
      return undefined;
    }
    const paragraph = first as Paragraph;
    // The outcome is the first line; text on the lines after it, in the same paragraph, starts the debrief.
    const [written = '', ...restOfParagraph] = source.slice(speaker.end, endOf(paragraph)).trim().split(/\r?\n/);
    const outcome = outcomes.find((o) => o === written.trim().toLowerCase());
    if (!outcome) {
      report(file, `Unexpected outcome \`${written.trim()}\` in ending \`${nodeId}\`, expected \`positive\`, \`mixed\` or \`negative\`${didYouMean(written, outcomes)}`, spanOf(paragraph), 'ending-outcome', { expected });
      return undefined;
    }
    const after = blocks.length > 1 ? source.slice(startOf(blocks[1]!), endOf(blocks.at(-1)!)).trim() : '';
    const debrief = [restOfParagraph.join('\n').trim(), after].filter(Boolean).join('\n\n');
    return { kind: 'ending', id: nodeId, heading, place, lines: [], outcome: outcome as Outcome, debrief };
  }

  function readRoutes(nodeId: string, list: List): Route[] {
    const routes: Route[] = [];
    for (const item of list.children) {
      const paragraph = item.children[0] as Paragraph;
      const start = startOf(paragraph);
      const text = source.slice(start, endOf(paragraph));
      const arrowMatch = arrow.exec(text)!;
      const afterArrow = arrowMatch.index + arrowMatch[0].length;
      const match = /^(\s*)(\S*)(?:(\s+)if\b(.*))?\s*$/s.exec(text.slice(afterArrow))!;
      const [, space = '', target = '', , conditionText] = match;
      const targetStart = start + afterArrow + space.length;
      const place = spanOf(item);
      if (!target || !nodeIdPattern.test(target)) {
        report(file, `Unexpected ${target ? `\`${text.slice(afterArrow).trim()}\`` : 'end of route'} in node \`${nodeId}\`, expected \`-> target\` or \`-> target if condition\``, place, 'route-syntax');
        continue;
      }
      targets.push({ target, place: span(targetStart, targetStart + target.length) });
      let condition: Condition | undefined;
      if (conditionText !== undefined) {
        const conditionStart = start + text.length - conditionText.length;
        condition = readGrammar(parseCondition(conditionText), conditionText, conditionStart, 'condition');
        if (!condition) continue;
      }
      routes.push({ target, place, ...(condition ? { condition } : {}) });
    }
    const lastUnconditional = routes.findIndex((route) => !route.condition);
    if (lastUnconditional === -1) {
      report(file, `Unexpected route node \`${nodeId}\` without a final unconditional route, expected a last item such as \`-> ${routes.at(-1)?.target ?? 'somewhere'}\``, spanOf(list), 'missing-final-route');
    } else if (lastUnconditional < routes.length - 1) {
      report(file, `Unexpected route after the unconditional route \`-> ${routes[lastUnconditional]!.target}\` in node \`${nodeId}\`; it can never be taken, so move the unconditional route last`, routes[lastUnconditional + 1]!.place, 'missing-final-route');
    }
    return routes;
  }

  function readChoice(nodeId: string, item: ListItem): Choice | undefined {
    const place = spanOf(item);
    const paragraph = item.children[0];
    const shape = '`**Code:** "what the coach says" -> target`';
    const codeNode = paragraph?.type === 'paragraph' ? paragraph.children[0] : undefined;
    if (!paragraph || paragraph.type !== 'paragraph' || codeNode?.type !== 'strong') {
      report(file, `Unexpected list item in node \`${nodeId}\`, expected a choice ${shape} or a route \`-> target if condition\``, place, 'choice-syntax');
      return undefined;
    }
    const codeText = toString(codeNode).trim();
    const afterCodeNode = source.slice(endOf(codeNode), endOf(paragraph));
    const colonOutside = !codeText.endsWith(':') && afterCodeNode.startsWith(':');
    const written = codeText.replace(/:$/, '').trim();
    const code = findBehaviourCode(written);
    let ok = true;
    if (!codeText.endsWith(':')) {
      report(file, `Unexpected \`**${codeText}**${colonOutside ? ':' : ''}\`, expected the code with its colon inside the bold: \`**${written}:**\``, spanOf(codeNode), 'choice-syntax');
      ok = false;
    } else if (!code) {
      report(file, `Unexpected behaviour code \`${written}\`, expected a code from the format's table${didYouMean(written, behaviourCodes.map((c) => c.name))}`, spanOf(codeNode), 'unknown-code', {
        expected: behaviourCodes.map((c) => c.name),
      });
      ok = false;
    }
    const restStart = endOf(codeNode) + (colonOutside ? 1 : 0);
    const rest = source.slice(restStart, endOf(paragraph));
    const lastArrow = Math.max(rest.lastIndexOf('->'), rest.lastIndexOf('→'));
    if (lastArrow === -1) {
      report(file, `Unexpected choice without a target in node \`${nodeId}\`, expected ${shape}`, place, 'choice-syntax');
      return undefined;
    }
    const saidText = rest.slice(0, lastArrow).trim();
    const targetOffset = restStart + lastArrow + (rest[lastArrow] === '→' ? 1 : 2);
    const targetText = source.slice(targetOffset, endOf(paragraph));
    const target = targetText.trim();
    const targetStart = targetOffset + targetText.indexOf(target);
    const quoted = saidText.length > 1 && quoteMarks.has(saidText[0]!) && quoteMarks.has(saidText.at(-1)!);
    const says = quoted ? saidText.slice(1, -1).trim() : undefined;
    if (says === undefined || says === '') {
      report(file, `Unexpected ${saidText ? `\`${saidText}\`` : 'nothing'} before \`->\`, expected what the coach says in quotes: ${shape}`, place, 'choice-syntax');
      ok = false;
    }
    if (!nodeIdPattern.test(target)) {
      const conditionHint = /\sif\s/.test(target) ? '; a choice\'s condition goes in a nested `if:` item' : '';
      report(file, `Unexpected \`${target || 'nothing'}\` after \`->\`, expected a node id (letters, digits and hyphens)${conditionHint}`, span(targetStart, targetStart + target.length), 'choice-syntax');
      ok = false;
    } else {
      targets.push({ target, place: span(targetStart, targetStart + target.length) });
    }

    const fields = readChoiceFields(nodeId, item);
    if (fields.feedback === undefined) {
      report(file, `Unexpected choice without feedback in node \`${nodeId}\`, expected a nested item \`- feedback: …\` saying what this choice does`, place, 'choice-feedback');
      ok = false;
    }
    if (!ok || fields.invalid || !code || says === undefined || fields.feedback === undefined) return undefined;
    return {
      code,
      says,
      target,
      feedback: fields.feedback,
      effects: fields.effects ?? [],
      tags: fields.tags ?? [],
      ignores: fields.ignores ?? [],
      place,
      ...(fields.condition ? { condition: fields.condition } : {}),
    };
  }

  function readChoiceFields(nodeId: string, item: ListItem) {
    const fields: { feedback?: string; condition?: Condition; effects?: Effect[]; tags?: string[]; ignores?: Ignore[]; invalid?: boolean } = {};
    const seen = new Set<ChoiceKey>();
    for (const extra of item.children.slice(1)) {
      if (extra.type !== 'list') {
        report(file, `Unexpected ${describeBlock(extra)} inside a choice of node \`${nodeId}\`, expected nested items such as \`- feedback: …\``, spanOf(extra), 'choice-syntax');
        fields.invalid = true;
        continue;
      }
      for (const field of extra.children) {
        const start = startOf(field.children[0] ?? field);
        const text = source.slice(start, endOf(field));
        const match = /^([A-Za-z_-]+)\s*:/.exec(text);
        const key = match?.[1]?.toLowerCase();
        if (!match || !key || !(choiceKeys as readonly string[]).includes(key)) {
          const suggestion = key ? didYouMean(key, choiceKeys) : '';
          report(file, `Unexpected ${key ? `key \`${key}\`` : `\`${text.split('\n')[0]}\``} under a choice, expected \`feedback:\`, \`if:\`, \`set:\`, \`tags:\` or \`ignore:\`${suggestion}`, spanOf(field), 'choice-syntax', { expected: [...choiceKeys] });
          fields.invalid = true;
          continue;
        }
        const typedKey = key as ChoiceKey;
        // Several warnings may be silenced on one choice, one `ignore:` each.
        if (seen.has(typedKey) && typedKey !== 'ignore') {
          report(file, `Unexpected second \`${typedKey}:\` under one choice, expected each key once`, spanOf(field), 'choice-syntax');
          fields.invalid = true;
          continue;
        }
        seen.add(typedKey);
        const valueText = text.slice(match[0].length);
        const valueStart = start + match[0].length + (valueText.length - valueText.trimStart().length);
        const value = valueText.trim();
        if (value === '') {
          report(file, `Unexpected empty \`${typedKey}:\`, expected a value after the colon`, spanOf(field), 'choice-syntax');
          fields.invalid = true;
          continue;
        }
        if (typedKey === 'feedback') fields.feedback = value;
        else if (typedKey === 'ignore') {
          const ignore = /^([A-Za-z-]+)\s+because\s+(\S[\s\S]*)$/.exec(value);
          if (!ignore) {
            report(file, `Unexpected \`ignore: ${value.split('\n')[0]}\`, expected the warning's rule and a reason: \`- ignore: teaching-dead-end because <why this is on purpose>\``, spanOf(field), 'choice-syntax');
            fields.invalid = true;
            continue;
          }
          (fields.ignores ??= []).push({ rule: ignore[1]!.toLowerCase(), reason: ignore[2]!.trim(), place: spanOf(field) });
        }
        else if (typedKey === 'tags') {
          fields.tags = [];
          for (const tag of value.matchAll(/[^,\s][^,]*/g)) {
            const name = tag[0].trim();
            fields.tags.push(toTermId(name));
            tagUses.push({ tag: toTermId(name), place: span(valueStart + tag.index, valueStart + tag.index + name.length) });
          }
        } else if (typedKey === 'if') {
          fields.condition = readGrammar(parseCondition(value), value, valueStart, 'condition');
          if (!fields.condition) fields.invalid = true;
        } else {
          fields.effects = readGrammar(parseEffects(value), value, valueStart, 'effect');
          if (!fields.effects) fields.invalid = true;
        }
      }
    }
    return fields;
  }

  /** Records grammar problems at their place in the file; also notes the variables used. */
  function readGrammar<T extends Condition | Effect[]>(parsed: Parsed<T>, text: string, offset: number, ruleId: string): T | undefined {
    if (!parsed.ok) {
      for (const problem of parsed.problems) report(file, problem.reason, span(offset + problem.offset, offset + problem.offset), ruleId);
      return undefined;
    }
    const value = parsed.value;
    const names = 'anyOf' in value ? value.anyOf.flatMap((group) => group.allOf.map((c) => c.variable)) : value.map((e) => e.variable);
    let from = 0;
    for (const name of names) {
      const at = text.indexOf(name, from);
      from = at + name.length;
      variableUses.push({ variable: name, place: span(offset + at, offset + at + name.length) });
    }
    return value;
  }

  /** `**Name:**` at the start of a paragraph: the name, and where the rest of the line begins. */
  function speakerOf(paragraph: Paragraph): { name: string; end: number } | undefined {
    const strong = paragraph.children[0];
    if (strong?.type !== 'strong') return undefined;
    const text = toString(strong).trim();
    if (!text.endsWith(':') || text.length < 2) return undefined;
    return { name: text.slice(0, -1).trim(), end: endOf(strong) };
  }
}

function firstText(item: ListItem): string {
  const paragraph = item.children[0];
  return paragraph?.type === 'paragraph' ? toString(paragraph) : '';
}

function describeBlock(block: RootContent): string {
  switch (block.type) {
    case 'heading':
      return `level-${block.depth} heading`;
    case 'code':
      return 'code block';
    case 'blockquote':
      return 'block quote';
    case 'thematicBreak':
      return 'horizontal rule';
    case 'html':
      return 'HTML';
    case 'list':
      return 'second list';
    default:
      return block.type;
  }
}

/** A scenario's id is its file name: lower-case letters, digits and hyphens, ending `.md`. */
function checkFileName(file: VFile): void {
  const stem = file.stem ?? '';
  const extension = file.extname ?? '';
  if (extension === '.md' && idPattern.test(stem)) return;
  const suggested = `${slug(stem) || 'my-scenario'}.md`;
  report(file, `Unexpected file name \`${file.basename ?? ''}\`, expected lower-case letters, digits and hyphens ending in \`.md\`, such as \`${suggested}\``, { line: 1, column: 1 }, 'file-name', { expected: [suggested] });
}

interface FrontMatterResult {
  meta: FrontMatter;
  placeOf: ParsedScenario['placeOf'];
  invalidKeys: Set<string>;
}

const knownKeys = Object.keys(frontMatterSchema.shape);

/** Reads and validates the YAML front matter, recording every problem at its place. */
function readFrontMatter(file: VFile, yamlNode: Yaml | undefined): FrontMatterResult {
  const invalidKeys = new Set<string>();
  const fallback = frontMatterSchema.shape;
  if (!yamlNode) {
    report(file, 'Unexpected file without front matter, expected `---` on the first line, then `title:`, `summary:` and `persona:`, then `---`', { line: 1, column: 1 }, 'front-matter');
    return { meta: defaults(), placeOf: () => undefined, invalidKeys: new Set(knownKeys) };
  }
  const firstLine = (yamlNode.position?.start.line ?? 1) + 1;
  const lineCounter = new LineCounter();
  const yamlDocument = parseDocument(yamlNode.value, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const toPoint = (offset: number): Point => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + firstLine - 1, column: col };
  };
  const toSpan = (range: readonly [number, number, number?] | null | undefined): Span | undefined =>
    range ? { start: toPoint(range[0]), end: toPoint(range[1]) } : undefined;

  for (const error of yamlDocument.errors) {
    const reason = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    report(file, `Unexpected YAML in the front matter: ${reason}`, toSpan(error.pos), 'yaml');
  }
  const placeOf: ParsedScenario['placeOf'] = (path, part = 'value') => {
    if (yamlDocument.errors.length > 0 && !yamlDocument.contents) return undefined;
    let node: unknown = yamlDocument.contents;
    let keyNode: unknown;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
        if (!pair) break;
        keyNode = pair.key;
        node = pair.value;
      } else if (isSeq(node) && typeof key === 'number' && node.items[key]) {
        keyNode = node.items[key];
        node = node.items[key];
      } else break;
    }
    const target = (part === 'key' ? keyNode : node) ?? keyNode ?? node;
    return toSpan((target as YamlNode | undefined)?.range);
  };
  if (yamlDocument.errors.length > 0) return { meta: defaults(), placeOf, invalidKeys: new Set(knownKeys) };

  const data: unknown = yamlDocument.toJS();
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    report(file, 'Unexpected front matter that is not a list of `key: value` lines, expected `title:`, `summary:` and `persona:`', toSpan(yamlDocument.contents?.range) ?? { line: firstLine, column: 1 }, 'front-matter');
    return { meta: defaults(), placeOf, invalidKeys: new Set(knownKeys) };
  }
  const result = frontMatterSchema.safeParse(data);
  if (result.success) return { meta: result.data, placeOf, invalidKeys };

  for (const issue of result.error.issues) {
    invalidKeys.add(String(issue.path[0] ?? ''));
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        const candidates = keysAt(issue.path);
        const where = issue.path.length > 0 ? ` in \`${formatPath(issue.path)}\`` : '';
        const belongsToPersona = issue.path.length === 0 && key in frontMatterSchema.shape.persona.shape;
        const hint = belongsToPersona ? `; \`${key}\` belongs under \`persona:\`` : didYouMean(key, candidates);
        report(file, `Unexpected key \`${key}\`${where}, expected one of ${candidates.map((k) => `\`${k}\``).join(', ')}${hint}`, placeOf(path, 'key'), 'unknown-key', {
          expected: closest(key, candidates) ? [closest(key, candidates)!] : candidates,
        });
      }
      continue;
    }
    const missing = !valueExists(data, issue.path);
    const place = missing ? placeOf(issue.path.slice(0, -1), 'key')?.start ?? { line: firstLine - 1, column: 1 } : placeOf(issue.path);
    report(file, describeIssue(issue, data), place, 'front-matter');
  }
  // Keep every valid key, so the rest of the file can still be checked against it.
  const partial: Record<string, unknown> = {};
  for (const key of knownKeys) {
    const field = fallback[key as keyof typeof fallback] as z.ZodType;
    const parsed = field.safeParse((data as Record<string, unknown>)[key]);
    if (parsed.success) partial[key] = parsed.data;
    else invalidKeys.add(key);
  }
  return { meta: { ...defaults(), ...partial } as FrontMatter, placeOf, invalidKeys };
}

function defaults(): FrontMatter {
  return {
    title: '',
    summary: '',
    persona: { name: '', strengths: [] },
    skills: [],
    modules: [],
    level: 'beginner',
    content_notes: [],
    state: {},
    checks: [],
  };
}

function keysAt(path: FrontMatterPath): string[] {
  const shape = path[0] === 'persona' ? frontMatterSchema.shape.persona.shape : path[0] === 'checks' ? checkSchema.shape : frontMatterSchema.shape;
  return Object.keys(shape);
}

function formatPath(path: FrontMatterPath): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i > 0 ? '.' : ''}${String(key)}`)).join('');
}

function valueAt(data: unknown, path: FrontMatterPath): unknown {
  let value = data;
  for (const key of path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

function valueExists(data: unknown, path: FrontMatterPath): boolean {
  return valueAt(data, path) !== undefined;
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty value';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'map';
  const text = String(value);
  return `value \`${text.length > 40 ? `${text.slice(0, 40)}…` : text}\``;
}

const expectations: Record<string, string> = {
  title: 'a title',
  summary: 'a sentence or two',
  persona: 'a map with at least `name:`',
  name: 'the persona\'s name',
  pronouns: 'pronouns such as `they/them`',
  age: 'a whole number of years',
  situation: 'a sentence',
  strengths: 'a list such as `[loyal friend, good with computers]`',
  wants: 'a sentence in the person\'s own words',
  when_listened_to: 'a sentence',
  when_pushed: 'a sentence',
  coach_goal: 'a sentence saying what the coach aims for',
  skills: 'a list such as `[engaging, reflections]`',
  modules: 'a list of module ids',
  level: '`beginner`, `intermediate` or `advanced`',
  minutes: 'a whole number of minutes, more than 0',
  content_notes: 'a list such as `[recent hospital stay]`',
  start: 'a node id',
  state: 'a map of variable names to whole numbers, such as `rapport: 1`',
  checks: 'a list of checks, each with `path:` and an `outcome:`, `ending:` or `state:`',
  path: 'a list of node ids such as `[opening, agrees-to-meet]`',
  outcome: '`positive`, `mixed` or `negative`',
  ending: 'an ending\'s node id',
};

/** One readable sentence for a schema problem, naming the key and what to write. */
function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const path = issue.path;
  const name = formatPath(path);
  const value = valueAt(data, path);
  const lastKey = [...path].reverse().find((key) => typeof key === 'string') as string | undefined;
  const inState = path[0] === 'state' && path.length === 2;
  const inCheckState = path[0] === 'checks' && path[2] === 'state';
  const expected = inState
    ? 'a whole number such as `1`'
    : inCheckState
      ? 'a condition such as `">= 3"`'
      : typeof path.at(-1) === 'number' && lastKey !== 'path'
        ? 'text'
        : expectations[lastKey ?? ''] ?? issue.message;
  if (issue.code === 'custom') return issue.message;
  if (issue.code === 'invalid_key') return `Unexpected variable name \`${String(path.at(-1))}\` in \`state\`, expected letters, digits and underscores (hyphens between words)`;
  if (value === undefined) return `Missing \`${name}\`, expected ${expected}`;
  return `Unexpected ${describeValue(value)} for \`${name}\`, expected ${expected}`;
}
