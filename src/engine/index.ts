/**
 * The scenario engine: what a scenario file means. Pure TypeScript with no Node, DOM, React, Ink or
 * Astro imports, so the site, the terminal runner and the tests run the same code.
 */
export { behaviourCodes, findBehaviourCode, type BehaviourCode, type MitiGroup, type SummaryCategory } from './behaviour-codes.ts';
export { formatCondition, formatEffects, holds, type Condition, type Effect, type Variables } from './condition.ts';
export { compileScenario, type ScenarioEvent, type ScenarioMachine } from './compile.ts';
export { hasErrors, messageSource, type Severity } from './diagnostics.ts';
export { explorationStepCap, type Exploration, type TransitionRef } from './explore.ts';
export { idPattern, levels, outcomes, type FrontMatter, type Outcome, type Persona } from './front-matter-schema.ts';
export { lintScenario, type LintOptions, type LintResult } from './lint.ts';
export * from './run.ts';
export { summarise, summaryDisclaimer, summaryRows, thresholds, type MitiSummary, type Rating, type SummaryRow } from './score.ts';
export type * from './types.ts';
export { labelOf, skills, tags, type Term } from './vocabulary.ts';
export { personaLines, summaryMarkdown, transcriptMarkdown } from './transcript-markdown.ts';
export { walkPath, type Walk } from './walk.ts';
