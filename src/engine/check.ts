/**
 * Stage 2, check: every reference in a parsed scenario points at something that exists: targets,
 * variables, the start node, skills, tags, modules, and the nodes and endings named in `checks`.
 */
import type { VFile } from 'vfile';
import { parseStateExpectation } from './condition.ts';
import { report } from './diagnostics.ts';
import type { ParsedScenario } from './parse.ts';
import { closest, didYouMean, quotedList } from './suggest.ts';
import { namedChoice } from './walk.ts';
import { skills as skillTerms, tags as tagTerms, termsByMeaning, type Term } from './vocabulary.ts';

export interface ReferenceOptions {
  /** Ids of the course modules that exist. */
  readonly modules: readonly string[];
  /** The skills vocabulary; the project's own by default. */
  readonly skills?: readonly Term[];
  /** The tag vocabulary; the project's own by default. */
  readonly tags?: readonly Term[];
}

/** Records a problem for every reference that points at nothing. */
export function checkReferences(parsed: ParsedScenario, file: VFile, options: ReferenceOptions): void {
  const { scenario, placeOf, invalidKeys } = parsed;
  const { meta } = scenario;
  const known = parsed.nodeIds;
  const nodeIds = [...known];
  const unknownNode = (id: string, what: string) =>
    `Unexpected ${what} \`${id}\`, expected the id of a node in this file${didYouMean(id, nodeIds)}`;
  const expectedNode = (id: string) => {
    const suggestion = closest(id, nodeIds);
    return suggestion ? [suggestion] : undefined;
  };

  if (meta.start !== undefined && !known.has(meta.start)) {
    report(file, unknownNode(meta.start, 'start node'), placeOf(['start']), 'unknown-start', { expected: expectedNode(meta.start) });
  }
  for (const { target, place } of parsed.targets) {
    if (!known.has(target)) report(file, unknownNode(target, 'target'), place, 'unknown-target', { expected: expectedNode(target) });
  }

  const variables = Object.keys(meta.state);
  const unknownVariable = (name: string) =>
    variables.length === 0
      ? `Unexpected variable \`${name}\`, expected it declared under \`state:\` in the front matter, such as \`state: { ${name}: 0 }\``
      : `Unexpected variable \`${name}\`, expected one declared under \`state:\` (${quotedList(variables)})${didYouMean(name, variables)}`;
  if (!invalidKeys.has('state')) {
    for (const { variable, place } of parsed.variableUses) {
      if (!Object.hasOwn(meta.state, variable)) report(file, unknownVariable(variable), place, 'unknown-variable');
    }
  }

  const skillIds = (options.skills ?? skillTerms).map((term) => term.id);
  const tagIds = (options.tags ?? tagTerms).map((term) => term.id);
  meta.skills.forEach((skill, i) => {
    if (!skillIds.includes(skill)) {
      // A tag written as a skill is in the wrong place, not misspelt: say where it goes.
      const reason = tagIds.includes(skill)
        ? `Unexpected skill \`${skill}\`: it is a tag, which goes under a choice (\`- tags: ${skill}\`), not under \`skills:\`; expected a skill from the project's vocabulary (${quotedList(skillIds)})`
        : `Unexpected skill \`${skill}\`, expected a skill from the project's vocabulary (${quotedList(skillIds)})${didYouMean(skill, skillIds, termsByMeaning)}`;
      report(file, reason, placeOf(['skills', i]), 'unknown-skill', { expected: skillIds });
    }
  });
  const moduleIds = options.modules;
  meta.modules.forEach((id, i) => {
    if (!moduleIds.includes(id)) {
      const hint = moduleIds.length === 0 ? 'expected the id of a course module (there are none yet)' : `expected the id of a course module (${quotedList(moduleIds)})${didYouMean(id, moduleIds)}`;
      report(file, `Unexpected module \`${id}\`, ${hint}`, placeOf(['modules', i]), 'unknown-module', { expected: [...moduleIds] });
    }
  });
  for (const { tag, place } of parsed.tagUses) {
    if (tagIds.includes(tag)) continue;
    const reason = skillIds.includes(tag)
      ? `Unexpected tag \`${tag}\`: it is a skill, which goes in the front matter's \`skills:\` list for the whole scenario, not under a choice's \`tags:\`; expected a tag from the project's vocabulary (${quotedList(tagIds)})`
      : `Unexpected tag \`${tag}\`, expected a tag from the project's vocabulary (${quotedList(tagIds)})${didYouMean(tag, tagIds, termsByMeaning)}`;
    report(file, reason, place, 'unknown-tag', { expected: tagIds });
  }

  reportRouteLoops();

  const nodes = new Map(scenario.nodes.map((node) => [node.id, node]));
  meta.checks.forEach((check, i) => {
    check.path.forEach((step, j) => {
      if (!known.has(step.node)) {
        return report(file, unknownNode(step.node, 'node'), placeOf(['checks', i, 'path', j, ...(step.choice === undefined ? [] : [step.node])], 'key'), 'unknown-target', { expected: expectedNode(step.node) });
      }
      const node = step.choice === undefined ? undefined : nodes.get(step.node);
      const named = node && namedChoice(node, step.choice!);
      if (named && !named.ok) report(file, named.reason, placeOf(['checks', i, 'path', j, step.node]), 'check-choice');
    });
    if (check.ending !== undefined) {
      const ending = scenario.nodes.find((node) => node.id === check.ending);
      if (!ending) report(file, unknownNode(check.ending, 'ending'), placeOf(['checks', i, 'ending']), 'unknown-target', { expected: expectedNode(check.ending) });
      else if (ending.kind !== 'ending') report(file, `Unexpected \`ending: ${check.ending}\`, expected the id of an ending (a node with \`**Outcome:**\`), but \`${check.ending}\` has a list`, placeOf(['checks', i, 'ending']), 'unknown-target');
    }
    for (const [variable, written] of Object.entries(check.state ?? {})) {
      const where = placeOf(['checks', i, 'state', variable]);
      if (!invalidKeys.has('state') && !Object.hasOwn(meta.state, variable)) report(file, unknownVariable(variable), placeOf(['checks', i, 'state', variable], 'key'), 'unknown-variable');
      const parsedExpectation = parseStateExpectation(variable, written);
      if (!parsedExpectation.ok) report(file, parsedExpectation.problems[0]!.reason, where, 'condition');
    }
  });

  /**
   * Routes change no variables, so a run that enters a loop made only of route nodes would follow
   * it for ever (the statechart's eventless transitions never settle). Any such loop is an error.
   */
  function reportRouteLoops() {
    const routeTargets = new Map(
      scenario.nodes.flatMap((node) => (node.kind === 'route' ? [[node.id, node.routes.map((route) => route.target)] as const] : [])),
    );
    const done = new Set<string>();
    // Two routes to the same node (`-> r2 if …`, then `-> r2`) find the same loop twice: say it once.
    const loopsReported = new Set<string>();
    const visit = (id: string, trail: string[]): void => {
      const loopStart = trail.indexOf(id);
      if (loopStart !== -1) {
        const loop = [...trail.slice(loopStart), id];
        const loopKey = [...new Set(loop)].sort().join('\u0000');
        if (loopsReported.has(loopKey)) return;
        loopsReported.add(loopKey);
        const first = scenario.nodes.find((node) => node.id === loop[0])!;
        report(file, `Unexpected loop of route nodes ${loop.map((step) => `\`${step}\``).join(' → ')}: routes change no variables, so a run that enters it never leaves; put a node with choices in the loop`, first.place, 'route-loop');
        return;
      }
      if (done.has(id) || !routeTargets.has(id)) return;
      for (const target of routeTargets.get(id)!) visit(target, [...trail, id]);
      done.add(id);
    };
    for (const id of routeTargets.keys()) visit(id, []);
  }
}
