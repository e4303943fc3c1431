/**
 * Replies typed during the say-it-your-way pause: what the room keeps of them, and how they are
 * shown. A room keeps them by player id (a phone's own random id), never by name, and shows them
 * without names in an order that is random but the same on every screen and every reload: each
 * reply's label is a hash of the step and its id, and replies are shown in the order of their
 * labels. The labels, not the ids, are what the room's view sends, so nobody reading the view can
 * tell whose reply is whose, nor replace someone else's.
 *
 * Pure, like the rest of the room: the coder that codes a reply is passed in by the page, which
 * loads it only when typed replies are on.
 */
import type { CodeName } from '../engine/coder/codes.ts';
import type { Line } from '../engine/types.ts';
import { maxReplyLength, playerIdPattern } from './limits.ts';

/** The replies typed at one step: player id (or, in the room's view, a label) to the words. */
export type Replies = Readonly<Record<string, string>>;

/** No replies. */
export const noReplies: Replies = {};

/** A reply as the screens show it: its label and words, no name. */
export interface ShownReply {
  /** Stands for the reply in lists and keys; says nothing of who typed it. */
  readonly label: string;
  readonly text: string;
}

/** A reply with the code the coder gave it; no code while the coder is still loading. */
export interface CodedReply {
  readonly text: string;
  readonly code?: CodeName;
}

/**
 * Codes one typed reply: the engine's `codeUtterance`, with the person's last line as context.
 * Pages load the coder only when typed replies are on, and pass it in.
 */
export type ReplyCoder = (text: string, options: { readonly context: string; readonly person: string }) => { readonly code: CodeName };

/** Whether a player id is one a phone may send: 1 to 64 letters, digits, `-` or `_`. */
export const isPlayerId = (id: string): boolean => playerIdPattern.test(id);

/** A typed reply as the room keeps it: trimmed at both ends. */
export const replyText = (text: string): string => text.trim();

/** Whether a reply's words fit: at most {@link maxReplyLength} characters once trimmed. */
export const isReplyText = (text: string): boolean => replyText(text).length <= maxReplyLength;

/** Whether one more reply fits at a step: each player id has one; a step takes one for each person the room lets in. */
export const hasRoomForReply = (replies: Replies, player: string, limit: number): boolean => Object.hasOwn(replies, player) || Object.keys(replies).length < limit;

/** The replies with this player's reply set to `text`, or taken out when `text` is blank. */
export function withReply(replies: Replies, player: string, text: string): Replies {
  const { [player]: _previous, ...others } = replies;
  const words = replyText(text);
  return words === '' ? others : { ...others, [player]: words };
}

/**
 * cyrb53, a small fast string hash (public domain, by bryc): 53 bits as 14 hex digits. Enough to
 * shuffle a few dozen replies and keep ids out of sight; it is not a secret.
 */
function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/**
 * A reply's label at a step (0-based): `~` and a hash of the step and the player id, so the same
 * phone lands in a different place at each step. A label given again is itself.
 */
export function replyLabel(step: number, player: string): string {
  return player.startsWith('~') ? player : `~${hash(`${step}:${player}`)}`;
}

/** The replies of a step in the order they are shown: by label. */
export function repliesInOrder(replies: Replies, step: number): ShownReply[] {
  return Object.entries(replies)
    .map(([player, text]) => ({ label: replyLabel(step, player), text }))
    .sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

/** The replies as the room's view sends them: under their labels, with their words only once shown. */
export function anonymousReplies(replies: Replies, step: number, shown: boolean): Replies {
  return Object.fromEntries(repliesInOrder(replies, step).map(({ label, text }) => [label, shown ? text : '']));
}

/** Scenario Markdown as plain words, as the coder and a phone read it. */
const plain = (markdown: string) => markdown.replace(/[*_`]/g, '');

/** What a reply answers: the last thing someone (not the narrator) said at the step, as plain words. */
export function lastLineOf(lines: readonly Line[]): string {
  const spoken = lines.filter((line) => line.speaker);
  return plain((spoken.at(-1) ?? lines.at(-1))?.markdown ?? '');
}

/** Each reply with its code, given the coder; without one (still loading), the words alone. */
export function codeReplies(replies: readonly ShownReply[], lines: readonly Line[], person: string, coder?: ReplyCoder): CodedReply[] {
  const context = lastLineOf(lines);
  return replies.map(({ text }) => (coder ? { text, code: coder(text, { context, person }).code } : { text }));
}
