/**
 * Checks on a course module's YAML front matter that its schema cannot make: text that YAML reads
 * as a comment and silently drops. In an unquoted value, ` #` starts a comment, so
 * `description: the #BeThe1To steps` keeps only "the" and the schema still passes. The YAML
 * library's own parser says where each comment is and what it belongs to; a comment that ends a
 * value on the value's own line is the text that was cut off. Whole-line comments are left alone.
 */
import { LineCounter, Parser } from 'yaml';

/** A problem in the front matter, at its line and column in the module file (both from 1). */
export interface FrontMatterProblem {
  readonly line: number;
  readonly column: number;
  readonly reason: string;
}

/** The front matter of an MDX or Markdown file: its YAML text and the file line it starts on. */
export interface FrontMatter {
  readonly yaml: string;
  readonly firstLine: number;
}

/** CST tokens that hold a value; a comment in their `end`, before any newline, trails the value. */
const valueTokenTypes = new Set(['scalar', 'single-quoted-scalar', 'double-quoted-scalar', 'flow-collection']);

interface SourceToken {
  readonly type: string;
  readonly offset: number;
  readonly source: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isSourceToken(value: unknown): value is SourceToken {
  return isObject(value) && typeof value.type === 'string' && typeof value.offset === 'number' && typeof value.source === 'string';
}

/** The comments that follow a value on its own line, anywhere in the CST under `token`. */
function trailingComments(token: unknown, found: SourceToken[] = []): SourceToken[] {
  if (Array.isArray(token)) {
    for (const item of token) trailingComments(item, found);
    return found;
  }
  if (!isObject(token)) return found;
  if (typeof token.type === 'string' && valueTokenTypes.has(token.type) && Array.isArray(token.end)) {
    for (const part of token.end) {
      if (!isSourceToken(part) || part.type === 'newline') break;
      if (part.type === 'comment') found.push(part);
    }
  }
  for (const [key, value] of Object.entries(token)) {
    if (key !== 'end' && isObject(value)) trailingComments(value, found);
  }
  return found;
}

/** Shortens dropped text for a message. */
function excerpt(text: string, limit = 40): string {
  const trimmed = text.trim();
  return trimmed.length > limit ? `${trimmed.slice(0, limit - 1).trimEnd()}…` : trimmed;
}

/**
 * Every YAML comment in `yaml` that follows a value on the same line: text cut short by ` #`.
 * `firstLine` is the file line the YAML text starts on (the line after the opening `---`), so the
 * places point into the module file.
 */
export function findCutShortValues(yaml: string, firstLine = 1): FrontMatterProblem[] {
  const lineCounter = new LineCounter();
  const tokens = [...new Parser(lineCounter.addNewLine).parse(yaml)];
  return trailingComments(tokens)
    .sort((a, b) => a.offset - b.offset)
    .map((comment) => {
      const { line, col } = lineCounter.linePos(comment.offset);
      return {
        line: firstLine + line - 1,
        column: col,
        reason: `\`#\` starts a YAML comment here, so the text after it ("${excerpt(comment.source)}") is dropped; put the whole value in double quotes`,
      };
    });
}

/**
 * The front matter of a module file: the lines between a first line of `---` and the next line of
 * `---`, as remark-frontmatter reads them. Undefined when the file has none.
 */
export function frontMatterOf(source: string): FrontMatter | undefined {
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trimEnd() !== '---') return undefined;
  const close = lines.findIndex((line, index) => index > 0 && line.trimEnd() === '---');
  if (close === -1) return undefined;
  return { yaml: lines.slice(1, close).join('\n'), firstLine: 2 };
}

/** The front-matter problems of a whole module file. */
export function checkModuleSource(source: string): FrontMatterProblem[] {
  const frontMatter = frontMatterOf(source);
  return frontMatter ? findCutShortValues(frontMatter.yaml, frontMatter.firstLine) : [];
}
