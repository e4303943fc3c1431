/**
 * What a group reads at the end: the engine's debrief (the outcome, the MITI-style summary of the
 * group's choices, each step with a better option where one was really offered), plus how the
 * group voted at each step, the replies typed before the options (with their codes, without
 * names), how often it chose a good move (as the engine's debrief counts them), and prompts to talk
 * over. The group page and the group transcript both render this one model. The coder that codes typed replies is passed in
 * by the page, which loads it only when typed replies are on; without it, replies have no code.
 */
import { debriefOf, isGoodMove, suggestionLead, type Debrief, type Suggestion } from '../engine/debrief.ts';
import { debriefMarkdown, conversationMarkdown, headerMarkdown, notEndedMarkdown } from '../engine/transcript-markdown.ts';
import { codeReplies, type CodedReply, type ReplyCoder } from './replies.ts';
import type { Room } from './room.ts';
import type { GroupRun } from '../progress/schema.ts';
import type { Decider } from './schema.ts';
import { stepAt, type OptionVotes } from './step.ts';
import { nameList } from './turns.ts';

/** One step looked back on, with its votes. */
export interface GroupStep {
  readonly node: string;
  /** Every option offered, with its votes. */
  readonly options: readonly OptionVotes[];
  readonly picked: OptionVotes;
  readonly by: Decider;
  readonly hotSeat?: string;
  /** The replies typed before the options, in the order shown, with their codes. */
  readonly replies: readonly CodedReply[];
  /** The option the engine's debrief points to (a safety step, or a more MI-consistent option), if any. */
  readonly suggestion?: Suggestion;
}

export interface GroupDebrief {
  readonly debrief: Debrief;
  readonly steps: readonly GroupStep[];
  /** Steps at which the group's choice was a good move: MI-consistent, a safety step or a straight answer. */
  readonly goodPicks: number;
  /** Votes cast, and how many of them went to good moves. */
  readonly votes: number;
  readonly goodVotes: number;
  /** Questions for the group to talk over. */
  readonly prompts: readonly string[];
}

/** Each decided step's typed replies, with their codes (none without a coder). */
function repliesOfSteps(room: Room, coder?: ReplyCoder): CodedReply[][] {
  const { context } = room;
  const person = context.run.scenario.meta.persona.name;
  return context.decided.map((_, i) => {
    const step = stepAt(context, i);
    return codeReplies(step.replies, step.lines, person, coder);
  });
}

/** The debrief of a room whose run has ended; undefined before then. */
export function groupDebriefOf(room: Room, coder?: ReplyCoder): GroupDebrief | undefined {
  const { context } = room;
  const debrief = debriefOf(context.run);
  if (!debrief) return undefined;
  const replies = repliesOfSteps(room, coder);
  const steps = debrief.steps.map((engineStep, i): GroupStep => {
    const step = stepAt(context, i);
    const { option: picked, by } = step.decided!;
    return {
      node: step.node,
      options: step.options,
      picked,
      by,
      ...(step.hotSeat ? { hotSeat: step.hotSeat } : {}),
      replies: replies[i] ?? [],
      ...(engineStep.suggestion ? { suggestion: engineStep.suggestion } : {}),
    };
  });
  const allVotes = steps.flatMap((step) => step.options);
  return {
    debrief,
    steps,
    goodPicks: steps.filter((step) => isGoodMove(step.picked.choice)).length,
    votes: allVotes.reduce((sum, option) => sum + option.votes, 0),
    goodVotes: allVotes.filter((option) => isGoodMove(option.choice)).reduce((sum, option) => sum + option.votes, 0),
    prompts: promptsFor(room, steps),
  };
}

/** A few questions from what happened: where the group split, and where a better option was passed by. */
function promptsFor(room: Room, steps: readonly GroupStep[]): string[] {
  const { persona } = room.context.run.scenario.meta;
  const split = steps.map((step, i) => ({ step, number: i + 1 })).filter(({ step }) => step.options.filter((option) => option.votes > 0).length > 1);
  const passedBy = steps.map((step, i) => ({ step, number: i + 1 })).filter(({ step }) => step.suggestion);
  const typed = steps.map((step, i) => ({ step, number: i + 1 })).filter(({ step }) => step.replies.length > 1);
  return [
    'Which moment changed the conversation most, and what did the coach say just before it?',
    ...split.slice(0, 2).map(({ step, number }) => {
      const sides = step.options.filter((option) => option.votes > 0).map((option) => `${option.number} (${option.choice.code.name})`);
      return `At step ${number} the group split between ${nameList(sides)}. What did each side hear in ${persona.name}'s words?`;
    }),
    ...passedBy.slice(0, 2).map(({ step, number }) => `At step ${number} the group chose ${step.picked.choice.code.name}. ${suggestionLead(step.suggestion!)} was “${step.suggestion!.choice.says}” (${step.suggestion!.choice.code.name}). How might ${persona.name} have answered it?`),
    ...typed.slice(0, 1).map(({ step, number }) => `At step ${number} the group typed ${step.replies.length} replies of its own before seeing the options. Which would ${persona.name} have found easiest to answer, and why?`),
    persona.wants
      ? `${persona.name} wants this: “${persona.wants}” Which of the group's choices helped with that, and which got in the way?`
      : `What did ${persona.name} want, in their own words? Which of the group's choices helped with that, and which got in the way?`,
    'Take the step you found hardest and say a reply in your own words. What would you keep, and what would you change?',
  ];
}

