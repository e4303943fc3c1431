/**
 * What the statistical model sees of a reply: its words and word pairs, how it starts, its
 * question form, the cues it carries, its length, and how much it shares with the person's line
 * (a reflection mostly says back; new content is more often a question, advice or information).
 * Training (at build time) and coding (on the device) both read a reply through this one function.
 */
import { closedQuestion, cuesIn, notAQuestion, openQuestion } from './cues.ts';
import { contentStems, normalise, splitParts, stem, words, type Part } from './text.ts';

/** Words that name a feeling: a reflection that names one the person did not is leaning complex. */
export const feelingWords: ReadonlySet<string> = new Set(
  ('scared afraid frightened worried anxious nervous angry furious frustrated annoyed sad upset lonely alone ' +
    'overwhelmed exhausted tired drained hopeless helpless stuck trapped ashamed embarrassed guilty hurt ' +
    'relieved proud hopeful excited torn confused lost fed disappointed betrayed rejected invisible ignored ' +
    'unheard dismissed judged pressured powerless small weary low flat numb empty raw').split(' ').map(stem),
);

/** The form of one part of a reply. */
export type QuestionForm = 'open' | 'closed' | 'statement';

/** Whether a part asks, and how: by its first words, or by a question mark alone (a yes/no question). */
export function questionForm(part: Part): QuestionForm {
  if (notAQuestion.test(part.text) && !part.asked) return 'statement';
  // "What you thought of using, is it nearby?": the question is the yes/no one after the comma.
  if (part.asked && /, (?:is|are|was|do|does|did|can|could|would|will) (?:it|they|you|that|there|he|she)\b/.test(part.text)) return 'closed';
  if (openQuestion.test(part.text)) return 'open';
  // "When you've had awkward people before, what worked?": the question word after a lead-in clause.
  if (part.asked && /[,:;] (?:so |and |but )?(?:what|how|why)\b/.test(part.text) && !/[,:;] (?:what|how) (?:about|time|many|much|long|often)\b/.test(part.text) && !/^on a scale\b/.test(part.text)) return 'open';
  // Without a question mark only a verb first ("do you…", "are you…") asks; "and any change…" may be a statement.
  if (closedQuestion.test(part.text)) return part.asked || !/^(?:(?:so|and|but|okay|well|right|then),? )*(?:any|anything|anyone)\b/.test(part.text) ? 'closed' : 'statement';
  return part.asked ? 'closed' : 'statement';
}

const bucket = (value: number, edges: readonly number[]) => edges.findIndex((edge) => value <= edge) + 1 || edges.length + 1;

/** The model's features of a reply (a set of names), given the person's last line if known. */
export function featuresOf(parts: readonly Part[], context = ''): string[] {
  const features = new Set<string>();
  const all = parts.map((part) => part.text).join(' . ');
  const tokens = words(all);
  const stems = tokens.map(stem);
  stems.forEach((word, index) => {
    features.add(`w:${word}`);
    if (index > 0 && tokens[index - 1] !== '.') features.add(`b:${stems[index - 1]}_${word}`);
  });
  parts.forEach((part, index) => {
    const first = words(part.text).slice(0, 2).map(stem);
    const where = index === 0 ? 'first' : index === parts.length - 1 ? 'last' : 'mid';
    features.add(`s:${where}:${first[0]}`);
    if (first[1]) features.add(`s:${where}:${first.join('_')}`);
    const form = questionForm(part);
    features.add(`q:${form}`);
    if (form !== 'statement') features.add(`q:${where}:${form}`);
    if (part.asked) features.add('q:mark');
    for (const cue of cuesIn(part.text)) features.add(`c:${cue.id}`);
  });
  features.add(`n:parts:${Math.min(parts.length, 3)}`);
  // A summary gathers: several clauses, each a thing the person said.
  features.add(`n:clauses:${bucket((all.match(/,| and | but /g) ?? []).length, [0, 1, 3])}`);
  features.add(`n:words:${bucket(tokens.length, [2, 5, 10, 18, 30])}`);
  const you = tokens.filter((word) => /^(?:you|you're|you've|you'd|you'll|your|yourself)$/.test(word)).length;
  const me = tokens.filter((word) => /^(?:i|i'm|i've|i'd|i'll|me|my|myself)$/.test(word)).length;
  features.add(`p:you:${bucket(you, [0, 1, 3])}`);
  features.add(`p:me:${bucket(me, [0, 1, 3])}`);
  if (stems.some((word) => feelingWords.has(word))) features.add('e:feeling');

  // Stage directions, *(She laughs.)*, are not words the person said.
  const said = contentStems(normalise(context.replace(/\*?\([^)]*\)\*?/g, ' ')));
  if (said.size > 0) {
    const own = contentStems(all);
    const shared = [...own].filter((word) => said.has(word)).length;
    features.add(`o:shared:${bucket(own.size === 0 ? 0 : shared / own.size, [0, 0.25, 0.5])}`);
    features.add(`o:new:${bucket(own.size - shared, [0, 2, 5])}`);
    if (stems.some((word) => feelingWords.has(word) && !said.has(word))) features.add('e:new-feeling');
  }
  return [...features];
}

/** The reply's parts and features in one step, as training and coding both need. */
export function readReply(text: string, context = ''): { parts: Part[]; features: string[] } {
  const parts = splitParts(text);
  return { parts, features: featuresOf(parts, context) };
}
