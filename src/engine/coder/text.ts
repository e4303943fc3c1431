/**
 * How the coder reads a reply as typed: one normal spelling (curly quotes, text-speak and common
 * slips mended), split into the parts MITI would code one by one, and into words and word stems.
 */
import { stemmer } from 'stemmer';

/** Longer replies are read to here: nobody types more in one turn, and every step stays linear. */
export const maxReplyLength = 2000;

/**
 * Text-speak and slips that trainees type, as the words they stand for. Only whole words that
 * cannot mean anything else in a coach's reply are mended ("r" and "u" alone are always "are"
 * and "you" here).
 */
const spellings: ReadonlyMap<string, string> = new Map([
  ['u', 'you'], ['ya', 'you'], ['yu', 'you'], ['r', 'are'], ['ur', 'your'], ['youre', "you're"], ['wat', 'what'],
  ['wut', 'what'], ['wht', 'what'], ['hw', 'how'], ['im', "i'm"], ['ive', "i've"], ['id', "i'd"],
  ['dont', "don't"], ['doesnt', "doesn't"], ['didnt', "didn't"], ['cant', "can't"], ['wont', "won't"],
  ['isnt', "isn't"], ['arent', "aren't"], ['wasnt', "wasn't"], ['havent', "haven't"], ['shouldnt', "shouldn't"],
  ['wouldnt', "wouldn't"], ['couldnt', "couldn't"], ['thats', "that's"], ['whats', "what's"], ['its', "it's"],
  ['theres', "there's"], ['lets', "let's"], ['hows', "how's"], ['youve', "you've"], ['youd', "you'd"],
  ['youll', "you'll"], ['pls', 'please'], ['plz', 'please'], ['thx', 'thanks'], ['ty', 'thanks'], ['ok', 'okay'],
  ['k', 'okay'], ['kk', 'okay'], ['ppl', 'people'], ['abt', 'about'], ['bc', 'because'], ['cuz', 'because'],
  ['coz', 'because'], ['cos', 'because'], ['tho', 'though'], ['gonna', 'going to'], ['wanna', 'want to'],
  ['gotta', 'got to'], ['dunno', "don't know"], ['sth', 'something'], ['smth', 'something'], ['w/', 'with'],
  ['tmrw', 'tomorrow'], ['2day', 'today'], ['b4', 'before'], ['recieve', 'receive'],
  ['beleive', 'believe'], ['definately', 'definitely'], ['alot', 'a lot'], ['feelin', 'feeling'], ['goin', 'going'],
]);

/** The reply in one normal spelling: straight quotes, single spaces, text-speak written out, lower case. */
export function normalise(text: string): string {
  return text
    .slice(0, maxReplyLength)
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/[a-z0-9/']+/g, (word) => spellings.get(word) ?? word);
}

/** One sentence of a reply, as written, and whether it was closed with a question mark. */
export interface Part {
  /** The part in normal spelling, without its closing mark. */
  readonly text: string;
  /** The part as typed, for quoting back to the trainee. */
  readonly original: string;
  readonly asked: boolean;
}

/**
 * The sentences of a reply: MITI codes each utterance, and a reply like "You sound tired. What
 * would help?" is two. Split after `.`, `!`, `?` (or a line break) where a new sentence starts.
 */
export function splitParts(text: string): Part[] {
  const typed = text.slice(0, maxReplyLength).replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');
  const pieces = typed.split(/(?<=[.!?…]["')\]]?)\s+|\s*\n+\s*/u);
  const parts: Part[] = [];
  for (const piece of pieces) {
    const original = piece.trim();
    const text = normalise(original).replace(/[\s.!?…"')\]]+$/u, '');
    if (!/[a-z0-9]/.test(text)) continue;
    parts.push({ text, original, asked: /\?["')\]]*\s*$/u.test(original) });
  }
  return parts;
}

/** The words of normalised text, apostrophes kept ("don't", "you're"). */
export function words(text: string): string[] {
  return text.match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? [];
}

/** Words that carry little meaning of their own, left out when comparing a reply with the person's line. */
export const stopWords: ReadonlySet<string> = new Set(
  ("a an the and or but so if then than that this these those it it's its i i'm i've i'd me my mine you you're you've " +
    "your yours we us our he she they them their his her him is are was were be been being am do does did doing have has had " +
    "having to of in on at for with about from by as into out up down over just really very quite too also not no yes " +
    "don't can't won't okay oh well like what how why when where who which there here all some any more most much can could " +
    "would should will shall may might must get got go going know think feel say said").split(' '),
);

/** A word's stem, so that "feel", "feeling" and "feels" count as one. */
export function stem(word: string): string {
  return stemmer(word.replace(/'.*$/, ''));
}

/** The stems of the content words of normalised text. */
export function contentStems(text: string): Set<string> {
  return new Set(words(text).filter((word) => !stopWords.has(word) && word.length > 2).map(stem));
}
