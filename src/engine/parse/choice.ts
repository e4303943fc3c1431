/**
 * The choice reader: `**Code:** "what the coach says" -> target`, with its nested `feedback:`,
 * `if:`, `set:`, `tags:` and `ignore:` items. A field written at the left margin instead of under
 * its choice is read as the choice's all the same, with one message saying to indent it.
 */
import type { ListItem, Paragraph, RootContent } from 'mdast';
import { slug } from 'github-slugger';
import { toString } from 'mdast-util-to-string';
import { behaviourCodes, codesByMeaning, findBehaviourCode } from '../behaviour-codes.ts';
import { parseCondition, parseEffects, type Condition, type Effect } from '../condition.ts';
import { report } from '../diagnostics.ts';
import { nodeIdPattern, toTermId } from '../front-matter-schema.ts';
import { didYouMean, listed, suggestions } from '../suggest.ts';
import type { Choice, Ignore, Span } from '../types.ts';
import { describeBlock, endOf, readGrammar, spanOf, startOf, type ParseContext } from './context.ts';

const choiceKeys = ['feedback', 'if', 'set', 'tags', 'ignore'] as const;
type ChoiceKey = (typeof choiceKeys)[number];

/** Straight or curly quotes, in any pairing: trainers' editors mix them. */
const quoteMarks = new Set(['"', '“', '”']);
const shape = '`**Code:** "what the coach says" -> target`';
/** `key: value` where the key is one a choice takes, as a trainer might write it at the margin. */
const fieldLine = /^\s*(feedback|if|set|tags|ignore)\s*:/i;

/** A `key: value` item of a choice, wherever it was written. */
export interface FieldSource {
  /** The item's text, from the key on. */
  readonly text: string;
  /** Offset of the text in the file. */
  readonly start: number;
  readonly place: Span;
  /** Written as a list item (`- feedback: …`) rather than a bare line. */
  readonly item: boolean;
  /** Indented under a field that was written at the left margin: rightly placed, and read with it. */
  readonly underStray?: boolean;
}

/**
 * The fields a list item or paragraph at the left margin holds, if it is one (`- feedback: …`):
 * that field, and the fields indented under it (`  - set: …`), which are where they belong once
 * the field above them is indented too (the studio's Enter key leaves a split line at the margin).
 */
export function strayFields(context: ParseContext, block: ListItem | RootContent): FieldSource[] | undefined {
  const paragraph = block.type === 'listItem' ? block.children[0] : block;
  if (paragraph?.type !== 'paragraph') return undefined;
  const text = context.source.slice(startOf(paragraph), endOf(paragraph));
  if (!fieldLine.test(text)) return undefined;
  const nested = block.type === 'listItem' ? block.children.slice(1) : [];
  const under = nested.flatMap((child) => (child.type === 'list' ? child.children.map((item) => fieldOf(context, item)) : [undefined]));
  if (under.some((field) => field === undefined)) return undefined;
  const own = { text, start: startOf(paragraph), place: block.type === 'listItem' ? context.span(startOf(block), endOf(paragraph)) : spanOf(context, block), item: block.type === 'listItem' };
  return [own, ...(under as FieldSource[]).map((field) => ({ ...field, underStray: true }))];
}

/** The field a nested list item holds (`- set: rapport +1`), if it is one. */
function fieldOf(context: ParseContext, item: ListItem): FieldSource | undefined {
  const paragraph = item.children[0];
  if (paragraph?.type !== 'paragraph' || item.children.length > 1) return undefined;
  const text = context.source.slice(startOf(paragraph), endOf(paragraph));
  return fieldLine.test(text) ? { text, start: startOf(paragraph), place: spanOf(context, item), item: true } : undefined;
}

/** Reports fields written at the left margin, once per choice, naming each (and those indented under them). */
export function reportStrayFields(context: ParseContext, strays: readonly FieldSource[]): void {
  const atMargin = strays.filter((stray) => !stray.underStray);
  if (atMargin.length === 0) return;
  const keyOf = (stray: FieldSource) => `\`${stray.item ? '- ' : ''}${fieldLine.exec(stray.text)![1]!.toLowerCase()}:\``;
  const keys = atMargin.map(keyOf);
  const under = strays.filter((stray) => stray.underStray).map(keyOf);
  const them = atMargin.length === 1 ? 'it' : 'them';
  const alreadyIndented = under.length > 0 ? `, as ${listed(under)} under ${them} ${under.length === 1 ? 'is' : 'are'}` : '';
  report(context.file, `Unexpected ${listed(keys)} at the left margin, expected ${them} indented under ${atMargin.length === 1 ? 'its' : 'their'} choice, with two spaces before the \`-\`${alreadyIndented}: \`  - ${fieldLine.exec(atMargin[0]!.text)![1]!.toLowerCase()}: …\``, atMargin[0]!.place, 'choice-field-margin');
}

