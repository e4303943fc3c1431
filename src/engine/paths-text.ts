/**
 * The paths behind each ending in words: what `coach paths` prints and the studio's paths view
 * shows, from the one description, so the two always agree. Pure, like the rest of the engine.
 */
import { formatCount } from './coverage.ts';
import { defaultMaxRuns, type ChoiceRef, type EndingPaths, type Range } from './paths.ts';
import { listed } from './suggest.ts';

/** One ending's paths in sentences, in the order they are read. */
export interface EndingPathsText {
  /** The ending and its outcome: `agrees-to-meet (positive)`. */
  readonly heading: string;
  /** How many runs reach it, in how many ways. */
  readonly runs: string;
  /** What every run that ends here has, one sentence each. */
  readonly shared: readonly string[];
  /** What only some runs that end here have, one sentence each (empty when the runs differ only in their choices). */
  readonly varying: readonly string[];
  /** Each way listed: its title (the nodes it passes), then its steps and the values it ends with. */
  readonly ways: ReadonlyArray<{ readonly title: string; readonly lines: readonly string[] }>;
  /** Which ways are listed, and whether every run was looked through. */
  readonly listed: string;
}

/** How the runs are grouped and where the listing stops: said once, above the endings. */
export function howPathsAreGrouped(ways: number): string {
  return `Runs that pass the same nodes in the same order are one way. For each ending, up to ${ways} ${ways === 1 ? 'way is' : 'ways are'} listed, found by looking through at most ${defaultMaxRuns.toLocaleString('en')} runs (fewer where runs are long), each going round a loop at most once. What every run shares, and what only some runs do, is worked out over every run, listed or not.`;
}

const code = (id: string) => `\`${id}\``;
/** A choice as a way lists it: its number in the node, its code, and its first words. */
const choiceText = (choice: ChoiceRef) => `${choice.number}. ${choice.code} “${shortened(choice.says)}”`;
function shortened(says: string, length = 60): string {
  if (says.length <= length) return says;
  const cut = says.slice(0, length + 1);
  return `${withoutTrailingPunctuation(cut.slice(0, Math.max(cut.lastIndexOf(' '), length / 2)))}…`;
}

/** The text without the spaces and punctuation it ends with; a loop, as `/[\s,;:.]+$/` takes polynomial time on a long run of spaces. */
function withoutTrailingPunctuation(text: string): string {
  let end = text.length;
  while (end > 0 && /[\s,;:.]/.test(text[end - 1]!)) end--;
  return text.slice(0, end);
}
const rangeText = (variables: Readonly<Record<string, Range>>) =>
  Object.entries(variables)
    .map(([name, { min, max }]) => (min === max ? `${name} = ${min}` : `${name} from ${min} to ${max}`))
    .join(', ');

/** One ending's paths in words: how many runs, what they share, where they differ, then each way. */
export function describeEndingPaths(paths: EndingPaths): EndingPathsText {
  const { ending, shared, varying, ways } = paths;
  const runs = paths.runs === 'unbounded' ? 'Endless runs (a loop can go round again and again)' : `${formatCount(paths.runs)} ${paths.runs === 1n ? 'run' : 'runs'}`;
  const waysText = paths.complete ? `${paths.waysFound} ${paths.waysFound === 1 ? 'way' : 'ways'} through the nodes` : `at least ${paths.waysFound} ways through the nodes`;
  const sharedLines = [`passes ${shared.nodes.map(code).join(', ')}`];
  if (shared.codes.length > 0) sharedLines.push(`picks ${listed(shared.codes)} (${shared.codes.length === 1 ? '' : 'each '}at least once)`);
  for (const choice of shared.choices) sharedLines.push(`picks at ${code(choice.node)}: ${choiceText(choice)}`);
  if (Object.keys(shared.variables).length > 0) sharedLines.push(`ends with ${rangeText(shared.variables)}`);
  const varyingLines: string[] = [];
  const onWays = (test: (way: EndingPaths['ways'][number]) => boolean) => {
    const numbers = ways.flatMap((way, i) => (test(way) ? [String(i + 1)] : []));
    return numbers.length === 0 ? 'none of the ways listed' : `${numbers.length === 1 ? 'way' : 'ways'} ${listed(numbers)}`;
  };
  if (varying.nodes.length > 0) varyingLines.push(`pass ${varying.nodes.map((id) => `${code(id)} (${onWays((way) => way.nodes.includes(id))})`).join(', ')}`);
  if (varying.codes.length > 0) varyingLines.push(`pick ${varying.codes.map((name) => `${name} (in ${onWays((way) => way.steps.some((step) => step.choices.some((choice) => choice.code === name)))})`).join(', ')}`);
  const listedRuns = paths.runsLookedAt.toLocaleString('en');
  return {
    heading: `${ending.id} (${ending.outcome})`,
    runs: `${runs} reach this ending, in ${waysText}.`,
    shared: sharedLines,
    varying: varyingLines,
    ways: ways.map((way, i) => ({
      title: `Way ${i + 1} (${way.runs} ${way.runs === 1 ? 'run' : 'runs'}): ${way.nodes.map(code).join(' → ')}`,
      lines: [...way.steps.map((step) => `at ${code(step.node)}: ${step.choices.map(choiceText).join(' or ')}`), ...(Object.keys(way.variables).length > 0 ? [`ends with ${rangeText(way.variables)}`] : [])],
    })),
    listed: paths.complete
      ? `Listed: ${ways.length === paths.waysFound ? (paths.waysFound === 1 ? 'the one way' : paths.waysFound === 2 ? 'both ways' : `all ${paths.waysFound} ways`) : `the first ${ways.length} of the ${paths.waysFound} ways`}, from every run.`
      : `Listed: the first ${ways.length} of the ${paths.waysFound} ways found in the ${listedRuns} runs looked through; ${paths.runs === 'unbounded' ? 'runs that go round a loop again are not looked through' : 'the rest were not looked through'}.`,
  };
}

/** One ending's paths as the lines `coach paths` prints, indented under their headings. */
export function endingPathsLines(text: EndingPathsText): string[] {
  return [
    `## ${text.heading}`,
    text.runs,
    'Every run that ends here:',
    ...text.shared.map((line) => `  ${line}`),
    ...(text.varying.length > 0 ? ['Only some runs that end here:', ...text.varying.map((line) => `  ${line}`)] : []),
    ...text.ways.flatMap((way) => [way.title, ...way.lines.map((line) => `  ${line}`)]),
    text.listed,
  ];
}
