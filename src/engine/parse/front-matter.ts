/**
 * The front-matter reader: the YAML between the `---` fences, parsed with `yaml` and validated
 * with the Zod schema, every problem recorded at its line and column. Keys and values that are
 * valid are kept even when others are not, so the rest of the file can still be checked.
 */
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import { report } from '../diagnostics.ts';
import { checkSchema, frontMatterSchema, type FrontMatter } from '../front-matter-schema.ts';
import { maxNesting, type FrontMatterText } from '../markdown.ts';
import { closest, didYouMean } from '../suggest.ts';
import type { Point, Span } from '../types.ts';
import type { ParseContext } from './context.ts';

/** A key path into the front matter, as Zod reports it: `['checks', 0, 'path', 2]`. */
export type FrontMatterPath = ReadonlyArray<PropertyKey>;

/** The place of a front-matter key or value, for messages about it. */
export type PlaceOf = (path: FrontMatterPath, part?: 'key' | 'value') => Span | undefined;

export interface FrontMatterResult {
  readonly meta: FrontMatter;
  readonly placeOf: PlaceOf;
  /** Top-level keys whose values were invalid (their defaults are used instead). */
  readonly invalidKeys: ReadonlySet<string>;
}

const knownKeys = Object.keys(frontMatterSchema.shape);
/** Aliases may repeat a value, but not expand to more values than any scenario has. */
const maxExpandedValues = 10_000;

