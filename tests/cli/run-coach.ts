import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface CoachResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the bundled `coach` in a subprocess, as CI would: CI=true, no terminal. */
export function coach(args: readonly string[], options: { input?: string; cwd?: string; env?: Record<string, string> } = {}): CoachResult {
  const result = spawnSync(process.execPath, [`${projectRoot}/bin/coach.cjs`, ...args], {
    cwd: options.cwd ?? projectRoot,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', NO_COLOR: '1', ...options.env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Output with every run of whitespace as one space: what was said, whatever the width it was wrapped to. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}
