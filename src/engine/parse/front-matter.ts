/**
 * The front-matter reader: the YAML between the `---` fences, parsed with `yaml` and validated
 * with the Zod schema, every problem recorded at its line and column. Keys and values that are
 * valid are kept even when others are not, so the rest of the file can still be checked.
 */
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node as YamlNode, type YAMLError } from 'yaml';
import type { z } from 'zod';
import { report } from '../diagnostics.ts';
import { valueLimit } from '../condition.ts';
import { checkSchema, frontMatterSchema, ifAskedSchema, type FrontMatter } from '../front-matter-schema.ts';
import { maxNesting, type FrontMatterText } from '../markdown.ts';
import { closest, didYouMean, suggestions } from '../suggest.ts';
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
/** How the front matter is parsed, the first time and again after mending a line. */
const yamlOptions = { prettyErrors: false, uniqueKeys: true, logLevel: 'error' } as const;
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
  const yamlDocument = parseDocument(text.value, { ...yamlOptions, lineCounter });
  // The YAML starts on the file's second line, after the opening `---`.
  const toPoint = (offset: number): Point => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + 1, column: col };
  };
  const toSpan = (range: readonly [number, number, number?] | null | undefined): Span | undefined =>
    range ? { start: toPoint(range[0]), end: toPoint(range[1]) } : undefined;
  const lineAt = (offset: number) => lineOf(text.value, offset);

  reportYamlErrors(context, text.value, yamlDocument.errors, lineCounter);
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
  // A misspelt required key (`sumary:`) is one mistake: the message about it names the key it
  // meant, so that key is not also reported missing.
  const meant = new Set<string>();
  for (const issue of result.error.issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    for (const key of issue.keys) for (const known of meantKeys(issue.path, key)) meant.add(formatPath([...issue.path, known]));
  }
  // One message per value, though a value may break two rules (a huge number is neither exact nor in range).
  const valuesReported = new Set<string>();
  for (const issue of result.error.issues) {
    invalidKeys.add(String(issue.path[0] ?? ''));
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) reportUnknownKey(context, issue.path, key, placeOf);
      continue;
    }
    const missing = !valueExists(data, issue.path);
    if ((missing && meant.has(formatPath(issue.path))) || valuesReported.has(formatPath(issue.path))) continue;
    valuesReported.add(formatPath(issue.path));
    const place = missing ? placeOf(issue.path.slice(0, -1), 'key')?.start ?? { line: 1, column: 1 } : placeOf(issue.path);
    // The YAML line of the value (file line 2 is its first), for a value that a `#` emptied.
    const line = place && 'start' in place ? lineAt(lineCounter.lineStarts[place.start.line - 2] ?? 0) : '';
    // A number as written: YAML reads 9007199254740993 as …992, and the message should quote the file.
    const node = yamlDocument.getIn(issue.path, true);
    const written = isScalar(node) && typeof node.value === 'number' && node.range ? text.value.slice(node.range[0], node.range[1]) : undefined;
    report(file, describeIssue(issue, data, line, written), place, 'front-matter');
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

/** The line of `text` that `offset` is on, without its line ending. */
const lineOf = (text: string, offset: number): string => text.slice(text.lastIndexOf('\n', offset - 1) + 1).split('\n')[0]!.replace(/\r$/, '');

/** At most this many out-of-step lines are mended and the YAML parsed again; past that, the parser's own words. */
const maxMends = 20;
/** A line out of step is looked for at this many of the parser's first errors, which keeps a broken file quick. */
const maxErrorsLookedAt = 10;

/** A place in the YAML: its line and column, both counted from 0. */
interface YamlPoint {
  readonly line: number;
  readonly column: number;
}

/** A YAML problem in words, at its place. */
interface YamlProblem {
  readonly start: YamlPoint;
  readonly end: YamlPoint;
  readonly reason: string;
}

/**
 * Reports the YAML parser's errors, one a line, in words a trainer can act on. A tab, or a line
 * indented out of step with its neighbours, puts the lines after it out of step too, and the
 * parser's errors about those (and its "Nested mappings are not allowed in compact mappings",
 * reported on the line above) are echoes of the one mistake. So such a line is reported where it
 * is, mended in a copy of the YAML, and the copy parsed again: what the parser still finds are
 * other mistakes. Mending keeps every line on its line, so later places stay true.
 */
