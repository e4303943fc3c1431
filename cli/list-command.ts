/** What `coach list` does. */
import { hasErrors } from '../src/engine/diagnostics.ts';
import { lintScenarioFiles, PathError } from '../src/node/scenario-files.ts';
import { safeJson } from '../src/node/terminal-text.ts';
import { exitCodes } from './exit-codes.ts';
import { say } from './terminal.ts';

export async function listScenarios(json: boolean): Promise<number> {
  let results;
  try {
    results = await lintScenarioFiles([]);
  } catch (error) {
    if (!(error instanceof PathError)) throw error;
    say(`coach: ${error.message}\n`, process.stderr);
    return exitCodes.usage;
  }
  const rows = results.map(({ file, scenario }) => {
    if (hasErrors(file) || !scenario) return { id: file.stem ?? '', ok: false as const };
    const endings = { positive: 0, mixed: 0, negative: 0 };
    for (const node of scenario.nodes) if (node.kind === 'ending') endings[node.outcome]++;
    return { id: scenario.id, ok: true as const, title: scenario.meta.title, level: scenario.meta.level, minutes: scenario.meta.minutes ?? null, nodes: scenario.nodes.length, endings };
  });
  if (json) {
    process.stdout.write(`${safeJson({ scenarios: rows })}\n`);
  } else {
    for (const row of rows) {
      if (!row.ok) {
        say(`${row.id}\n  has errors: run \`coach lint\` to see them\n`);
        continue;
      }
      const endings = `${row.endings.positive} positive, ${row.endings.mixed} mixed, ${row.endings.negative} negative`;
      say(`${row.id}\n  ${row.title}\n  ${row.level}${row.minutes ? ` · ${row.minutes} min` : ''} · ${row.nodes} nodes · endings: ${endings}\n`);
    }
    say(`${rows.length} ${rows.length === 1 ? 'scenario' : 'scenarios'}\n`);
  }
  return rows.every((row) => row.ok) ? exitCodes.ok : exitCodes.problem;
}
