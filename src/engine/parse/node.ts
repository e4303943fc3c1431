/**
 * The node reader: a `## heading` and the blocks up to the next one, read as a choice node, a
 * route node or an ending by what its list holds (choices, routes, or no list at all; or an
 * outcome first, whose debrief may hold lists that lead nowhere).
 */
import type { Heading, List, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { slug } from 'github-slugger';
import { VFileMessage } from 'vfile-message';
import { messageSource, report } from '../diagnostics.ts';
import { nodeIdPattern } from '../front-matter-schema.ts';
import { isSpaceOrTab, isUnderscore, trimEndWhere, trimStartWhere } from '../trim.ts';
import type { ScenarioNode, Span } from '../types.ts';
import { describeBlock, endOf, spanOf, startOf, type ParseContext } from './context.ts';
import { readChoice, reportStrayFields, strayFields, type FieldSource } from './choice.ts';
import { readEnding } from './ending.ts';
import { isOutcome, readLines } from './lines.ts';
import { isRouteItem, readRoutes } from './route.ts';

const isLevel2Heading = (block: RootContent): block is Heading => block.type === 'heading' && block.depth === 2;
/** Ids that JavaScript objects reserve, which a statechart cannot name a state. */
const reservedIds = new Set(['__proto__']);
/** A target after `->` or `→`, as choices and routes write it. */
const targetPattern = /(?:->|→)\s*([^\s,;]+)/g;

/** A heading's text, its text without `{#id}`, and the node id it makes (the slug, or `{#id}`). */
function headingId(heading: Heading): { text: string; headingText: string; nodeId: string; explicit: boolean } {
  const text = toString(heading).trim();
  const explicit = explicitId(text);
  const headingText = explicit ? text.slice(0, explicit.index).trim() : text;
  return { text, headingText, nodeId: explicit ? explicit.id.trim() : slug(headingText), explicit: explicit !== undefined };
}

/**
 * A `{#id}` that ends a heading's text (what `/\{#([^}]*)\}\s*$/` finds, found by walking back
 * from the end once: that pattern costs the square of the heading's length on `{#{#{#…`).
 */
function explicitId(text: string): { id: string; index: number } | undefined {
  const trimmed = text.trimEnd();
  if (!trimmed.endsWith('}')) return undefined;
  const close = trimmed.length - 1;
  const open = trimmed.indexOf('{#', trimmed.lastIndexOf('}', close - 1) + 1);
  return open === -1 || open >= close ? undefined : { id: trimmed.slice(open + 2, close), index: open };
}

/**
 * The headings that start nodes: every level-2 heading, and a heading of another level (`###`,
 * `#`) written where a node must start. That one is reported once, and read as the node it was
 * meant to be, so that its lines, its list and the choices leading to it raise nothing more. A
 * node must start at a heading whose blocks read as a node (choices or routes, or an outcome
 * first) in the introduction or after a node's list (the list comes last, so anything after it
 * is a new node); and at a heading whose id a choice or route leads to. Other headings (in the
 * introduction, or in a debrief, where the format allows them; or before a node's list, which
 * is its own mistake) are left to the node readers, as is a heading whose id a level-2 one has.
 */
export function findNodeHeadings(context: ParseContext, body: readonly RootContent[]): ReadonlySet<RootContent> {
  const starts = new Set<RootContent>(body.filter(isLevel2Heading));
  const level2Ids = new Set(body.filter(isLevel2Heading).map((heading) => headingId(heading).nodeId));
  const targets = new Set<string>();
  for (const block of body) {
    if (block.type !== 'list') continue;
    for (const match of context.source.slice(startOf(block), endOf(block)).matchAll(targetPattern)) targets.add(match[1]!);
  }
  let inNode = false;
  let afterList = false;
  for (const [index, block] of body.entries()) {
    if (block.type === 'list' && inNode) afterList = true;
    if (block.type !== 'heading') continue;
    if (block.depth !== 2) {
      const { nodeId } = headingId(block);
      const known = nodeIdPattern.test(nodeId) && !level2Ids.has(nodeId);
      if (!known || !(((afterList || !inNode) && readsAsNode(context, body.slice(index + 1))) || targets.has(nodeId))) continue;
      reportHeadingLevel(context, block);
      starts.add(block);
    }
    inNode = true;
    afterList = false;
  }
  return starts;
}

/**
 * Whether the blocks up to the next heading read as a node: a list with a `->` in it (choices or
 * routes, not the introduction's own lists), or `**Outcome:**` first.
 */
function readsAsNode(context: ParseContext, blocks: readonly RootContent[]): boolean {
  const end = blocks.findIndex((block) => block.type === 'heading');
  const own = end === -1 ? blocks : blocks.slice(0, end);
  return own.some((block) => leadsOn(context, block)) || (own[0] !== undefined && isOutcome(own[0]));
}

/** Whether a block is a list with a `->` in it: choices or routes, not a list in prose. */
function leadsOn(context: ParseContext, block: RootContent): boolean {
  return block.type === 'list' && /->|→/.test(context.source.slice(startOf(block), endOf(block)));
}

function reportHeadingLevel(context: ParseContext, heading: Heading): void {
  const written = context.source.slice(startOf(heading), endOf(heading));
  // An ATX heading (`### pushback`) keeps what was written after its `#`s; an underlined one, its text.
  const atx = atxHeadingText(written);
  const text = atx ?? toString(heading).trim();
  const shown = atx === undefined ? text : written.trim();
  report(context.file, `Unexpected level-${heading.depth} heading \`${shown}\` starting a node, expected a level-2 heading: node headings start with two \`#\`, so write \`## ${text}\``, spanOf(context, heading), 'node-heading', {
    expected: [`## ${text}`],
  });
}

/**
 * What an ATX heading says between its opening `#`s and any closing ones, as CommonMark reads it;
 * undefined if it is not an ATX heading. Walked, not matched: the pattern for it costs the square
 * of a run of spaces inside the heading.
 */
function atxHeadingText(written: string): string | undefined {
  const indent = written.length - written.trimStart().length;
  if (indent > 3 || written[indent] !== '#') return undefined;
  const afterHashes = trimStartWhere(written.slice(indent), (character) => character === '#');
  let text = trimEndWhere(trimStartWhere(afterHashes, isSpaceOrTab), isSpaceOrTab);
  const withoutClosing = trimEndWhere(text, (character) => character === '#');
  if (withoutClosing.length < text.length && (withoutClosing === '' || isSpaceOrTab(withoutClosing.at(-1)!))) text = trimEndWhere(withoutClosing, isSpaceOrTab);
  return text;
}

/** Reads every node of the body, from its first node heading on (see {@link findNodeHeadings}); reports duplicate ids. */
export function readNodes(context: ParseContext, body: readonly RootContent[], nodeHeadings: ReadonlySet<RootContent>): ScenarioNode[] {
  const nodes: ScenarioNode[] = [];
  const firstOfId = new Map<string, { place: Span; heading: string }>();
  const isNodeHeading = (block: RootContent): block is Heading => nodeHeadings.has(block);
  const first = body.findIndex(isNodeHeading);
  if (first === -1) return nodes;
  for (let i = first; i < body.length; ) {
    let next = i + 1;
    while (next < body.length && !isNodeHeading(body[next]!)) next++;
    const node = readNode(context, body[i] as Heading, body.slice(i + 1, next));
    i = next;
    if (!node) continue;
    const earlier = firstOfId.get(node.id);
    if (earlier) {
      const cause = new VFileMessage('First defined here', { place: earlier.place, ruleId: 'duplicate-node', source: messageSource });
      // Both places in the words, as a list of problems (the studio's) shows one place per message.
      const headings = earlier.heading === node.heading ? `the heading \`## ${node.heading}\` is on line ${earlier.place.start.line} and here` : `\`## ${earlier.heading}\` on line ${earlier.place.start.line} and \`## ${node.heading}\` here both make it`;
      report(context.file, `Unexpected second node with id \`${node.id}\` (${headings}), expected every node id to be unique (rename one heading, or give it \`{#another-id}\`)`, node.place, 'duplicate-node', { cause });
      continue;
    }
    firstOfId.set(node.id, { place: node.place, heading: node.heading });
    nodes.push(node);
  }
  reportLookAlikeIds(context, nodes);
  return nodes;
}

/** Lower-case Cyrillic and Greek letters that look like Latin ones, and the Latin letter each looks like. */
const latinLookAlikes = new Map<string, string>([
  ...[...'аеорсухіјѕһԁԛԝӏ'].map((letter, i) => [letter, 'aeopcyxijshdqwl'[i]!] as const),
  ...[...'οαρνιυκτ'].map((letter, i) => [letter, 'oapviukt'[i]!] as const),
]);

/** An id as Latin letters would read it: each look-alike letter replaced by its Latin twin. */
const readsAs = (id: string) => Array.from(id, (letter) => latinLookAlikes.get(letter) ?? letter).join('');

/**
 * Warns of node ids that differ but read the same (Latin `pop`, Cyrillic `рор`): each in one
 * alphabet, so the mixed-alphabet warning misses them, yet messages and diagrams show two nodes
 * with one name.
 */
function reportLookAlikeIds(context: ParseContext, nodes: readonly ScenarioNode[]): void {
  const firstReading = new Map<string, ScenarioNode>();
  for (const node of nodes) {
    const reading = readsAs(node.id);
    const earlier = firstReading.get(reading);
    if (earlier === undefined) {
      firstReading.set(reading, node);
      continue;
    }
    report(context.file, `Unexpected node id \`${node.id}\` that reads the same as \`${earlier.id}\` (line ${earlier.place.start.line}), expected ids that look different: letters of another alphabet look like Latin ones; rename one of them`, node.place, 'node-id', { severity: 'warning' });
  }
}

/** Alphabets whose letters look like Latin ones. */
const alphabets = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Armenian', /\p{Script=Armenian}/u],
  ['Cherokee', /\p{Script=Cherokee}/u],
] as const;