/**
 * How the group played, for the progress record of the finished run: the mode, who, the votes at
 * each step by choice number, and the replies typed at each step with their codes, where any were
 * (left out without a coder, as a record keeps only coded replies).
 */
export function groupRunOf(room: Room, coder?: ReplyCoder): GroupRun {
  const { context } = room;
  const votes = context.decided.map((_, i) => Object.fromEntries(stepAt(context, i).options.map((option) => [option.number, option.votes])));
  const replies = coder ? repliesOfSteps(room, coder).map((step) => step.map(({ text, code }) => ({ text, code: code! }))) : [];
  return { mode: context.settings.mode, players: [...context.players], votes, ...(replies.some((step) => step.length > 0) ? { replies } : {}) };
}


/** How the group chose, in one sentence each, for the page and the transcript. */
export function consistencySentences(group: GroupDebrief): string[] {
  return [
    `The group chose an MI-consistent option, a safety step or a straight answer at ${group.goodPicks} of ${group.steps.length} ${group.steps.length === 1 ? 'step' : 'steps'}.`,
    ...(group.votes > 0 ? [`${group.goodVotes} of ${group.votes} ${group.votes === 1 ? 'vote' : 'votes'} went to such options.`] : []),
  ];
}

const voteCount = (n: number) => `${n} ${n === 1 ? 'vote' : 'votes'}`;

/** Who played and how, in one sentence. */
export function playedBySentence(room: Room): string {
  const { players, settings } = room.context;
  const named = players.length > 0 ? nameList(players) : 'a group';
  return settings.mode === 'hot-seat' ? `Played by ${named} in the hot seat, taking turns.` : `Played by ${named}, voting at each step.`;
}

/** The replies typed at a step, for the transcript: the words and code of each, without names. */
function repliesMarkdown(replies: readonly CodedReply[]): string[] {
  if (replies.length === 0) return [];
  return [
    `${replies.length === 1 ? 'A reply' : `${replies.length} replies`} typed before the options (without names):`,
    '',
    ...replies.map((reply) => `- "${asText(reply.text.replace(/\s+/g, ' '))}"${reply.code ? ` (${reply.code === 'none' ? 'nothing MITI codes' : reply.code})` : ''}`),
    '',
  ];
}

/**
 * Players' names and typed replies as plain text in Markdown: a name or reply such as
 * `<img src=x onerror=…>` is shown as it was typed by a viewer that renders HTML in Markdown,
 * never run; `![…](https://…)` and `[…](…)` are shown, never loaded or made links; and a control
 * character (ESC, BEL: a reply may hold them) is shown as U+FFFD, never obeyed by `cat`.
 */
const asText = (text: string) =>
  text
    .replace(/\p{Cc}/gu, '\uFFFD')
    .replace(/[\\[\]]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');

/** The group's run as Markdown, with the players named, the replies typed and the votes at each step. */
export function groupTranscriptMarkdown(room: Room, options: { date?: Date; coder?: ReplyCoder } = {}): string {
  const { run } = room.context;
  const { coder, ...dated } = options;
  const step = (i: number) => stepAt(room.context, i);
  const group = groupDebriefOf(room, coder);
  const replies = repliesOfSteps(room, coder);
  const transcriptOptions = {
    ...dated,
    preface: [asText(playedBySentence(room))],
    coachAt: (i: number) => {
      const seat = step(i).hotSeat;
      return seat ? `${asText(seat)}, in the hot seat` : 'The group';
    },
    beforeChoiceAt: (i: number) => repliesMarkdown(replies[i] ?? []),
    notesAt: (i: number) => {
      const { options: offered, decided } = step(i);
      return [
        `Votes (decided by ${decided?.by ?? 'the group'}):`,
        '',
        ...offered.map((option) => `- ${option.number}. "${option.choice.says}" (${option.choice.code.name}): ${voteCount(option.votes)}${option.index === decided?.option.index ? ', the group\'s choice' : ''}`),
      ];
    },
  };
  const out = [...headerMarkdown(run, transcriptOptions), ...conversationMarkdown(run, transcriptOptions)];
  if (!group) return [...out, ...notEndedMarkdown].join('\n');
  return [
    ...out,
    ...debriefMarkdown(group.debrief),
    '### How the group chose',
    '',
    ...consistencySentences(group).flatMap((sentence) => [sentence, '']),
    '### For discussion',
    '',
    ...group.prompts.map((prompt) => `- ${prompt}`),
    '',
  ].join('\n');
}
