import type { FrontMatter, Level } from '../engine/front-matter-schema.ts';

/** A level as shown: `Beginner`. */
export function levelLabel(level: Level): string {
  return level[0]!.toUpperCase() + level.slice(1);
}

/** Level and estimated time, as shown with every scenario: `Beginner · about 10 minutes`. */
export function scenarioFacts(meta: FrontMatter): string {
  return `${levelLabel(meta.level)}${meta.minutes ? ` · about ${meta.minutes} minutes` : ''}`;
}
