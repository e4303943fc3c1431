/**
 * The sizes a room keeps to, in one small file with no imports, so that a phone's page can use
 * them without loading the saved room's schema (schema.ts re-exports them).
 */

/** The most people one room takes. */
export const maxPlayers = 40;

/** The longest name a player may give. */
export const maxPlayerName = 40;

/** The longest reply a player may type, in characters (as a text box counts them). */
export const maxReplyLength = 1000;

/** The most replies one step takes: one from each person in a full room. */
export const maxRepliesPerStep = maxPlayers;

/**
 * What a phone sends as its player id with a reply: its own random id, never its name, so the
 * room keeps replies without knowing who typed them. Letters, digits, `-` and `_`.
 */
export const playerIdPattern = /^[A-Za-z0-9_-]{1,64}$/;
