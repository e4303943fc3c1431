/**
 * The condition and effect grammar of scenario format version 1, in one place.
 *
 *   condition  = conjunction ("or" conjunction)*
 *   conjunction = comparison ("and" comparison)*       ("and" binds tighter; no parentheses)
 *   comparison = variable op integer                    op: >= <= > < == !=
 *   effects    = effect ("," effect)*
 *   effect     = variable ("+" | "-") integer  |  variable "=" integer
 *
 * Conditions and effects are plain data so that compiled machines stay serialisable.
 */

export type ComparisonOperator = '>=' | '<=' | '>' | '<' | '==' | '!=';

export interface Comparison {
  readonly variable: string;
  readonly operator: ComparisonOperator;
  readonly value: number;
}

/** Any one of the `and`-groups holding makes the condition hold. */
export interface Condition {
  readonly anyOf: ReadonlyArray<{ readonly allOf: readonly Comparison[] }>;
}

export interface Effect {
  readonly variable: string;
  /** `add` for `+1` and `-2`, `set` for `= 0`. */
  readonly kind: 'add' | 'set';
  readonly value: number;
}

/** The variables a scenario declares, with their current values. */
export type Variables = Readonly<Record<string, number>>;

/** A problem in a condition or effect, at a character offset into the text that was parsed. */
export interface GrammarProblem {
  readonly reason: string;
  readonly offset: number;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: GrammarProblem[] };

/** Variable names: letters, digits and underscores, with single inner hyphens (`self-belief`). */
export const variableNamePattern = /^[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z_][A-Za-z0-9_]*)*$/;

const token =
  /\s*(?:(?<word>[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z_][A-Za-z0-9_]*)*)|(?<number>[+-]?\d+)|(?<operator>>=|<=|==|!=|>|<|=|\+|-|,)|(?<other>\S))/y;

interface Token {
  readonly kind: 'word' | 'number' | 'operator' | 'other';
  readonly text: string;
  readonly offset: number;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  token.lastIndex = 0;
  let match: RegExpExecArray | null;
  while (token.lastIndex < text.length && (match = token.exec(text)) !== null) {
    const [kind, value] = Object.entries(match.groups ?? {}).find(([, v]) => v !== undefined) ?? [];
    if (kind === undefined || value === undefined) break;
    tokens.push({ kind: kind as Token['kind'], text: value, offset: match.index + match[0].length - value.length });
  }
  return tokens;
}

const comparisonOperators = new Set<string>(['>=', '<=', '>', '<', '==', '!=']);

/**
 * The largest value, either way, that a scenario may write. Far beyond any score a scenario keeps,
 * and small enough that sums of such values, over every step a run can take, stay exact.
 */
export const valueLimit = 1_000_000_000;
const valueRange = `a whole number from -${valueLimit.toLocaleString('en')} to ${valueLimit.toLocaleString('en')}`;

/** A number token's value, or a problem when it lies beyond {@link valueLimit}. */
function numberOf(t: Token, sign = ''): { value: number } | { problem: GrammarProblem } {
  const value = Number(sign + t.text);
  return Math.abs(value) > valueLimit ? { problem: { reason: `Unexpected \`${sign}${t.text}\`, expected ${valueRange}`, offset: t.offset } } : { value };
}

function describe(t: Token | undefined): string {
  return t === undefined ? 'end of the condition' : `\`${t.text}\``;
}

