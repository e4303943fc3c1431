/** Facts about the terminal that decide how `coach` prints. */

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
