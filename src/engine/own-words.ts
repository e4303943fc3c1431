/**
 * Practising in your own words: the trainee writes a reply before seeing the options, the coder
 * codes it, and the trainee then picks the written option closest to it, so every path stays one
 * the trainer wrote and tested. This module is what such a reply *is* wherever it is shown or
 * kept: the record of one reply, the codes in plain words for the trainee's own call, the option
 * closest to what they wrote (`closestOption`, which comes with the coder), and the summary of their
 * replies. It does not load the coder: the pages that code replies fetch it only when the mode is on.
 */
import { findBehaviourCode, type BehaviourCode } from './behaviour-codes.ts';
import { codeNames, groupOf, type CodeName } from './coder/codes.ts';
import { linesAt, type Run } from './run.ts';
import { summarise, type MitiSummary } from './score.ts';

/** One reply the trainee wrote at a step, with how the coder read it and how they read it themselves. */
export interface OwnReply {
  /** What they wrote, as typed. */
  readonly text: string;
  /** The coder's code. */
  readonly code: CodeName;
  /** The coder's confidence, 0 to 1. */
  readonly confidence: number;
  /** What the trainee thought it was, when they said; `unsure` when they said they were not sure. */
  readonly own?: CodeName | 'unsure';
}

/** The codes in the words a trainee would use, for saying what kind of reply they think they wrote. */
export const plainCodeNames: Readonly<Record<CodeName, string>> = {
  'Open question': 'a question they can answer freely',
  'Closed question': 'a yes-or-no or short-answer question',
  'Simple reflection': 'saying back what they said',
  'Complex reflection': 'saying back what they meant',
  Summary: 'pulling together what they have said',
  Affirm: 'naming a strength of theirs',
  'Seeking collaboration': 'asking their view or permission',
  'Emphasizing autonomy': 'leaving the choice with them',
  'Giving information': 'giving information',
  'Persuade with permission': 'advice they asked for or agreed to hear',
  Persuade: 'advice, or trying to convince them',
  Confront: 'disagreeing, warning or telling them off',
  none: 'none of these',
};

/** How the trainee's own call compares with the coder's: the same code, the same MITI group, or another. */
export function compareCalls(reply: OwnReply): 'same' | 'same group' | 'different' | undefined {
  if (!reply.own || reply.own === 'unsure') return undefined;
  if (reply.own === reply.code) return 'same';
  return groupOf(reply.own) === groupOf(reply.code) ? 'same group' : 'different';
}

/**
 * Whom a reply at a stop of the run answers, and what they last said there: the first speaker of
 * the node settled on (else of the lines shown on the way, else the persona), and that person's
 * last line as Markdown, which a reflection says back. The player and the terminal both ask here.
 */
export function replyTo(run: Run, stopIndex: number = run.stops.length - 1): { person: string; said: string } {
  const node = run.scenario.nodes.find((candidate) => candidate.id === String(run.stops[stopIndex]!.snapshot.value));
  const shown = linesAt(run, stopIndex).filter((line) => line.speaker);
  const person = node?.lines.find((line) => line.speaker)?.speaker ?? shown[0]?.speaker ?? run.scenario.meta.persona.name;
  const said = shown.filter((line) => line.speaker === person).at(-1) ?? shown.at(-1);
  return { person, said: said?.markdown ?? '' };
}

/** "You wrote 3 replies: 1 open question, …": what a summary of own words counts, in one sentence. */
export function ownWordsSentence(summary: ReturnType<typeof ownWordsSummary>): string {
  const counted = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  return `You wrote ${counted(summary.coded + summary.uncoded, 'reply', 'replies')}: ${counted(summary.openQuestions, 'open question', 'open questions')}, ${counted(summary.closedQuestions, 'closed question', 'closed questions')}, ${counted(summary.reflections, 'reflection', 'reflections')}, ${summary.miAdherent} MI-adherent and ${summary.miNonAdherent} MI non-adherent.`;
}

/** How a reply read, in a sentence or two: the coder's code, then the trainee's own call where they made one. */
export function readAs(reply: OwnReply, who = 'You'): string {
  const coded = reply.code === 'none' ? 'Read by the coder as nothing MITI codes.' : `Read by the coder as ${reply.code} (${plainCodeNames[reply.code]}).`;
  if (reply.own === undefined) return coded;
  const subject = who === 'You' ? 'You' : who;
  if (reply.own === 'unsure') return `${coded} ${subject} ${who === 'You' ? 'were' : 'was'} not sure what kind of reply it was.`;
  const verdict = { same: 'the same', 'same group': 'the same family, another kind', different: 'a different reading' }[compareCalls(reply)!];
  return `${coded} ${subject} called it ${plainCodeNames[reply.own]} (${reply.own}): ${verdict}.`;
}

/** The MITI-style summary of the replies a trainee wrote, as the coder read them (`none` is not counted). */
export function ownWordsSummary(replies: readonly (OwnReply | null | undefined)[]): MitiSummary & { readonly openQuestions: number; readonly closedQuestions: number; readonly uncoded: number } {
  const coded = replies.flatMap((reply) => (reply ? [reply.code] : []));
  const codes = coded.flatMap((code) => {
    const found = findBehaviourCode(code);
    return found ? [found] : ([] as BehaviourCode[]);
  });
  return {
    ...summarise(codes, 'own words'),
    openQuestions: coded.filter((code) => code === 'Open question').length,
    closedQuestions: coded.filter((code) => code === 'Closed question').length,
    /** Replies written that MITI gives no code ("ok", a farewell). */
    uncoded: coded.length - codes.length,
  };
}

/**
 * What the trainee most often meant but the coder read differently, across replies where they made
 * their own call: "you often meant a reflection that read as a question". Most frequent first.
 */
export function oftenMisread(replies: readonly (OwnReply | null | undefined)[], limit = 3): { meant: CodeName; read: CodeName; times: number }[] {
  const counts = new Map<string, number>();
  for (const reply of replies) {
    if (!reply?.own || reply.own === 'unsure' || reply.own === reply.code) continue;
    const key = `${reply.own}\u0000${reply.code}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .map(([key, times]) => {
      const [meant, read] = key.split('\u0000') as [CodeName, CodeName];
      return { meant, read, times };
    })
    .sort((a, b) => b.times - a.times || codeNames.indexOf(a.meant) - codeNames.indexOf(b.meant))
    .slice(0, limit);
}
