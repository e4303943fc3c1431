/** The exit codes every `coach` command uses, as its help text documents them. */
export const exitCodes = {
  /** Everything passed. */
  ok: 0,
  /** A problem was found in a scenario, or a run failed. */
  problem: 1,
  /** The command was used wrongly: unknown command or option, bad argument, missing path. */
  usage: 2,
  /** The trainee pressed Ctrl+C: 128 + SIGINT, as shells report an interrupted command. */
  interrupted: 130,
} as const;
