/**
 * Codes one coach reply: the MITI rules first, where the manual gives one (a question is a
 * question; advice without permission is Persuade; labelling is Confront; "it's up to you"
 * emphasises autonomy; "would it be OK if I…" seeks collaboration), then the trained model for
 * the rest (reflection, affirmation, information). A reply of several sentences gets the code of
 * the part the coding rules rank first (`docs/how-the-course-codes-what-you-write.md`), and the
 * reason says which part decided.
 */
import { groupOf, codeNames, type CodeGroup, type CodeName } from './codes.ts';
import { closedQuestion, cues, cuesIn, fillerOnly, matchedWords, openQuestion, type Cue } from './cues.ts';
import { featuresOf, questionForm } from './features.ts';
import { score, type CoderModel } from './model.ts';
import { contentStems, normalise, splitParts, stem, words, type Part } from './text.ts';

/** The coder's answer for one reply. */
export interface Coding {
  /** The most likely code, or `none` where MITI gives no code. */
  readonly code: CodeName;
  /** Its MITI group. */
  readonly group: CodeGroup;
  /** How sure the coder is, 0 to 1. */
  readonly confidence: number;
  /** The next most likely code, where it is close. */
  readonly runnerUp?: { readonly code: CodeName; readonly confidence: number };
  /** Why, in words a trainee understands, quoting the cue that decided. */
  readonly reason: string;
  /** The words of the reply that decided, as typed, where one cue did. */
  readonly cue?: string;
  /** A rule of the MITI manual decided, or the trained model weighed the whole reply. */
  readonly decidedBy: 'rule' | 'model';
  /** For a reply of several sentences: the one that decided. */
  readonly part?: { readonly index: number; readonly of: number; readonly text: string };
  /** For a reflection: whether it leans simple or complex. Only a leaning: trained coders disagree on it. */
  readonly leaning?: 'simple' | 'complex';
  /** For an MI-inconsistent reply, or a closed question: what to try instead. */
  readonly tip?: string;
}

export interface CodeOptions {
  /** The person's last line, which a reflection says back. */
  readonly context?: string;
  /** The person's name, for the reason ("It tells Jordan what to do"); "the person" without one. */
  readonly person?: string;
}

const questions: readonly CodeName[] = ['Open question', 'Closed question'];
/** What may outrank a question in the coding order. */
const aboveQuestions: readonly CodeName[] = ['Confront', 'Persuade', 'Persuade with permission', 'Emphasizing autonomy', 'Seeking collaboration'];
const statements = codeNames.filter((code) => !questions.includes(code));

/** How close a runner-up must be, as a share of the winner's probability, to be named. */
const closeRunnerUp = 0.35;

