/** Facts about the terminal that decide how `coach` prints, and the one way it prints text for people. */
import { visibleControls } from '../src/node/terminal-text.ts';

/** Whether to print colours: only to a terminal, and never when NO_COLOR is set. */
export function useColor(stream: NodeJS.WriteStream): boolean {
  return Boolean(stream.isTTY) && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
}

/**
 * Whether a screen can draw and wait for keys: stdin and stdout are terminals, and this is not CI.
 * Otherwise commands print plain lines and never wait.
 */
export function isInteractive(): boolean {
  return Boolean(process.stdin.isTTY && process.stdout.isTTY) && !process.env.CI;
}

/** The columns to wrap text to: the terminal's width, or 80 when output goes to a pipe or a file. */
export function terminalWidth(stream: NodeJS.WriteStream = process.stdout): number {
  return stream.isTTY && stream.columns ? stream.columns : 80;
}

/**
 * Prints text for people, to stdout unless told otherwise. Everything a command prints that can
 * hold text from a scenario file goes through here, so escape sequences, bells and title or
 * clipboard writes in a file are shown (␛, ␇), never obeyed.
 */
export function say(text: string, stream: NodeJS.WriteStream = process.stdout): void {
  stream.write(visibleControls(text));
}
