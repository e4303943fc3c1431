/**
 * The sizes a room keeps to, in one small file with no imports, so that a phone's page can use
 * them without loading the saved room's schema (schema.ts re-exports them).
 */

/** How many people one room takes until the facilitator lets more in. */
export const maxPlayers = 40;

/** The most people the facilitator can let into one room: a hall, not a stadium. */
export const playerCeiling = 200;

/** The longest name a player may give. */
export const maxPlayerName = 40;

/** The longest reply a player may type, in characters (as a text box counts them). */
export const maxReplyLength = 1000;

/** The largest count of votes from people without a phone for one option: more than any room holds. */
export const maxCount = 1000;

/**
 * What a phone sends as its player id with a reply: its own random id, never its name, so the
 * room keeps replies without knowing who typed them. Letters, digits, `-` and `_`.
 */
export const playerIdPattern = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The largest scenario file a room may be opened for (uploaded to a hosted server, or given to
 * `coach group`): the course's longest scenario is under a quarter of this. The room keeps the file
 * in its record and writes it with every change, so the cap is well below `coach lint`'s 1 MB.
 */
export const maxUploadBytes = 200 * 1024;

/** Why a file over {@link maxUploadBytes} is refused, with what to do: said by the organiser's page before sending, and by the server. */
export function tooLargeSentence(fileName: string | undefined, bytes: number | undefined): string {
  const what = fileName ? `\`${fileName}\`` : 'The scenario file';
  const size = bytes === undefined ? 'is too large' : `is ${Math.ceil(bytes / 1024)} KB`;
  return `${what} ${size}: a scenario file may be at most ${maxUploadBytes / 1024} KB here. Is it the right file? A scenario that long is better split into two.`;
}