/** Reads one choice of node `nodeId`; `strays` are its fields found at the left margin. */
export function readChoice(context: ParseContext, nodeId: string, item: ListItem, strays: readonly FieldSource[] = []): Choice | undefined {
  const { file, source } = context;
  const place = spanOf(context, item);
  const paragraph = item.children[0];
  const codeNode = paragraph?.type === 'paragraph' ? paragraph.children[0] : undefined;
  if (!paragraph || paragraph.type !== 'paragraph' || codeNode?.type !== 'strong') {
    const unbold = paragraph?.type === 'paragraph' ? codeWithoutBold(context, paragraph) : undefined;
    report(file, unbold ?? `Unexpected list item in node \`${nodeId}\`, expected a choice ${shape} or a route \`-> target if condition\``, place, 'choice-syntax');
    return undefined;
  }
  const codeText = toString(codeNode).trim();
  const afterCodeNode = source.slice(endOf(codeNode), endOf(paragraph));
  const colonOutside = !codeText.endsWith(':') && afterCodeNode.startsWith(':');
  const written = codeText.replace(/:$/, '').trim();
  const code = findBehaviourCode(written);
  let ok = true;
  if (!codeText.endsWith(':')) {
    report(file, `Unexpected \`**${codeText}**${colonOutside ? ':' : ''}\`, expected the code with its colon inside the bold: \`**${written}:**\``, spanOf(context, codeNode), 'choice-syntax');
    ok = false;
  } else if (!code) {
    const names = behaviourCodes.map((c) => c.name);
    report(file, `Unexpected behaviour code \`${written}\`, expected one of the twelve codes: ${names.map((name) => `\`${name}\``).join(', ')}${didYouMean(written, names, codesByMeaning)}`, spanOf(context, codeNode), 'unknown-code', {
      expected: names,
    });
    ok = false;
  }
  const restStart = endOf(codeNode) + (colonOutside ? 1 : 0);
  // A field written on the line after the choice, at the margin, continues its paragraph.
  const paragraphText = source.slice(restStart, endOf(paragraph));
  // Spaces and tabs only in the lookahead: `\s*` would run across every newline after each one, the square of a run of blank lines.
  const lazy = /\r?\n(?=[ \t]*(?:feedback|if|set|tags|ignore)[ \t]*:)/i.exec(paragraphText);
  const rest = lazy ? paragraphText.slice(0, lazy.index) : paragraphText;
  const lazyFields = lazy ? lazyFieldSources(context, restStart + lazy.index + lazy[0].length, restStart + paragraphText.length) : [];
  reportStrayFields(context, lazyFields);
  const lastArrow = Math.max(rest.lastIndexOf('->'), rest.lastIndexOf('→'));
  if (lastArrow === -1) {
    const other = otherArrow(rest);
    const reason = other
      ? `Unexpected \`${other.arrow}\` before \`${other.target}\`, expected \`->\` (a hyphen, then \`>\`) or \`→\` between what the coach says and the target: \`… -> ${other.target}\``
      : `Unexpected choice without a target in node \`${nodeId}\`, expected ${shape}`;
    report(file, reason, other ? context.span(restStart + other.at, restStart + other.at + other.arrow.length) : place, 'choice-syntax');
    return undefined;
  }
  const saidText = rest.slice(0, lastArrow).trim();
  const targetOffset = restStart + lastArrow + (rest[lastArrow] === '→' ? 1 : 2);
  const targetText = rest.slice(lastArrow + (rest[lastArrow] === '→' ? 1 : 2));
  const target = targetText.trim();
  const targetStart = targetOffset + targetText.indexOf(target);
  const quoted = saidText.length > 1 && quoteMarks.has(saidText[0]!) && quoteMarks.has(saidText.at(-1)!);
  const says = quoted ? saidText.slice(1, -1).trim() : undefined;
  if (says === undefined || says === '') {
    report(file, quoteProblem(saidText, target), place, 'choice-syntax');
    ok = false;
  }
  if (!nodeIdPattern.test(target)) {
    report(file, targetProblem(target), context.span(targetStart, targetStart + target.length), 'choice-syntax');
    ok = false;
  } else {
    context.targets.push({ target, place: context.span(targetStart, targetStart + target.length) });
  }

  const fields = readChoiceFields(context, nodeId, item, [...lazyFields, ...strays]);
  // A misspelt `feeback:` already has its message, which names `feedback`.
  if (fields.feedback === undefined && !fields.misspelt?.has('feedback')) {
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

/** An arrow typed another way, `=>`, or with a dash an editor made long (`—>`, `–>`): where it is, and the target after it. */
function otherArrow(text: string): { arrow: string; at: number; target: string } | undefined {
  for (const arrow of ['=>', '—>', '–>']) {
    const at = text.lastIndexOf(arrow);
    const target = text.slice(at + arrow.length).trim();
    if (at !== -1 && target !== '' && !target.includes(' ')) return { arrow, at, target };
  }
  return undefined;
}

/** What a choice written `Affirm: "…" -> x` (or `*Affirm:*`) is missing: its code in bold; undefined if it is not that. */
function codeWithoutBold(context: ParseContext, paragraph: Paragraph): string | undefined {
  const first = paragraph.children[0];
  const text = context.source.slice(startOf(paragraph), endOf(paragraph));
  const italic = first?.type === 'emphasis' ? /^(\*|_)([^*_]+?):?\1\s*:?/.exec(text) : null;
  // `Affirm: "…"`: a name of letters, a colon, then the quoted words.
  const colon = text.indexOf(':');
  const plain = !italic && colon > 0 && colon < 40 && /^[A-Za-z][A-Za-z -]*$/.test(text.slice(0, colon)) && quoteMarks.has(text.slice(colon + 1).trimStart()[0] ?? '') ? text.slice(0, colon) : '';
  const name = (italic?.[2] ?? plain).replace(/:$/, '').trim();
  if (!name || (!findBehaviourCode(name) && suggestions(name, behaviourCodes.map((c) => c.name), codesByMeaning).length === 0)) return undefined;
  const written = italic ? italic[0].trim() : `${name}:`;
  return `Unexpected \`${written}\` ${italic ? 'in italics' : 'without bold'}, expected the behaviour code in bold (two \`*\` each side), with its colon inside: \`**${findBehaviourCode(name)?.name ?? name}:**\``;
}

/** Quote marks as a trainer would name them, for saying which were typed. */
const quoteNames: ReadonlyArray<readonly [RegExp, string]> = [
  [/[‘’]/, 'curly single quotes (‘ ’)'],
  [/'/, "straight single quotes (')"],
  [/[„‚]/, 'low quotes („)'],
  [/[«»‹›]/, 'angle quotes (« »)'],
  [/[「」『』]/, 'corner brackets (「 」)'],
];

/** Why the words before `->` are not what the coach says in double quotes, naming the quotes typed. */
function quoteProblem(saidText: string, target: string): string {
  const instead = (words = '…') => `expected what the coach says in double quotes, straight (") or curly (“ ”): \`"${words}" -> ${target || 'target'}\``;
  if (saidText === '') return `Unexpected nothing before \`->\`, ${instead()}`;
  const typed = quoteNames.find(([marks]) => marks.test(saidText[0]!));
  if (typed) {
    const closed = quoteNames.some(([marks]) => marks.test(saidText.at(-1)!)) || quoteMarks.has(saidText.at(-1)!);
    const words = saidText.slice(1, closed ? -1 : undefined).trim();
    return `Unexpected ${typed[1]} around \`${words}\`, ${instead(words)}`;
  }
  const opens = quoteMarks.has(saidText[0]!);
  const closes = saidText.length > 1 && quoteMarks.has(saidText.at(-1)!);
  if (opens && !closes) return `Unexpected \`${saidText}\` before \`->\`: its closing quote is missing, expected \`"\` after the coach's words: \`${saidText}" -> ${target}\``;
  if (!opens && closes) return `Unexpected \`${saidText}\` before \`->\`: its opening quote is missing, expected \`"\` before the coach's words: \`"${saidText} -> ${target}\``;
  if (opens && closes) return `Unexpected empty quotes before \`->\`, expected what the coach says between them`;
  return `Unexpected \`${saidText}\` before \`->\`, ${instead(saidText)}`;
}

/** Why a target is not a node id, with the id to write where one can be made from it. */
export function targetProblem(target: string): string {
  if (target === '') return 'Unexpected nothing after `->`, expected a node id (letters, digits and hyphens)';
  if (/\sif\s/.test(target)) return `Unexpected \`${target}\` after \`->\`, expected a node id (letters, digits and hyphens); a choice's condition goes in a nested \`if:\` item`;
  const quote = (mark: string | undefined) => mark !== undefined && /["“”'‘’]/.test(mark);
  const quoted = quote(target[0]) || quote(target.at(-1));
  const id = slug(target.slice(quote(target[0]) ? 1 : 0, quote(target.at(-1)) ? -1 : undefined));
  const why = quoted ? 'a target takes no quotes' : /['’]/.test(target) ? 'node ids have no apostrophes, as a heading such as `## Jordan\'s reply` makes the id `jordans-reply`' : 'node ids are letters, digits and hyphens';
  return `Unexpected \`${target}\` after \`->\`: ${why}, expected ${nodeIdPattern.test(id) ? `\`${id}\`` : 'a node id'}`;
}

/** The fields on the lines from `start` to `end`, one a line. */
function lazyFieldSources(context: ParseContext, start: number, end: number): FieldSource[] {
  const sources: FieldSource[] = [];
  let offset = start;
  for (const line of context.source.slice(start, end).split('\n')) {
    const lead = line.length - line.trimStart().length;
    const text = line.trim();
    if (fieldLine.test(text)) sources.push({ text, start: offset + lead, place: context.span(offset + lead, offset + lead + text.length), item: false });
    else if (sources.length > 0 && text !== '') {
      const last = sources.pop()!;
      sources.push({ ...last, text: `${last.text}\n${text}` });
    }
    offset += line.length + 1;
  }
  return sources;
}

interface ChoiceFields {
  feedback?: string;
  condition?: Condition;
  effects?: Effect[];
  tags?: string[];
  ignores?: Ignore[];
  invalid?: boolean;
  /** The keys that unknown keys were probably meant to be (`feeback` → `feedback`). */
  misspelt?: Set<ChoiceKey>;
}

function readChoiceFields(context: ParseContext, nodeId: string, item: ListItem, strays: readonly FieldSource[]): ChoiceFields {
  const { file, source } = context;
  const fields: ChoiceFields = {};
  const sources: FieldSource[] = [];
  for (const extra of item.children.slice(1)) {
    if (extra.type !== 'list') {
      report(file, `Unexpected ${describeBlock(extra)} inside a choice of node \`${nodeId}\`, expected nested items such as \`- feedback: …\``, spanOf(context, extra), 'choice-syntax');
      fields.invalid = true;
      continue;
    }
    for (const field of extra.children) {
      const start = startOf(field.children[0] ?? field);
      sources.push({ text: source.slice(start, endOf(field)), start, place: spanOf(context, field), item: true });
    }
  }
  const seen = new Set<ChoiceKey>();
  for (const { text, start, place } of [...sources, ...strays]) {
    const match = /^([A-Za-z_-]+)\s*:/.exec(text);
    const key = match?.[1]?.toLowerCase();
    if (!match || !key || !(choiceKeys as readonly string[]).includes(key)) {
      const suggestion = key ? didYouMean(key, choiceKeys) : '';
      for (const meant of key ? suggestions(key, choiceKeys) : []) (fields.misspelt ??= new Set()).add(meant as ChoiceKey);
      report(file, `Unexpected ${key ? `key \`${key}\`` : `\`${text.split('\n')[0]}\``} under a choice, expected \`feedback:\`, \`if:\`, \`set:\`, \`tags:\` or \`ignore:\`${suggestion}`, place, 'choice-syntax', { expected: [...choiceKeys] });
      fields.invalid = true;
      continue;
    }
    const typedKey = key as ChoiceKey;
    // Several warnings may be silenced on one choice, one `ignore:` each.
    if (seen.has(typedKey) && typedKey !== 'ignore') {
      report(file, `Unexpected second \`${typedKey}:\` under one choice, expected each key once`, place, 'choice-syntax');
      fields.invalid = true;
      continue;
    }
    seen.add(typedKey);
    const valueText = text.slice(match[0].length);
    const valueStart = start + match[0].length + (valueText.length - valueText.trimStart().length);
    const value = valueText.trim();
    if (value === '') {
      report(file, `Unexpected empty \`${typedKey}:\`, expected a value after the colon`, place, 'choice-syntax');
      fields.invalid = true;
      continue;
    }
    if (typedKey === 'feedback') fields.feedback = value;
    else if (typedKey === 'ignore') {
      const ignore = /^([A-Za-z-]+)\s+because\s+(\S[\s\S]*)$/.exec(value);
      if (!ignore) {
        report(file, `Unexpected \`ignore: ${value.split('\n')[0]}\`, expected the warning's rule and a reason: \`- ignore: teaching-dead-end because <why this is on purpose>\``, place, 'choice-syntax');
        fields.invalid = true;
        continue;
      }
      (fields.ignores ??= []).push({ rule: ignore[1]!.toLowerCase(), reason: ignore[2]!.trim(), place });
    } else if (typedKey === 'tags') {
      fields.tags = [];
      for (const tag of value.matchAll(/[^,\s][^,]*/g)) {
        const name = tag[0].trim();
        fields.tags.push(toTermId(name));
        context.tagUses.push({ tag: toTermId(name), place: context.span(valueStart + tag.index, valueStart + tag.index + name.length) });
      }
    } else if (typedKey === 'if') {
      fields.condition = readGrammar(context, parseCondition(value), value, valueStart, 'condition');
      if (!fields.condition) fields.invalid = true;
    } else {
      fields.effects = readGrammar(context, parseEffects(value), value, valueStart, 'effect');
      if (!fields.effects) fields.invalid = true;
    }
  }
  return fields;
}