/** Quote marks, as a message names them: curly ones are often typed by editors without the trainer knowing. */
function quoteName(mark: string): string {
  return /[“”‘’]/.test(mark) ? 'curly quote' : /["']/.test(mark) ? 'quote' : '';
}

const quoteIn = (tokens: readonly Token[]) => tokens.find((t) => t.kind === 'other' && quoteName(t.text) !== '');
const withoutQuotes = (text: string) => text.replace(/["'“”‘’]/g, '').replace(/\s+/g, ' ').trim();

/**
 * A variable name written with spaces (`self belief >= 2`): the words from `at` up to the
 * operator read as one name, and the message says how to write it.
 */
function spacedName(tokens: readonly Token[], at: number): string | undefined {
  let end = at + 1;
  while (tokens[end]?.kind === 'word' && !/^(and|or)$/i.test(tokens[end]!.text)) end++;
  if (end === at + 1) return undefined;
  const words = tokens.slice(at, end).map((t) => t.text);
  return `Unexpected space in the variable name \`${words.join(' ')}\`, expected a name without spaces, such as \`${words.join('_')}\` or \`${words.join('-')}\`, written the same here and under \`state:\``;
}

/** Parses a condition such as `rapport >= 3 and trust > 1 or readiness == 5`. */
export function parseCondition(text: string): Parsed<Condition> {
  const tokens = tokenize(text);
  const anyOf: Array<{ allOf: Comparison[] }> = [{ allOf: [] }];
  let i = 0;
  const fail = (reason: string, at: Token | undefined): Parsed<Condition> => ({
    ok: false,
    problems: [{ reason, offset: at?.offset ?? text.trimEnd().length }],
  });
  if (tokens.length === 0) return fail('Unexpected empty condition, expected a comparison such as `rapport >= 3`', undefined);
  const quote = quoteIn(tokens);
  if (quote) {
    const unquoted = withoutQuotes(text);
    return fail(`Unexpected ${quoteName(quote.text)} \`${quote.text}\`: conditions take no quotes, expected ${parseCondition(unquoted).ok ? `\`${unquoted}\`` : 'a comparison such as `rapport >= 3`'}`, quote);
  }
  // Brackets are a natural thing to try, and version 1 has none: say so, and what to write instead.
  const bracket = tokens.find((t) => t.text === '(' || t.text === ')');
  if (bracket) {
    const unbracketed = text.replace(/[()]/g, ' ').replace(/\s+/g, ' ').trim();
    // Without brackets the meaning only stays the same when `and` and `or` are not mixed.
    const joiners = new Set(tokens.filter((t) => /^(and|or)$/i.test(t.text)).map((t) => t.text.toLowerCase()));
    const instead = joiners.size < 2 && parseCondition(unbracketed).ok ? `: write \`${unbracketed}\`` : ', such as `rapport >= 3 and trust > 1 or readiness == 5`';
    return fail(`Unexpected \`${bracket.text}\`: conditions have no brackets, expected comparisons joined by \`and\` or \`or\` (\`and\` binds tighter)${instead}`, bracket);
  }
  for (;;) {
    const variable = tokens[i];
    const operator = tokens[i + 1];
    const value = tokens[i + 2];
    if (variable?.kind !== 'word' || /^(and|or)$/i.test(variable.text)) {
      return fail(`Unexpected ${describe(variable)}, expected a variable name`, variable);
    }
    const spaced = spacedName(tokens, i);
    if (spaced) return fail(spaced, variable);
    const after = tokens[i + 2];
    if (operator?.text === '=' && (after?.text === '>' || after?.text === '<') && after.offset === operator.offset + 1) {
      // `=>` and `=<` read naturally, but the format writes the comparison first.
      return fail(`Unexpected \`=${after.text}\`, expected \`${after.text}=\``, operator);
    }
    if (operator === undefined || !comparisonOperators.has(operator.text)) {
      const hint = operator?.text === '=' ? ' (use `==` to compare)' : '';
      return fail(`Unexpected ${describe(operator)}, expected one of \`>=\`, \`<=\`, \`>\`, \`<\`, \`==\`, \`!=\`${hint}`, operator);
    }
    if (value?.kind !== 'number') {
      return fail(`Unexpected ${describe(value)}, expected a whole number`, value);
    }
    const number = numberOf(value);
    if ('problem' in number) return { ok: false, problems: [number.problem] };
    anyOf.at(-1)!.allOf.push({ variable: variable.text, operator: operator.text as ComparisonOperator, value: number.value });
    const joiner = tokens[i + 3];
    if (joiner === undefined) return { ok: true, value: { anyOf } };
    const word = joiner.text.toLowerCase();
    if (word === 'or') anyOf.push({ allOf: [] });
    else if (word !== 'and') {
      return fail(`Unexpected ${describe(joiner)}, expected \`and\`, \`or\` or the end of the condition`, joiner);
    }
    i += 4;
  }
}

/** Parses effects such as `rapport +1, readiness -2, trust = 0`. */
export function parseEffects(text: string): Parsed<Effect[]> {
  const tokens = tokenize(text);
  const effects: Effect[] = [];
  const problems: GrammarProblem[] = [];
  let i = 0;
  while (i < tokens.length) {
    const start = i;
    while (i < tokens.length && tokens[i]!.text !== ',') i++;
    const part = tokens.slice(start, i);
    i++; // past the comma
    const [variable, first, second, extra] = part;
    const expected = 'expected an effect such as `rapport +1`, `rapport -2` or `rapport = 0`';
    if (variable === undefined) {
      problems.push({ reason: `Unexpected empty effect, ${expected}`, offset: tokens[start - 1]?.offset ?? 0 });
      continue;
    }
    if (variable.kind !== 'word') {
      problems.push({ reason: `Unexpected ${quoteName(variable.text) ? `${quoteName(variable.text)} \`${variable.text}\`: effects take no quotes` : `\`${variable.text}\``}, ${expected}`, offset: variable.offset });
      continue;
    }
    const spaced = spacedName(part, 0);
    if (spaced) {
      problems.push({ reason: spaced, offset: variable.offset });
      continue;
    }
    const quote = quoteIn(part);
    if (quote) {
      problems.push({ reason: `Unexpected ${quoteName(quote.text)} \`${quote.text}\`: effects take no quotes, ${expected}`, offset: quote.offset });
      continue;
    }
    let written: { kind: Effect['kind']; number: Token; sign?: string } | undefined;
    let end = 2;
    if (first?.kind === 'number' && /^[+-]/.test(first.text)) {
      written = { kind: 'add', number: first };
    } else if ((first?.text === '+' || first?.text === '-') && second?.kind === 'number' && !/^[+-]/.test(second.text)) {
      written = { kind: 'add', number: second, sign: first.text };
      end = 3;
    } else if (first?.text === '=' && second?.kind === 'number') {
      written = { kind: 'set', number: second };
      end = 3;
    }
    const number = written && numberOf(written.number, written.sign);
    if (number && 'problem' in number) {
      problems.push(number.problem);
      continue;
    }
    const effect: Effect | undefined = written && number && { variable: variable.text, kind: written.kind, value: number.value };
    if (effect === undefined) {
      const at = first ?? variable;
      const hint = first?.kind === 'number' ? ` (write \`${variable.text} +${first.text}\` to add or \`${variable.text} = ${first.text}\` to set)` : '';
      problems.push({ reason: `Unexpected ${first ? `\`${first.text}\`` : 'end of effect'} after \`${variable.text}\`, ${expected}${hint}`, offset: at.offset });
      continue;
    }
    const after = part[end] ?? (end === 2 ? second : extra);
    if (after !== undefined) {
      problems.push({ reason: `Unexpected \`${after.text}\`, expected \`,\` between effects`, offset: after.offset });
      continue;
    }
    effects.push(effect);
  }
  if (tokens.length === 0) problems.push({ reason: 'Unexpected empty `set`, expected an effect such as `rapport +1`', offset: 0 });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: effects };
}