/** A coder over a trained model: `codeUtterance` with the project's model is this over that. */
export function createCoder(model: CoderModel) {
  return function codeUtterance(text: string, options: CodeOptions = {}): Coding {
    const name = options.person?.trim();
    const person = name || 'the person';
    const context = options.context ?? '';
    const parts = splitParts(text);
    if (parts.length === 0) {
      return { code: 'none', group: 'none', confidence: 1, decidedBy: 'rule', reason: 'There are no words to code yet.' };
    }
    // The person's name alone ("ok Jordan") adds nothing to code.
    const whole = name ? withoutWord(normalise(text), normalise(name)).trim() : normalise(text);
    if (fillerOnly.test(whole)) {
      return {
        code: 'none', group: 'none', confidence: 0.9, decidedBy: 'rule',
        reason: `"${quote(text)}" on its own is a word of acknowledgement, a greeting or a farewell, which MITI does not code.`,
        tip: `Saying back what ${person} just said, in a sentence, keeps them talking and shows you heard.`,
      };
    }
    const features = featuresOf(parts, context);
    const decided = byRule(parts);
    const forms = parts.map(questionForm);
    const asking = forms.map((form, index) => (form === 'statement' ? -1 : index)).filter((index) => index >= 0);

    if (decided) {
      const { probability } = score(model, features);
      const agreement = probability.get(decided.code) ?? 0;
      const confidence = round(0.8 + 0.19 * Math.min(1, agreement * 2));
      return finish({ ...decided, decidedBy: 'rule', confidence, runnerUp: runnerUpOf(probability, decided.code, confidence) });
    }

    if (asking.length > 0) {
      // A question, unless the model hears advice, collaboration or autonomy in it, which MITI ranks above.
      const { probability } = score(model, features, [...questions, ...aboveQuestions]);
      const asQuestion = (probability.get('Open question') ?? 0) + (probability.get('Closed question') ?? 0);
      const [rival, rivalP] = best(probability, aboveQuestions);
      if (rivalP > asQuestion) return finish(fromModel(rival, rivalP, probability));
      const index = asking.at(-1)!;
      const code: CodeName = forms[index] === 'open' ? 'Open question' : 'Closed question';
      const part = parts[index]!;
      const opener = (code === 'Open question' ? openQuestion : closedQuestion).test(part.text);
      return finish({
        code, decidedBy: 'rule', partIndex: index, ...(opener ? { cue: quote(part.original.split(/\s+/).slice(0, 3).join(' ')) } : {}),
        confidence: round(Math.min(0.98, 0.7 + 0.3 * asQuestion)),
        runnerUp: rivalP > closeRunnerUp * asQuestion ? { code: rival, confidence: round(rivalP) } : undefined,
        reason: questionReason(code, part, opener, person),
      });
    }

    const { probability, pull } = score(model, features, statements);
    const strength = affirmation(parts);
    if (strength) {
      // MITI prefers Affirm where a statement could be an affirmation or a reflection.
      const confidence = round(0.75 + 0.2 * Math.min(1, (probability.get('Affirm') ?? 0) * 2));
      return finish({ ...strength, decidedBy: 'rule', confidence, runnerUp: runnerUpOf(probability, 'Affirm', confidence) });
    }
    return finish(fromModel(...whenUnsure(best(probability, statements), probability), probability, pull));

    /** A statement that names a specific strength or effort: an affirmation, as MITI prefers it over a reflection. */
    function affirmation(parts: readonly Part[]) {
      const cue = cues.find((candidate) => candidate.code === 'Affirm')!;
      const index = parts.findIndex((part) => cue.pattern.test(part.text));
      if (index < 0) return undefined;
      const said = matchedWords(cue, parts[index]!.text);
      return { code: 'Affirm' as const, partIndex: index, cue: said, reason: `It ${cue.says.replaceAll('{person}', person)} ("${said}"), so it is an affirmation.` };
    }

    /** The first decisive cue in the coding order, in any part, with what it makes of the reply. */
    function byRule(parts: readonly Part[]): Omit<Decision, 'decidedBy' | 'confidence'> | undefined {
      const found = parts.map((part) => cuesIn(part.text).filter((cue) => cue.decisive && !saidBack(cue, part.text)));
      for (const cue of cues) {
        const index = found.findIndex((list) => list.includes(cue));
        if (index < 0) continue;
        const words = matchedWords(cue, parts[index]!.text);
        if (cue.code === 'Persuade') {
          const softener = parts.flatMap((part) => cuesIn(part.text)).find((other) => ['permission', 'softener', 'autonomy'].includes(other.id));
          if (softener) {
            const where = parts.findIndex((part) => softener.pattern.test(part.text));
            const also = matchedWords(softener, parts[where]!.text);
            return {
              code: 'Persuade with permission', partIndex: index, cue: `${words}… ${also}`,
              reason: `It offers advice ("${words}") and ${softener.id === 'permission' ? 'asks permission' : `leaves ${person} free to take it or not`} ("${also}"), so it is persuading with permission.`,
            };
          }
        }
        return { code: cue.code, partIndex: index, cue: words, reason: ruleReason(cue, words, person) };
      }
      return undefined;
    }

    function fromModel(code: CodeName, p: number, probability: ReadonlyMap<CodeName, number>, pull?: ReturnType<typeof score>['pull']): Decision {
      const shown = pull ? spokenCue(pull(code), parts) : undefined;
      const partIndex = decidingPart(code, parts);
      let leaning: Decision['leaning'];
      let chosen = code;
      let confidence = p;
      if (code === 'Simple reflection' || code === 'Complex reflection') {
        // Say "reflection" with confidence in the group; simple or complex is only a leaning.
        const simple = probability.get('Simple reflection') ?? 0;
        const complex = probability.get('Complex reflection') ?? 0;
        // MITI: simple when unsure between simple and complex, so complex must clearly lead.
        leaning = complex >= simple * 1.5 ? 'complex' : 'simple';
        chosen = leaning === 'complex' ? 'Complex reflection' : 'Simple reflection';
        confidence = simple + complex + (probability.get('Summary') ?? 0) * 0.5;
      }
      return {
        code: chosen, decidedBy: 'model', partIndex, leaning, cue: shown,
        confidence: round(Math.min(0.97, confidence)),
        runnerUp: runnerUpOf(probability, chosen, confidence, leaning ? ['Simple reflection', 'Complex reflection'] : []),
        reason: modelReason(chosen, shown, leaning, person, parts, context),
      };
    }

    function finish(decision: Decision): Coding {
      const { partIndex, ...rest } = decision;
      const part = parts.length > 1 && partIndex !== undefined ? { index: partIndex, of: parts.length, text: parts[partIndex]!.original } : undefined;
      const reason = part ? `${rest.reason} Of its ${parts.length} sentences, "${quote(part.text)}" decided the code.` : rest.reason;
      const tip = tipFor(rest.code, person);
      // The fields in the order a reader of `coach code --json` looks for them.
      return omitUndefined({
        code: rest.code, group: groupOf(rest.code), confidence: rest.confidence, runnerUp: rest.runnerUp, reason,
        cue: rest.cue, decidedBy: rest.decidedBy, part, leaning: rest.leaning, tip,
      }) as Coding;
    }
  };
}