/** The look-alike alphabets an id's letters come from. */
function scriptsOf(id: string): string[] {
  return alphabets.filter(([, letters]) => letters.test(id)).map(([name]) => name);
}

/** Reads one node: its id from the heading, then its lines and its list (or its outcome). */
function readNode(context: ParseContext, heading: Heading, content: readonly RootContent[]): ScenarioNode | undefined {
  const { file } = context;
  const place = spanOf(context, heading);
  const { text, headingText, nodeId, explicit } = headingId(heading);
  if (!nodeId || !nodeIdPattern.test(nodeId)) {
    const reason = explicit
      ? `Unexpected node id \`${nodeId}\` in \`{#…}\`, expected letters, digits and hyphens`
      : `Unexpected heading \`${text}\` with no letters or digits for a node id, expected a heading such as \`## opening\``;
    report(file, reason, place, 'node-id');
    return undefined;
  }
  if (reservedIds.has(nodeId)) {
    report(file, `Unexpected node id \`${nodeId}\`, expected another id: this one is reserved (give the heading \`{#${trimEndWhere(trimStartWhere(nodeId, isUnderscore), isUnderscore) || 'node'}}\`)`, place, 'node-id');
    return undefined;
  }
  const scripts = scriptsOf(nodeId);
  if (scripts.length > 1) {
    report(file, `Unexpected node id \`${nodeId}\` that mixes ${scripts.join(' and ')} letters, expected letters of one alphabet: letters that look alike (Latin \`o\`, Cyrillic \`о\`) make two ids that read the same; type the id again`, place, 'node-id', { severity: 'warning' });
  }
  context.nodeIds.add(nodeId);
  // Comments are for trainers; everything else must be a line or the list.
  const blocks = content.filter((block) => !(block.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(block.value)));
  const listIndex = blocks.findIndex((block) => block.type === 'list');
  // An outcome first makes an ending, whose debrief may hold lists of its own; a list there that
  // leads on (`->`) is choices or routes written into an ending, which the list readers report.
  const endsHere = blocks[0] !== undefined && isOutcome(blocks[0]) && !blocks.some((block) => leadsOn(context, block));
  if (listIndex === -1 || endsHere) return readEnding(context, nodeId, headingText, place, blocks);

  const list = blocks[listIndex] as List;
  const after = blocks.slice(listIndex + 1);
  const lines = readLines(context, nodeId, blocks.slice(0, listIndex));
  const routeItems = list.children.filter(isRouteItem);
  if (routeItems.length === list.children.length) {
    reportBlocksAfterList(context, nodeId, after);
    return { kind: 'route', id: nodeId, heading: headingText, place, lines, routes: readRoutes(context, nodeId, list) };
  }
  if (routeItems.length > 0) {
    report(file, `Unexpected mix of routes (\`-> target if …\`) and choices in node \`${nodeId}\`, expected only choices or only routes`, spanOf(context, routeItems[0]!), 'node-content');
  }

  // Group each choice with the fields written under it at the left margin, and after the list.
  const groups: Array<{ item: (typeof list.children)[number]; strays: FieldSource[] }> = [];
  for (const item of list.children) {
    if (routeItems.includes(item)) continue;
    const strays = strayFields(context, item);
    if (strays && groups.length > 0) groups.at(-1)!.strays.push(...strays);
    else groups.push({ item, strays: [] });
  }
  const trailing = after.flatMap((block) => (block.type === 'list' ? block.children.map((item) => strayFields(context, item)) : [strayFields(context, block)]));
  const strayAfter = trailing.every(Boolean) && groups.length > 0 ? (trailing as FieldSource[][]).flat() : [];
  if (strayAfter.length === 0) reportBlocksAfterList(context, nodeId, after);
  else groups.at(-1)!.strays.push(...strayAfter);
  for (const group of groups) reportStrayFields(context, group.strays);
  const choices = groups.flatMap((group) => readChoice(context, nodeId, group.item, group.strays) ?? []);
  return { kind: 'choice', id: nodeId, heading: headingText, place, lines, choices };
}

function reportBlocksAfterList(context: ParseContext, nodeId: string, after: readonly RootContent[]): void {
  for (const extra of after) {
    report(context.file, `Unexpected ${describeBlock(extra)} after the list of node \`${nodeId}\`, expected the list to come last (start a new node with \`## heading\`)`, spanOf(context, extra), 'node-content');
  }
}