/** Reads and validates the front matter, recording every problem at its place. */
export function readFrontMatter(context: ParseContext, text: FrontMatterText | undefined): FrontMatterResult {
  const { file } = context;
  const everyKeyInvalid = { meta: emptyFrontMatter(), placeOf: () => undefined, invalidKeys: new Set(knownKeys) };
  if (!text || (!text.closed && text.value.trim() === '')) {
    report(file, 'Unexpected file without front matter, expected `---` on the first line, then `title:`, `summary:` and `persona:`, then `---`', { line: 1, column: 1 }, 'front-matter');
    return everyKeyInvalid;
  }
  if (!text.closed) {
    const nextLine = context.source.indexOf('\n', text.end) + 1 || text.end;
    report(file, 'Missing `---` to close the front matter, expected a line with only `---` here, after the last `key: value` line', context.span(nextLine, nextLine).start, 'front-matter');
  }
  const deep = tooDeepYaml(text.value);
  if (deep !== undefined) {
    // The YAML parser recurses once per level: thousands of levels overflow the stack.
    const line = text.value.slice(0, deep).split('\n').length + 1;
    report(file, `Unexpected YAML nested more than ${maxNesting} levels deep, expected a few levels at most (\`persona:\`, then \`name:\`); is this the right file?`, { line, column: 1 }, 'yaml');
    return everyKeyInvalid;
  }
  const lineCounter = new LineCounter();
  const yamlDocument = parseDocument(text.value, { lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  // The YAML starts on the file's second line, after the opening `---`.
  const toPoint = (offset: number): Point => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + 1, column: col };
  };
  const toSpan = (range: readonly [number, number, number?] | null | undefined): Span | undefined =>
    range ? { start: toPoint(range[0]), end: toPoint(range[1]) } : undefined;
  const lineAt = (offset: number) => text.value.slice(text.value.lastIndexOf('\n', offset - 1) + 1).split('\n')[0]!;

  const linesReported = new Set<number>();
  for (const error of yamlDocument.errors) {
    const place = toSpan(error.pos);
    // One message per line: a value with two colons makes two errors of one mistake.
    if (place && linesReported.has(place.start.line)) continue;
    if (place) linesReported.add(place.start.line);
    const line = lineAt(error.pos[0]);
    const colon = error.code === 'BLOCK_AS_IMPLICIT_KEY' ? /^\s*([^\s:#][^:]*?):\s+(\S.*:(?:\s.*|$))$/.exec(line) : null;
    // A value that starts with a character YAML reserves (`*Jordan* returns`, `@home`).
    const indicator = /^\s*(?:-\s+)?([^\s:#][^:]*?):\s+([*&!%@`].*?)\s*$/.exec(line);
    const quoted = (key: string, value: string) => `\`${key}: "${value.replace(/"/g, '\\"')}"\``;
    const reason = colon
      ? `Unexpected \`:\` inside the value of \`${colon[1]}\`, expected the value in quotes when it has a colon: ${quoted(colon[1]!, colon[2]!)}`
      : indicator
        ? `Unexpected \`${indicator[2]![0]}\` at the start of the value of \`${indicator[1]}\`: YAML gives it a meaning of its own; put the value in quotes: ${quoted(indicator[1]!, indicator[2]!)}`
        : `Unexpected YAML in the front matter: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`;
    const at = indicator ? toPoint(text.value.lastIndexOf('\n', error.pos[0] - 1) + 1 + line.indexOf(indicator[2]!)) : undefined;
    report(file, reason, at ?? place, 'yaml');
  }
  if (yamlDocument.errors.length === 0) checkAliasesAndComments(context, yamlDocument, toSpan);

  const placeOf: PlaceOf = (path, part = 'value') => {
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
  if (file.messages.some((message) => message.ruleId === 'yaml')) return { ...everyKeyInvalid, placeOf };

  const data: unknown = yamlDocument.toJS({ maxAliasCount: -1 });
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    report(file, 'Unexpected front matter that is not a list of `key: value` lines, expected `title:`, `summary:` and `persona:`', toSpan(yamlDocument.contents?.range) ?? { line: 2, column: 1 }, 'front-matter');
    return { ...everyKeyInvalid, placeOf };
  }
  const result = frontMatterSchema.safeParse(data);
  if (result.success) return { meta: result.data, placeOf, invalidKeys: new Set() };

  const invalidKeys = new Set<string>();
  for (const issue of result.error.issues) {
    invalidKeys.add(String(issue.path[0] ?? ''));
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) reportUnknownKey(context, issue.path, key, placeOf);
      continue;
    }
    const missing = !valueExists(data, issue.path);
    const place = missing ? placeOf(issue.path.slice(0, -1), 'key')?.start ?? { line: 1, column: 1 } : placeOf(issue.path);
    // The YAML line of the value (file line 2 is its first), for a value that a `#` emptied.
    const line = place && 'start' in place ? lineAt(lineCounter.lineStarts[place.start.line - 2] ?? 0) : '';
    report(file, describeIssue(issue, data, line), place, 'front-matter');
  }
  // Keep every valid key, so the rest of the file can still be checked against it.
  const partial: Record<string, unknown> = {};
  for (const key of knownKeys) {
    const field = frontMatterSchema.shape[key as keyof typeof frontMatterSchema.shape] as z.ZodType;
    const parsed = field.safeParse((data as Record<string, unknown>)[key]);
    if (parsed.success) partial[key] = parsed.data;
    else invalidKeys.add(key);
  }
  return { meta: { ...emptyFrontMatter(), ...partial } as FrontMatter, placeOf, invalidKeys };
}

/**
 * Where YAML first nests deeper than {@link maxNesting}, if it does: by indentation, `- ` items
 * and open brackets (outside quotes), counted generously, as no front matter comes near it.
 */
function tooDeepYaml(yaml: string): number | undefined {
  let brackets = 0;
  let offset = 0;
  for (const line of yaml.split('\n')) {
    const lead = /^[ \t]*(?:-[ \t]+)*/.exec(line)![0];
    let quote: string | undefined;
    for (const character of line) {
      if (quote) {
        if (character === quote) quote = undefined;
      } else if (character === '"' || character === "'") quote = character;
      else if (character === '[' || character === '{') brackets++;
      else if ((character === ']' || character === '}') && brackets > 0) brackets--;
      else if (character === '#') break;
      if (brackets > maxNesting) return offset;
    }
    if (Math.floor(lead.length / 2) > maxNesting) return offset;
    offset += line.length + 1;
  }
  return undefined;
}

/**
 * Aliases must point at an anchor and expand to a sensible size (an "alias bomb" expands to
 * billions); a plain value with a `#` comment after it loses that text, which is worth a warning.
 */
function checkAliasesAndComments(context: ParseContext, yamlDocument: Document, toSpan: (range: readonly [number, number, number?] | null | undefined) => Span | undefined): void {
  const sizes = new Map<unknown, number>();
  const expandedSize = (node: unknown, depth: number): number => {
    if (isAlias(node)) node = node.resolve(yamlDocument);
    if (!isCollection(node)) return 1;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    // An alias inside its own anchor repeats for ever; count it as too many.
    if (depth > 100) return Infinity;
    sizes.set(node, Infinity);
    let size = 1;
    for (const item of node.items) size += isPair(item) ? expandedSize(item.key, depth + 1) + expandedSize(item.value, depth + 1) : expandedSize(item, depth + 1);
    sizes.set(node, size);
    return size;
  };
  let unresolved = false;
  visit(yamlDocument, {
    Alias(_, alias) {
      if (alias.resolve(yamlDocument)) return;
      unresolved = true;
      report(context.file, `Unexpected alias \`*${alias.source}\` without an anchor \`&${alias.source}\` before it, expected a value; to write a value that starts with \`*\`, put it in quotes: \`"*${alias.source}…"\``, toSpan(alias.range), 'yaml');
    },
    Scalar(_, scalar) {
      if (typeof scalar.value !== 'string' || scalar.type !== 'PLAIN' || !scalar.comment || !scalar.range) return;
      report(context.file, `Unexpected \`#${scalar.comment}\` after \`${scalar.value}\`: YAML reads text after \` #\` as a comment and leaves it out; to keep it, put the whole value in quotes: \`"${scalar.value} #${scalar.comment}"\``, toSpan([scalar.range[1], scalar.range[2]!]), 'yaml-comment', { severity: 'warning' });
    },
  });
  if (!unresolved && expandedSize(yamlDocument.contents, 0) > maxExpandedValues) {
    const firstAlias = (() => {
      let found: Span | undefined;
      visit(yamlDocument, { Alias: (_, alias) => { found ??= toSpan(alias.range); } });
      return found;
    })();
    report(context.file, `Unexpected aliases that repeat values more than ${maxExpandedValues.toLocaleString('en')} times, expected each value written out`, firstAlias, 'yaml');
  }
}

function reportUnknownKey(context: ParseContext, path: FrontMatterPath, key: string, placeOf: PlaceOf): void {
  const candidates = keysAt(path);
  const where = path.length > 0 ? ` in \`${formatPath(path)}\`` : '';
  const belongsToPersona = path.length === 0 && Object.hasOwn(frontMatterSchema.shape.persona.shape, key);
  const hint = belongsToPersona ? `; \`${key}\` belongs under \`persona:\`` : didYouMean(key, candidates);
  const suggestion = closest(key, candidates);
  report(context.file, `Unexpected key \`${key}\`${where}, expected one of ${candidates.map((k) => `\`${k}\``).join(', ')}${hint}`, placeOf([...path, key], 'key'), 'unknown-key', {
    expected: suggestion ? [suggestion] : candidates,
  });
}

/** The front matter of a file with none: every key at its default, title and summary empty. */
export function emptyFrontMatter(): FrontMatter {
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
  for (const key of path) value = value && typeof value === 'object' && Object.hasOwn(value, key) ? (value as Record<PropertyKey, unknown>)[key] : undefined;
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

const expectations = new Map(Object.entries({
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
}));

/**
 * One readable sentence for a schema problem, naming the key and what to write. `line` is the
 * YAML line the problem is on, for noticing a value that a `#` turned into a comment.
 */
function describeIssue(issue: z.core.$ZodIssue, data: unknown, line: string): string {
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
        : expectations.get(lastKey ?? '') ?? issue.message;
  if (issue.code === 'custom') return issue.message;
  if (issue.code === 'invalid_key') {
    const variable = String(path.at(-1));
    return variable === '__proto__'
      ? 'Unexpected variable name `__proto__` in `state`, expected another name: this one is reserved'
      : `Unexpected variable name \`${variable}\` in \`state\`, expected letters, digits and underscores (hyphens between words)`;
  }
  const comment = value === null && lastKey !== undefined ? new RegExp(`^\\s*(?:-\\s*)?${lastKey}:\\s*(#.*)$`).exec(line) : null;
  if (comment) return `Unexpected \`#\` at the start of the value of \`${name}\`: YAML reads it as a comment, so the value is empty; put the value in quotes: \`${lastKey}: "${comment[1]!.trim()}"\``;
  if (value === undefined) return `Missing \`${name}\`, expected ${expected}`;
  return `Unexpected ${describeValue(value)} for \`${name}\`, expected ${expected}`;
}