/** Whether a condition holds for the given variable values. */
export function holds(condition: Condition, variables: Variables): boolean {
  return condition.anyOf.some(({ allOf }) => allOf.every((c) => compare(variables[c.variable] ?? 0, c.operator, c.value)));
}

function compare(left: number, operator: ComparisonOperator, right: number): boolean {
  switch (operator) {
    case '>=': return left >= right;
    case '<=': return left <= right;
    case '>': return left > right;
    case '<': return left < right;
    case '==': return left === right;
    case '!=': return left !== right;
  }
}

/** The variables after applying effects in order. */
export function applyEffects(variables: Variables, effects: readonly Effect[]): Variables {
  if (effects.length === 0) return variables;
  const next: Record<string, number> = { ...variables };
  for (const effect of effects) {
    next[effect.variable] = effect.kind === 'add' ? (next[effect.variable] ?? 0) + effect.value : effect.value;
  }
  return next;
}

/** Every variable a condition or effect list mentions. */
export function variablesOf(item: Condition | readonly Effect[]): string[] {
  return 'anyOf' in item ? item.anyOf.flatMap(({ allOf }) => allOf.map((c) => c.variable)) : item.map((e) => e.variable);
}

/** A condition written back in the format's own syntax, for diagrams and messages. */
export function formatCondition(condition: Condition): string {
  return condition.anyOf.map(({ allOf }) => allOf.map((c) => `${c.variable} ${c.operator} ${c.value}`).join(' and ')).join(' or ');
}

/** The values of the variables a condition reads, each once, in the order it names them. */
export function valuesRead(condition: Condition, variables: Variables): Variables {
  return Object.fromEntries(variablesOf(condition).map((name) => [name, variables[name] ?? 0]));
}

/**
 * Whether a condition holds, in words, with the values it read, for a trainer asking why a run
 * went where it did: "`rapport >= 3` does not hold (rapport = 2)".
 */
export function explainCondition(condition: Condition, variables: Variables): string {
  const values = Object.entries(valuesRead(condition, variables)).map(([name, value]) => `${name} = ${value}`);
  return `\`${formatCondition(condition)}\` ${holds(condition, variables) ? 'holds' : 'does not hold'} (${values.join(', ')})`;
}

/** Effects written back in the format's own syntax. */
export function formatEffects(effects: readonly Effect[]): string {
  return effects
    .map((e) => (e.kind === 'set' ? `${e.variable} = ${e.value}` : `${e.variable} ${e.value < 0 ? '-' : '+'}${Math.abs(e.value)}`))
    .join(', ');
}

/**
 * A `checks:` state expectation for one variable: `">= 3"` (any comparison without the variable
 * name), or a bare whole number meaning `== n`.
 */
export function parseStateExpectation(variable: string, written: string | number): Parsed<Condition> {
  const text = typeof written === 'number' ? `== ${written}` : written.trim();
  const parsed = parseCondition(`${variable} ${text}`);
  if (parsed.ok) return parsed;
  if (/^[“”‘’].*[“”‘’]$/.test(text) && parseCondition(`${variable} ${withoutQuotes(text)}`).ok) {
    return { ok: false, problems: [{ reason: `Unexpected curly quotes around \`${withoutQuotes(text)}\` for \`${variable}\`: YAML reads only straight quotes as quotes, expected \`"${withoutQuotes(text)}"\``, offset: 0 }] };
  }
  return {
    ok: false,
    problems: [{ reason: `Unexpected \`${text}\` for \`${variable}\`, expected a comparison such as \`">= 3"\` or \`"== 0"\``, offset: 0 }],
  };
}