/** Below this, the model is "unsure" in the sense of MITI's decision rules. */
const unsure = 0.7;

/**
 * MITI's rules for an unsure coder, where no cue decided: Giving information over Persuade, and
 * no Confront where it could be a reflection (the disapproval must be plain to count).
 */
function whenUnsure([code, p]: [CodeName, number], probability: ReadonlyMap<CodeName, number>): [CodeName, number] {
  if (p >= unsure) return [code, p];
  const other = (among: readonly CodeName[]) => best(probability, among);
  if (code === 'Confront') {
    const [instead, q] = other(['Simple reflection', 'Complex reflection', 'Summary', 'Persuade', 'Giving information', 'none']);
    if (q > 0.1) return [instead, q];
  }
  if (code === 'Persuade') {
    const [instead, q] = other(['Giving information']);
    if (q > 0.2) return [instead, q];
  }
  return [code, p];
}

interface Decision {
  readonly code: CodeName;
  readonly decidedBy: 'rule' | 'model';
  readonly confidence: number;
  readonly reason: string;
  readonly partIndex?: number;
  readonly cue?: string;
  readonly runnerUp?: { readonly code: CodeName; readonly confidence: number } | undefined;
  readonly leaning?: 'simple' | 'complex' | undefined;
}

/**
 * Advice or a warning inside a reflection ("you feel you have to…") is said back, not given; and
 * an open question about what would help ("what would help you?") asks, it does not advise.
 */
function saidBack(cue: Cue, text: string): boolean {
  if (cue.code !== 'Persuade' && cue.code !== 'Confront') return false;
  const found = cue.pattern.exec(text);
  const asks = /(?:^|[,:;] )(?:(?:so|and|but|okay|well|right),? )*(?:what|how|why|which)\b(?! about\b)/.exec(text);
  if (cue.code === 'Persuade' && found && asks && asks.index < found.index) return true;
  const opener = /(?:^|\s)(?:(?:it )?(?:sounds|seems|feels) (?:like|as if)|so you(?:'re| are)?|you(?:'re| are)? (?:feel|feeling|felt|saying|worried|thinking|think|believe)|part of you|you've been told|being told|hearing|(?:people|everyone|they) (?:keep )?(?:say|saying|says|tell|telling)(?: you)?|everyone(?:'s| is)? (?:telling|says))\b/.exec(text);
  const at = cue.pattern.exec(text);
  return opener !== null && at !== null && opener.index < at.index;
}

