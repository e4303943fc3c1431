/** What `coach code` does: code one reply, a stream of JSON lines, or measure the coder. */
import { createInterface } from 'node:readline';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { codeUtterance, type Coding } from '../src/engine/coder/index.ts';
import { safeJson, wrapText } from '../src/node/terminal-text.ts';
import type { CodeCommandOptions } from './commands/code.ts';
import { exitCodes } from './exit-codes.ts';
import { say, terminalWidth } from './terminal.ts';

/** One answer as text for the terminal. */
export function codingText(coding: Coding, width: number): string {
  const lines = [`${coding.code}  (${coding.group}, confidence ${coding.confidence.toFixed(2)})`];
  lines.push(...wrapText(coding.reason, width - 2, 0).map((line) => `  ${line}`));
  if (coding.runnerUp) lines.push(`  Next most likely: ${coding.runnerUp.code} (${coding.runnerUp.confidence.toFixed(2)})`);
  if (coding.tip) lines.push(...wrapText(`Try: ${coding.tip}`, width - 2, 0).map((line) => `  ${line}`));
  return `${lines.join('\n')}\n`;
}

/** Runs `coach code`; returns the exit code. */
export async function codeCommand(reply: string | undefined, options: CodeCommandOptions): Promise<number> {
  if (options.evaluate !== undefined) return evaluate(options.evaluate === true ? undefined : options.evaluate, options.json ?? false);
  if (options.jsonl) return codeLines();
  const coding = codeUtterance(reply ?? '', { context: options.context ?? '', ...(options.person ? { person: options.person } : {}) });
  if (options.json) process.stdout.write(`${safeJson(coding)}\n`);
  else say(codingText(coding, terminalWidth()));
  return exitCodes.ok;
}

/** `--jsonl`: one answer line per input line, in order; a line that cannot be read gets an `error` line. */
async function codeLines(): Promise<number> {
  let status: number = exitCodes.ok;
  let number = 0;
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    number++;
    if (!line.trim()) continue;
    let input: unknown;
    try {
      input = JSON.parse(line);
    } catch (error) {
      status = fail(number, `not JSON (${error instanceof Error ? error.message : String(error)}); write each reply as {"text": "…", "context": "…"}`);
      continue;
    }
    const { text, context, person } = (input ?? {}) as { text?: unknown; context?: unknown; person?: unknown };
    if (typeof text !== 'string') {
      status = fail(number, 'expected "text" to be a string, as in {"text": "what would help?"}');
      continue;
    }
    if ((context !== undefined && typeof context !== 'string') || (person !== undefined && typeof person !== 'string')) {
      status = fail(number, 'expected "context" and "person", where given, to be strings');
      continue;
    }
    process.stdout.write(`${safeJson(codeUtterance(text, { context: context ?? '', ...(person ? { person } : {}) }), 0)}\n`);
  }
  return status;
}

function fail(line: number, problem: string): number {
  process.stdout.write(`${safeJson({ line, error: problem }, 0)}\n`);
  say(`coach code: standard input, line ${line}: ${problem}\n`, process.stderr);
  return exitCodes.problem;
}

async function evaluate(folder: string | undefined, json: boolean): Promise<number> {
  if (folder !== undefined && !(await stat(folder).catch(() => undefined))?.isDirectory()) {
    say(`coach code: cannot find the folder \`${folder}\`; give a folder of scenario files, or nothing for scenarios/\n`, process.stderr);
    return exitCodes.usage;
  }
  const { evaluateCoder, evaluationText } = await import('../scripts/coder/evaluate.ts');
  const result = await evaluateCoder(folder === undefined ? undefined : resolve(folder));
  if (json) process.stdout.write(`${safeJson(result)}\n`);
  else say(evaluationText(result));
  return exitCodes.ok;
}