function reportYamlErrors(context: ParseContext, yaml: string, firstErrors: readonly YAMLError[], firstLineCounter: LineCounter): void {
  if (firstErrors.length === 0) return;
  const problems: YamlProblem[] = [];
  const linesReported = new Set<number>();
  const lines = yaml.split('\n');
  let errors = firstErrors;
  let lineCounter = firstLineCounter;
  const reparse = () => {
    lineCounter = new LineCounter();
    errors = parseDocument(lines.join('\n'), { ...yamlOptions, lineCounter }).errors;
  };
  const pointAt = (offset: number): YamlPoint => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line - 1, column: col - 1 };
  };
  const lineIndex = (offset: number) => pointAt(offset).line;

  for (let mends = 0; mends < maxMends; mends++) {
    // Every tab at once: each is its own mistake, and mending one does not move another.
    let tabsMended = false;
    for (const index of new Set(errors.filter((error) => error.code === 'TAB_AS_INDENT').map((error) => lineIndex(error.pos[0])))) {
      // The indentation, with the `- ` of list items in it.
      const lead = /^[ \t]*(?:-[ \t]+)*/.exec(lines[index]!)![0];
      const tabs = lead.split('\t').length - 1;
      if (tabs === 0) continue;
      // A tab after a `-` stands for the one space that follows it; any other, for a level of indentation.
      const afterDash = /^ *-\t$/.test(lead);
      if (!linesReported.has(index)) {
        linesReported.add(index);
        problems.push({
          start: { line: index, column: lead.indexOf('\t') },
          end: { line: index, column: lead.lastIndexOf('\t') + 1 },
          reason: `Unexpected ${tabs === 1 ? 'tab' : 'tabs'} in the indentation, expected spaces: YAML indentation must use spaces, not tabs; replace ${tabs === 1 ? 'the tab' : 'each tab'} with ${afterDash ? 'one space' : 'two spaces'}`,
        });
      }
      lines[index] = (afterDash ? lead.replace('\t', ' ') : lead.replace(/\t/g, '  ')) + lines[index]!.slice(lead.length);
      tabsMended = true;
    }
    if (tabsMended) {
      reparse();
      continue;
    }
    // The first line out of step, among the first errors (the rest may be its echoes): one at a time.
    let step: ReturnType<typeof outOfStep>;
    for (const error of errors.slice(0, maxErrorsLookedAt)) {
      step = outOfStep(lines, flaggedLine(lines, error, lineIndex));
      if (step) break;
    }
    if (!step) break;
    const { line } = step.problem.start;
    if (!linesReported.has(line)) {
      linesReported.add(line);
      problems.push(step.problem);
    }
    lines[line] = step.mended;
    reparse();
  }

  const text = lines.join('\n');
  for (const error of errors) {
    const start = pointAt(error.pos[0]);
    const index = start.line;
    // One message per line: a value with two colons makes two errors of one mistake.
    if (linesReported.has(index)) continue;
    linesReported.add(index);
    const line = lineOf(text, error.pos[0]);
    // Matched in two steps, and trimmed by hand: one pattern for each would cost the square of a long line.
    const keyAndValue = /^\s*([^\s:#][^:]*?):\s+(\S.*)$/.exec(line);
    const colon = error.code === 'BLOCK_AS_IMPLICIT_KEY' && keyAndValue && /:(?:\s|$)/.test(keyAndValue[2]!.slice(1)) ? keyAndValue : null;
    // A value that starts with a character YAML reserves (`*Jordan* returns`, `@home`).
    const indicatorLine = /^\s*(?:-\s+)?([^\s:#][^:]*?):\s+([*&!%@`].*)$/.exec(line);
    const indicator = indicatorLine ? [indicatorLine[0], indicatorLine[1], indicatorLine[2]!.trimEnd()] : null;
    const quoted = (key: string, value: string) => `\`${key}: "${value.replace(/"/g, '\\"')}"\``;
    if (colon) {
      // At the colon that breaks the value, not at the value's start.
      const at = line.length - colon[2]!.length + colon[2]!.search(/:(?:\s|$)/);
      // Curly quotes, which editors type for straight ones, are not quotes to YAML: say so, or the fix looks done already.
      const curly = /^[“”‘’](.*)[“”‘’]$/.exec(colon[2]!.trim());
      const reason = curly
        ? `Unexpected \`:\` inside the value of \`${colon[1]}\`: the value is in curly quotes (“ ”), which YAML does not read as quotes, expected straight ones: ${quoted(colon[1]!, curly[1]!)}`
        : `Unexpected \`:\` inside the value of \`${colon[1]}\`, expected the value in quotes when it has a colon: ${quoted(colon[1]!, colon[2]!)}`;
      problems.push({ start: { line: index, column: at }, end: { line: index, column: at + 1 }, reason });
    } else if (indicator) {
      const at = line.indexOf(indicator[2]!);
      problems.push({ start: { line: index, column: at }, end: { line: index, column: at }, reason: `Unexpected \`${indicator[2]![0]}\` at the start of the value of \`${indicator[1]}\`: YAML gives it a meaning of its own; put the value in quotes: ${quoted(indicator[1]!, indicator[2]!)}` });
    } else {
      problems.push({
        start,
        end: pointAt(error.pos[1]),
        reason: `Unexpected YAML in the front matter: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
      });
    }
  }
  // The YAML starts on the file's second line, after the opening `---`.
  const toPoint = ({ line, column }: YamlPoint): Point => ({ line: line + 2, column: column + 1 });
  for (const problem of problems.sort((a, b) => a.start.line - b.start.line || a.start.column - b.start.column)) {
    const empty = problem.end.line === problem.start.line && problem.end.column === problem.start.column;
    report(context.file, problem.reason, empty ? toPoint(problem.start) : { start: toPoint(problem.start), end: toPoint(problem.end) }, 'yaml');
  }
}

/**
 * The line a parser error is about, for {@link outOfStep}: where it is, except that "Nested
 * mappings are not allowed in compact mappings" is reported at a value that runs on into the
 * next line, and that next line is the one to look at.
 */
function flaggedLine(lines: readonly string[], error: YAMLError, lineIndex: (offset: number) => number): number | undefined {
  const index = lineIndex(error.pos[0]);
  if (error.code === 'BAD_INDENT' || error.code === 'MISSING_CHAR') return index;
  if (error.code !== 'BLOCK_AS_IMPLICIT_KEY') return undefined;
  for (let next = index + 1; next < lines.length; next++) if (lines[next]!.trim() !== '') return next;
  return undefined;
}

/** A `key:` line of YAML, perhaps as a list item (`- path:`): its indentation, dashes and key. */
const keyLinePattern = /^( *)((?:-[ ]+)*)([^\s#:-][^#]*?|-[^\s#:][^#]*?):(?:[ \t]|\r?$)/;

interface KeyLine {
  readonly index: number;
  /** The spaces before the line's first `-` or key. */
  readonly indent: number;
  /** The column the key starts at, after any `- `: keys that line up are siblings. */
  readonly column: number;
  /** Whether the line starts a list item (`- path:`). */
  readonly dashed: boolean;
  /** The key, as a message names it: `pronouns`. */
  readonly key: string;
  /** Whether a value follows the colon on the same line (so the line cannot hold keys under it). */
  readonly hasValue: boolean;
}

function keyLineAt(lines: readonly string[], index: number): KeyLine | undefined {
  const match = keyLinePattern.exec(lines[index] ?? '');
  if (!match) return undefined;
  const rest = lines[index]!.slice(match[0].length).trim();
  return {
    index,
    indent: match[1]!.length,
    column: match[1]!.length + match[2]!.length,
    dashed: match[2] !== '',
    key: match[3]!,
    hasValue: rest !== '' && !rest.startsWith('#'),
  };
}

/**
 * Whether the `key:` line at `index` is indented out of step with its siblings (the keys of the
 * same map, or the `- ` items of the same list, which must start at the same column), and if so
 * the problem and the line mended. Its siblings are the nearest keys above it, back to the key
 * they are under; a key with a value on its line cannot have keys under it, so one at a smaller
 * column is a sibling too. Where the first key of a map is the odd one (3 spaces, then 2 and 2),
 * that first key is the mistake.
 */
function outOfStep(lines: readonly string[], index: number | undefined): { problem: YamlProblem; mended: string } | undefined {
  if (index === undefined) return undefined;
  const flagged = keyLineAt(lines, index);
  if (!flagged) return undefined;
  // A `- ` item lines up with the other items' dashes; a key, with the other keys.
  const columnOf = (keyLine: KeyLine) => (flagged.dashed ? keyLine.indent : keyLine.column);
  const above: KeyLine[] = [];
  let parent: KeyLine | undefined;
  for (let i = index - 1; i >= 0; i--) {
    const keyLine = keyLineAt(lines, i);
    if (!keyLine) continue;
    if (flagged.dashed && !keyLine.dashed) {
      // Keys inside the items above are not the items' siblings; the key the list is under is their parent.
      if (keyLine.column >= flagged.indent) continue;
      parent = keyLine;
      break;
    }
    if (columnOf(keyLine) >= columnOf(flagged)) above.push(keyLine);
    else {
      parent = keyLine;
      break;
    }
  }
  let wrong = flagged;
  let sibling: KeyLine | undefined;
  if (above.length === 0) {
    if (!parent?.hasValue) return undefined;
    sibling = parent;
  } else {
    const column = Math.min(...above.map(columnOf));
    const atColumn = above.filter((keyLine) => columnOf(keyLine) === column);
    sibling = atColumn[0]!;
    const levelBelowParent = parent ? parent.column + 2 : 0;
    if (atColumn.length === 1 && column !== levelBelowParent && columnOf(flagged) === levelBelowParent) {
      wrong = sibling;
      sibling = flagged;
    }
  }
  if (columnOf(wrong) === columnOf(sibling)) return undefined;
  const { indent } = wrong;
  const wanted = indent + columnOf(sibling) - columnOf(wrong);
  if (wanted < 0) return undefined;
  const line = lines[wrong.index]!;
  const named = (keyLine: KeyLine) => `\`${flagged.dashed ? '- ' : ''}${keyLine.key}:\``;
  const spaces = (n: number) => (n === 0 ? 'no spaces' : n === 1 ? '1 space' : `${n} spaces`);
  return {
    problem: {
      start: { line: wrong.index, column: 0 },
      end: { line: wrong.index, column: indent },
      reason: `Unexpected indentation of ${spaces(indent)} before ${named(wrong)}, which does not line up with the lines around it, expected ${spaces(wanted)}, to line up with ${named(sibling)} on line ${sibling.index + 2} (indent 2 spaces for each level)`,
    },
    mended: ' '.repeat(wanted) + line.slice(indent),
  };
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

/** Whether an unknown top-level key is one of the persona's, written outside `persona:`. */
const belongsToPersona = (path: FrontMatterPath, key: string) => path.length === 0 && Object.hasOwn(frontMatterSchema.shape.persona.shape, key);

/** The keys that the message about unknown `key` asks "did you mean …?" about. */
function meantKeys(path: FrontMatterPath, key: string): string[] {
  return belongsToPersona(path, key) ? [] : suggestions(key, keysAt(path));
}

function reportUnknownKey(context: ParseContext, path: FrontMatterPath, key: string, placeOf: PlaceOf): void {
  const candidates = keysAt(path);
  const where = path.length > 0 ? ` in \`${formatPath(path)}\`` : '';
  const hint = belongsToPersona(path, key) ? `; \`${key}\` belongs under \`persona:\`` : didYouMean(key, candidates);
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
  const shape =
    path[0] === 'persona' ? (path[1] === 'if_asked' ? ifAskedSchema.shape : frontMatterSchema.shape.persona.shape) : path[0] === 'checks' ? checkSchema.shape : frontMatterSchema.shape;
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
  if_asked: 'a list of `question:` and `answer:` pairs',
  question: 'a question the coach may ask',
  answer: 'what the person would say',
  shares_as_trust_grows: 'a list of things the person might say, in order',
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
 * The comment that takes the place of a key's value on its line (`key: # …`, `- key: # …`, the key perhaps in quotes), or
 * undefined. Read as text, never as a pattern: the key is the author's, and a key made into a
 * regular expression (`.*(a+)+y`) once hung every tool for ever.
 */
function commentAfterKey(line: string, key: string): string | undefined {
  let rest = line.trimStart();
  if (rest.startsWith('-')) rest = rest.slice(1).trimStart();
  const written = [key, `"${key}"`, `'${key}'`].find((form) => rest.startsWith(`${form}:`));
  if (written === undefined) return undefined;
  rest = rest.slice(written.length + 1).trimStart();
  return rest.startsWith('#') ? rest.trim() : undefined;
}

/**
 * One readable sentence for a schema problem, naming the key and what to write. `line` is the
 * YAML line the problem is on, for noticing a value that a `#` turned into a comment.
 */
function describeIssue(issue: z.core.$ZodIssue, data: unknown, line: string, written?: string): string {
  const path = issue.path;
  const name = formatPath(path);
  const value = valueAt(data, path);
  const lastKey = [...path].reverse().find((key) => typeof key === 'string') as string | undefined;
  const inState = path[0] === 'state' && path.length === 2;
  const inCheckState = path[0] === 'checks' && path[2] === 'state';
  const expected = inState
    ? `a whole number such as \`1\` (from -${valueLimit.toLocaleString('en')} to ${valueLimit.toLocaleString('en')})`
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
      : `Unexpected variable name \`${variable}\` in \`state\`, expected letters, digits and underscores (hyphens between words)${/\s/.test(variable.trim()) ? `, with no spaces: such as \`${variable.trim().split(/\s+/).join('_')}\`` : ''}`;
  }
  const comment = value === null && lastKey !== undefined ? commentAfterKey(line, lastKey) : undefined;
  if (comment !== undefined) return `Unexpected \`#\` at the start of the value of \`${name}\`: YAML reads it as a comment, so the value is empty; put the value in quotes: \`${lastKey}: "${comment}"\``;
  if (value === undefined) return `Missing \`${name}\`, expected ${expected}`;
  return `Unexpected ${written === undefined ? describeValue(value) : `value \`${written}\``} for \`${name}\`, expected ${expected}`;
}