function best(probability: ReadonlyMap<CodeName, number>, among: readonly CodeName[]): [CodeName, number] {
  let top: [CodeName, number] = [among[0]!, -1];
  for (const code of among) {
    const p = probability.get(code) ?? 0;
    if (p > top[1]) top = [code, p];
  }
  return top;
}

function runnerUpOf(probability: ReadonlyMap<CodeName, number>, chosen: CodeName, confidence: number, alsoSkip: readonly CodeName[] = []) {
  const [code, p] = best(probability, codeNames.filter((name) => name !== chosen && !alsoSkip.includes(name)));
  return p > 0 && p >= closeRunnerUp * confidence ? { code, confidence: round(p) } : undefined;
}

/** The part of a reply that carries the code the model chose: the one the model scores highest for it. */
function decidingPart(code: CodeName, parts: readonly Part[]): number | undefined {
  if (parts.length < 2) return undefined;
  const kinds = parts.map((part) => cuesIn(part.text).filter((cue) => cue.code === code).length);
  const withCue = kinds.findIndex((count) => count > 0);
  return withCue >= 0 ? withCue : parts.length - 1;
}

/** Cues say most, then word pairs, then single words; structure (length, form) is not quotable. */
const rank = (feature: string) => ({ c: 0, b: 1, w: 2 })[feature.split(':')[0] as 'c' | 'b' | 'w'] ?? 3;

/** The words behind the model's strongest features, as the trainee typed them. */
function spokenCue(pulled: readonly (readonly [string, number])[], parts: readonly Part[]): string | undefined {
  const typed = words(parts.map((part) => part.text).join(' '));
  const byStem = new Map<string, string>();
  for (const word of typed) if (!byStem.has(stem(word))) byStem.set(stem(word), word);
  const ranked = [...pulled].sort(([a], [b]) => rank(a) - rank(b));
  for (const [feature] of ranked.slice(0, 12)) {
    const [kind, value = ''] = feature.split(/:(.*)/s);
    if (kind === 'b') {
      const pair = value.split('_').map((word) => byStem.get(word));
      if (pair.every(Boolean)) return pair.join(' ');
    }
    if (kind === 'w' && value.length > 2 && byStem.has(value)) return byStem.get(value);
    if (kind === 'c') {
      const cue = cues.find((candidate) => candidate.id === value);
      const part = cue && parts.find((candidate) => cue.pattern.test(candidate.text));
      if (cue && part) return matchedWords(cue, part.text);
    }
  }
  return undefined;
}

function ruleReason(cue: Cue, words: string, person: string): string {
  const says = cue.says.replaceAll('{person}', person);
  switch (cue.code) {
    case 'Confront':
      return `It ${says} ("${words}"): labelling, warning, blaming or disapproving counts as Confront, even when it is put as a question.`;
    case 'Persuade':
      return cue.id === 'advice'
        ? `It ${says} without asking first ("${words}"): advice without permission counts as Persuade.`
        : `It ${says} ("${words}"), which counts as Persuade.`;
    case 'Emphasizing autonomy':
      return `It ${says} ("${words}"), so it emphasises autonomy.`;
    default:
      return `It ${says} ("${words}"), so it is seeking collaboration.`;
  }
}

function questionReason(code: CodeName, part: Part, byOpener: boolean, person: string): string {
  const start = quote(part.original.split(/\s+/).slice(0, 3).join(' '));
  if (code === 'Open question') {
    return `It asks ${person} something they can answer in their own words (it starts "${start}"), so it is an open question.`;
  }
  if (byOpener && /^(?:(?:so|and|but|okay|ok|well|right),? )*(?:when|where|who|which|how (?:many|much|long|often))\b/i.test(part.original)) {
    return `It asks for a short fact (it starts "${start}"), so it is a closed question: try starting with What or How.`;
  }
  if (!byOpener && part.asked) {
    return `It ends with a question mark, so ${person} can answer it yes or no: it is a closed question. Without the question mark, said as a statement, it could be a reflection.`;
  }
  return `It can be answered yes or no (it starts "${start}"), so it is a closed question: try starting with What or How.`;
}

