/**
 * A course's own vocabulary file (`scenarios/vocabulary.yaml`): skills and tags that trainers add
 * to the built-in lists without a developer, each an id and the label trainees see:
 *
 *   skills:
 *     peer-led-groups: Running peer-led groups
 *   tags:
 *     employment: Work and employment
 *
 * Read and checked here, its own mistakes recorded on its file with their line and column, like a
 * scenario's; what is valid is added to the built-in lists, for `coach lint`, the site and the studio.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Pair } from 'yaml';
import type { VFile } from 'vfile';
import { report } from './diagnostics.ts';
import { toTermId } from './front-matter-schema.ts';
import { didYouMean } from './suggest.ts';
import type { Point, Span } from './types.ts';
import { builtInVocabulary, type Term, type Vocabulary } from './vocabulary.ts';

/** The file's name in the scenarios folder. */
export const vocabularyFileName = 'vocabulary.yaml';

const kinds = ['skills', 'tags'] as const;
type Kind = (typeof kinds)[number];
const singular: Record<Kind, string> = { skills: 'skill', tags: 'tag' };
/** Term ids as the vocabularies spell them. */
const termIdPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Reads a vocabulary file, recording its mistakes on it; returns the built-in vocabulary with its valid terms added. */
export function readVocabularyFile(file: VFile): Vocabulary {
  const lineCounter = new LineCounter();
  const yamlDocument = parseDocument(String(file.value), { prettyErrors: false, uniqueKeys: true, lineCounter });
  const point = (offset: number): Point => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const span = (range: readonly [number, number, number?] | null | undefined): Span | Point => (range ? { start: point(range[0]), end: point(range[1]) } : { line: 1, column: 1 });
  for (const error of yamlDocument.errors) {
    const duplicate = error.code === 'DUPLICATE_KEY';
    report(file, duplicate ? 'Unexpected second line for the same id, expected each id once: remove one of them' : `Unexpected YAML in the vocabulary file: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`, span(error.pos), 'vocabulary');
  }
  if (yamlDocument.errors.length > 0) return builtInVocabulary;
  const added: Record<Kind, Term[]> = { skills: [], tags: [] };
  const root = yamlDocument.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return builtInVocabulary;
  if (!isMap(root)) {
    report(file, 'Unexpected vocabulary file that is not `skills:` and `tags:`, expected `skills:` and `tags:` lines, each with `id: Label` lines indented under it', span(root.range), 'vocabulary');
    return builtInVocabulary;
  }
  for (const pair of root.items as Array<Pair<unknown, unknown>>) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const keyPlace = span(isScalar(pair.key) ? pair.key.range : undefined);
    if (!(kinds as readonly string[]).includes(key)) {
      report(file, `Unexpected key \`${key}\`, expected \`skills\` or \`tags\`${didYouMean(key, kinds)}`, keyPlace, 'vocabulary', { expected: [...kinds] });
      continue;
    }
    const kind = key as Kind;
    const value = pair.value;
    if (value === null || (isScalar(value) && (value.value === null || value.value === ''))) continue;
    if (!isMap(value)) {
      const written = isSeq(value) ? 'list' : isScalar(value) ? `value \`${String(value.value)}\`` : 'map';
      report(file, `Unexpected ${written} under \`${kind}\`, expected one \`id: Label\` line for each ${singular[kind]}, indented under \`${kind}:\`, such as \`  peer-led-groups: Running peer-led groups\``, span((value as { range?: [number, number, number] }).range), 'vocabulary');
      continue;
    }
    for (const item of value.items as Array<Pair<unknown, unknown>>) {
      const term = readTerm(file, kind, item, span, added[kind]);
      if (term) added[kind].push(term);
    }
  }
  return { skills: [...builtInVocabulary.skills, ...added.skills], tags: [...builtInVocabulary.tags, ...added.tags] };
}

/** One `id: Label` line, checked: a valid id, not built in or written twice, and a label. */
function readTerm(file: VFile, kind: Kind, item: Pair<unknown, unknown>, span: (range: readonly [number, number, number?] | null | undefined) => Span | Point, earlier: readonly Term[]): Term | undefined {
  const id = isScalar(item.key) ? String(item.key.value) : '';
  const idPlace = span(isScalar(item.key) ? item.key.range : undefined);
  const label = isScalar(item.value) && typeof item.value.value === 'string' ? item.value.value.trim() : '';
  if (!termIdPattern.test(id)) {
    const suggested = toTermId(id);
    report(file, `Unexpected ${singular[kind]} id \`${id}\`, expected lower-case letters, digits and hyphens${termIdPattern.test(suggested) ? `, such as \`${suggested}\`` : ''} (the label after the colon is what trainees see)`, idPlace, 'vocabulary');
    return undefined;
  }
  const builtIn = builtInVocabulary[kind].find((term) => term.id === id);
  if (builtIn) {
    report(file, `Unexpected ${singular[kind]} \`${id}\`, which is built in already (shown as “${builtIn.label}”), expected a new one: remove this line`, idPlace, 'vocabulary');
    return undefined;
  }
  if (earlier.some((term) => term.id === id)) return undefined;
  if (label === '') {
    report(file, `Unexpected ${isScalar(item.value) && item.value.value !== null ? `value \`${String(item.value.value)}\`` : 'empty label'} for \`${id}\`, expected the words trainees see, after the colon: \`${id}: ${id.charAt(0).toUpperCase()}${id.slice(1).replace(/-/g, ' ')}\``, label === '' && isScalar(item.value) && item.value.value !== null ? span(item.value.range) : idPlace, 'vocabulary');
    return undefined;
  }
  return { id, label };
}
