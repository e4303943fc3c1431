/**
 * What every reader of the parser shares: the file and its text, positions, and the uses each
 * reader collects (node ids, targets, variables, tags) for the reference checks that follow.
 * Readers record problems on the file and return what they could read; none throws.
 */
import type { Nodes, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import type { Condition, Effect, Parsed } from '../condition.ts';
import { variablesOf } from '../condition.ts';
import { report } from '../diagnostics.ts';
import type { Span } from '../types.ts';

export interface Use<Name extends string> {
  readonly place: Span;
  readonly name: Name;
}

export interface ParseContext {
  readonly file: VFile;
  /** The file's text, with old Mac line endings read as ordinary ones (same length). */
  readonly source: string;
  /** The place of the text between two offsets. */
  readonly span: (start: number, end: number) => Span;
  /** Every node id the file declares, including nodes too broken to keep. */
  readonly nodeIds: Set<string>;
  /** Choice and route targets with their places. */
  readonly targets: Array<{ target: string; place: Span }>;
  /** Variables named in conditions and effects, with their places. */
  readonly variableUses: Array<{ variable: string; place: Span }>;
  /** Choice tags, with their places. */
  readonly tagUses: Array<{ tag: string; place: Span }>;
}

/** A fresh context for reading `source`, the text of `file`. */
export function createContext(file: VFile, source: string): ParseContext {
  const where = location(source);
  const end = where.toPoint(source.length) ?? { line: 1, column: 1 };
  return {
    file,
    source,
    span: (start, finish) => ({ start: where.toPoint(start) ?? end, end: where.toPoint(finish) ?? end }),
    nodeIds: new Set(),
    targets: [],
    variableUses: [],
    tagUses: [],
  };
}

/** Where an mdast node starts in the file (offset). */
export const startOf = (node: Nodes): number => node.position?.start.offset ?? 0;
/** Where an mdast node ends in the file (offset). */
export const endOf = (node: Nodes): number => node.position?.end.offset ?? 0;
/** The place of an mdast node. */
export const spanOf = (context: ParseContext, node: Nodes): Span => context.span(startOf(node), endOf(node));

/** Records grammar problems at their place in the file, or notes the variables the value uses. */
export function readGrammar<T extends Condition | Effect[]>(context: ParseContext, parsed: Parsed<T>, text: string, offset: number, ruleId: string): T | undefined {
  if (!parsed.ok) {
    for (const problem of parsed.problems) report(context.file, problem.reason, context.span(offset + problem.offset, offset + problem.offset), ruleId);
    return undefined;
  }
  let from = 0;
  for (const name of variablesOf(parsed.value)) {
    const at = text.indexOf(name, from);
    from = at + name.length;
    context.variableUses.push({ variable: name, place: context.span(offset + at, offset + at + name.length) });
  }
  return parsed.value;
}

/** A block as a trainer would name it in a message. */
export function describeBlock(block: RootContent): string {
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