function modelReason(code: CodeName, cue: string | undefined, leaning: Decision['leaning'], person: string, parts: readonly Part[], context: string): string {
  const quoted = cue ? ` ("${cue}")` : '';
  switch (code) {
    case 'Simple reflection':
    case 'Complex reflection': {
      const echoed = echoes(parts, context);
      const said = echoed.length > 0 ? ` It picks up ${person}'s ${echoed.map((word) => `"${word}"`).join(' and ')}.` : '';
      const lean = leaning === 'complex'
        ? `It leans complex: it seems to add something ${person} did not say, such as a feeling or a guess at what they mean.`
        : `It leans simple: it stays close to what ${person} said.`;
      return `It says back what ${person} said or meant, as a statement${quoted}, so it is a reflection.${said} ${lean} Trained coders often disagree on simple and complex, so take that as a leaning, not a verdict.`;
    }
    case 'Summary':
      return `It gathers more than one thing ${person} has said${quoted}, so it reads as a summary, a kind of reflection.`;
    case 'Affirm':
      return `It names a strength, effort or quality of ${person}'s${quoted}, so it is an affirmation.`;
    case 'Giving information':
      return `It tells ${person} a fact, or what will happen${quoted}, without telling them what to do, so it is giving information.`;
    case 'Persuade':
      return `It tries to move ${person} towards something${quoted} without asking first, which counts as Persuade.`;
    case 'Persuade with permission':
      return `It offers a view or advice${quoted} while leaving ${person} free to take it or not, so it is persuading with permission.`;
    case 'Confront':
      return `It disagrees with ${person} or shows disapproval${quoted}, which counts as Confront.`;
    case 'Emphasizing autonomy':
      return `It leaves the decision with ${person}${quoted}, so it emphasises autonomy.`;
    case 'Seeking collaboration':
      return `It shares control with ${person}${quoted}, asking what they want or think, so it is seeking collaboration.`;
    case 'none':
      return `It has nothing MITI codes${quoted}: no question, no saying back, no information or advice.`;
    default:
      return `It reads as ${code.toLowerCase()}${quoted}.`;
  }
}

/** What to try instead, for the replies MI would do without (and a closed question, which can close things down). */
function tipFor(code: CodeName, person: string): string | undefined {
  switch (code) {
    case 'Persuade':
      return `You told ${person} what to do. What might you reflect first, or ask before offering advice?`;
    case 'Confront':
      return `That could leave ${person} defending themselves. What could you say back to show you heard them instead?`;
    case 'Closed question':
      return `A closed question gets a short answer. How could you ask it so that ${person} can answer in their own words?`;
    default:
      return undefined;
  }
}

/** Content words of the reply that the person used too, as the trainee typed them. */
function echoes(parts: readonly Part[], context: string): string[] {
  if (!context) return [];
  const said = contentStems(normalise(context));
  const shown: string[] = [];
  for (const word of words(parts.map((part) => part.text).join(' '))) {
    if (word.length > 2 && said.has(stem(word)) && !shown.includes(word) && contentStems(word).size > 0) shown.push(word);
  }
  return shown.slice(0, 2);
}

const round = (value: number) => Math.round(value * 100) / 100;
const quote = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
};
const isWordCharacter = (character: string | undefined) => character !== undefined && /\w/.test(character);
/** Whether a word boundary (as `\b` has it) lies before `text[index]`. */
const boundaryAt = (text: string, index: number) => isWordCharacter(text[index - 1]) !== isWordCharacter(text[index]);

/**
 * The text with each whole-word `word` replaced by a space (what `\bword\b` with the `g` flag
 * finds): the word is the scenario's persona name, and an author's text never becomes a pattern.
 */
function withoutWord(text: string, word: string): string {
  if (word === '') return text;
  let result = '';
  let from = 0;
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    if (at < from || !boundaryAt(text, at) || !boundaryAt(text, at + word.length)) continue;
    result += `${text.slice(from, at)} `;
    from = at + word.length;
  }
  return result + text.slice(from);
}
function omitUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
