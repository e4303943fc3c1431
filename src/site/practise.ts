/** Which scenarios practise a module, for the closing list on its page. */

/** The bits of a scenario this needs: its id and the modules its front matter names. */
export interface ScenarioModules {
  readonly id: string;
  readonly modules: readonly string[];
}

/**
 * The scenarios that practise a module: those the module lists in its own `scenarios:`, in its
 * order, then every other scenario whose `modules:` names the module, in catalogue order. Each once.
 */
export function scenariosPractising<T extends ScenarioModules>(moduleId: string, listed: readonly string[], scenarios: readonly T[]): T[] {
  const byId = new Map(scenarios.map((scenario) => [scenario.id, scenario]));
  const chosen = listed.flatMap((id) => byId.get(id) ?? []);
  for (const scenario of scenarios) if (scenario.modules.includes(moduleId) && !chosen.includes(scenario)) chosen.push(scenario);
  return chosen;
}
