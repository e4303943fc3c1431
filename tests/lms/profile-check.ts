/**
 * Checks a statement the way an LRS that knows the course's profile would: the xAPI essentials
 * every statement must have, then either cmi5's rules for a cmi5-defined statement, or the one
 * statement template of docs/xapi-profile.jsonld it follows, with each rule's JSONPath location
 * (jsonpath-plus) and each extension's value against the profile's inline JSON Schema (Ajv). The
 * unit tests and the LRS stub of the browser tests both use it, so what they accept is the profile.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { JSONPath } from 'jsonpath-plus';

interface Rule {
  readonly location: string;
  readonly presence?: 'included' | 'excluded' | 'recommended';
  readonly any?: readonly unknown[];
  readonly all?: readonly unknown[];
}

interface Template {
  readonly id: string;
  readonly verb: string;
  readonly objectActivityType: string;
  readonly contextParentActivityType?: readonly string[];
  readonly contextGroupingActivityType?: readonly string[];
  readonly rules: readonly Rule[];
}

interface Concept {
  readonly id: string;
  readonly type: string;
  readonly inlineSchema?: string;
}

export const profile = JSON.parse(readFileSync(new URL('../../docs/xapi-profile.jsonld', import.meta.url), 'utf8')) as { id: string; versions: Array<{ id: string }>; concepts: Concept[]; templates: Template[] };

const ajv = new Ajv({ allErrors: true });
const extensionSchemas = new Map<string, ValidateFunction>(
  profile.concepts.filter((concept) => concept.type.endsWith('Extension') && concept.inlineSchema).map((concept) => [concept.id, ajv.compile(JSON.parse(concept.inlineSchema!))]),
);

const cmi5Category = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
const moveOnCategory = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const absoluteIri = /^[a-z][a-z0-9+.-]*:\S+$/i;

type Json = Record<string, any>;

/** What a check found: the template the statement follows (or `cmi5`), and what is wrong with it. */
export interface StatementCheck {
  readonly template?: string;
  readonly problems: readonly string[];
}

/** What the LMS's launch said about the AU, for cmi5's rules. */
export interface Cmi5Launch {
  readonly activityId: string;
  readonly registration: string;
  readonly masteryScore?: number;
}

const values = (statement: Json, location: string): unknown[] => JSONPath({ path: location, json: statement, wrap: true }) as unknown[];
const activityTypes = (list: Json[] | undefined) => (list ?? []).map((activity) => activity?.definition?.type as string | undefined);

function essentials(statement: Json): string[] {
  const problems: string[] = [];
  if (!uuid.test(statement.id ?? '')) problems.push('id is not a UUID');
  const account = statement.actor?.account;
  if (statement.actor?.objectType !== 'Agent' || !account || !absoluteIri.test(account.homePage ?? '') || !account.name) problems.push('actor is not an Agent with an account (homePage and name)');
  if (!absoluteIri.test(statement.verb?.id ?? '')) problems.push('verb.id is not an IRI');
  if (statement.object?.objectType !== 'Activity' || !absoluteIri.test(statement.object?.id ?? '')) problems.push('object is not an Activity with an IRI');
  if (Number.isNaN(Date.parse(statement.timestamp ?? ''))) problems.push('timestamp is not a date and time');
  const score = statement.result?.score;
  if (score) {
    if (score.scaled !== undefined && (score.scaled < -1 || score.scaled > 1)) problems.push('score.scaled is outside -1 to 1');
    if (score.raw !== undefined && (score.min === undefined || score.max === undefined || score.raw < score.min || score.raw > score.max)) problems.push('score.raw needs min and max around it');
  }
  if (statement.context?.registration !== undefined && !uuid.test(statement.context.registration)) problems.push('context.registration is not a UUID');
  return problems;
}

/** cmi5 Quartz, section 9, for a statement in the cmi5 category. */
function cmi5Problems(statement: Json, launch: Cmi5Launch | undefined): string[] {
  const problems: string[] = [];
  const verb = String(statement.verb?.id ?? '').replace('http://adlnet.gov/expapi/verbs/', '');
  const result = statement.result ?? {};
  const categories = (statement.context?.contextActivities?.category ?? []).map((activity: Json) => activity.id);
  if (!['initialized', 'completed', 'passed', 'failed', 'terminated'].includes(verb)) problems.push(`cmi5 defines no "${verb}" for an AU to send`);
  if (launch && statement.object?.id !== launch.activityId) problems.push("a cmi5-defined statement's object is not the AU's activityId");
  if (launch && statement.context?.registration !== launch.registration) problems.push('the registration is not the launch’s');
  if (result.score && !['passed', 'failed'].includes(verb)) problems.push('cmi5 allows a score only on Passed and Failed');
  if (verb === 'completed' && result.completion !== true) problems.push('Completed needs result.completion true');
  if (verb !== 'completed' && result.completion !== undefined) problems.push(`${verb} must not have result.completion`);
  if ((verb === 'passed') !== (result.success === true) && ['passed', 'failed'].includes(verb)) problems.push(`${verb} has the wrong result.success`);
  if (!['passed', 'failed'].includes(verb) && result.success !== undefined) problems.push(`${verb} must not have result.success`);
  if (['completed', 'passed', 'failed', 'terminated'].includes(verb) && !/^P/.test(result.duration ?? '')) problems.push(`${verb} needs a duration`);
  const movesOn = result.success !== undefined || result.completion !== undefined;
  if (movesOn !== categories.includes(moveOnCategory)) problems.push(movesOn ? 'the moveOn category is missing' : 'the moveOn category is only for statements with success or completion');
  if (launch?.masteryScore !== undefined && result.score?.scaled !== undefined) {
    if (verb === 'passed' && result.score.scaled < launch.masteryScore) problems.push('Passed with a score below the mastery score');
    if (verb === 'failed' && result.score.scaled >= launch.masteryScore) problems.push('Failed with a score at or above the mastery score');
  }
  return problems;
}

function ruleProblems(statement: Json, rule: Rule): string[] {
  const found = values(statement, rule.location).filter((value) => value !== undefined && value !== null);
  if (rule.presence === 'included' && found.length === 0) return [`${rule.location} is missing`];
  if (rule.presence === 'excluded' && found.length > 0) return [`${rule.location} must not be there`];
  if (rule.any && !found.some((value) => rule.any!.includes(value))) return [`${rule.location} has none of ${JSON.stringify(rule.any)}`];
  if (rule.all && (found.length === 0 || !found.every((value) => rule.all!.includes(value)))) return [`${rule.location} is not all ${JSON.stringify(rule.all)}`];
  return [];
}

function extensionProblems(extensions: Json | undefined, where: string): string[] {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(extensions ?? {})) {
    if (!key.startsWith(profile.id)) continue;
    const validate = extensionSchemas.get(key);
    if (!validate) problems.push(`${where} extension ${key} is not in the profile`);
    else if (!validate(value)) problems.push(`${where} extension ${key}: ${ajv.errorsText(validate.errors)}`);
  }
  return problems;
}

/** Which template of the profile a statement follows, and what is wrong with it; cmi5-defined statements are checked against cmi5's rules instead. */
export function checkStatement(statement: Json, launch?: Cmi5Launch): StatementCheck {
  const problems = essentials(statement);
  const categories: string[] = (statement.context?.contextActivities?.category ?? []).map((activity: Json) => activity.id);
  if (categories.includes(cmi5Category)) return { template: 'cmi5', problems: [...problems, ...cmi5Problems(statement, launch)] };
  if (launch && statement.context?.registration !== launch.registration) problems.push('the registration is not the launch’s');
  const parents = activityTypes(statement.context?.contextActivities?.parent);
  const groupings = activityTypes(statement.context?.contextActivities?.grouping);
  const candidates = profile.templates.filter(
    (template) =>
      template.verb === statement.verb?.id &&
      template.objectActivityType === statement.object?.definition?.type &&
      (template.contextParentActivityType ?? []).every((type) => parents.includes(type)) &&
      (template.contextGroupingActivityType ?? []).every((type) => groupings.includes(type)),
  );
  if (candidates.length !== 1) return { problems: [...problems, candidates.length === 0 ? `follows no template of the profile (verb ${statement.verb?.id}, object type ${statement.object?.definition?.type})` : 'follows more than one template'] };
  const [template] = candidates;
  return {
    template: template!.id,
    problems: [...problems, ...template!.rules.flatMap((rule) => ruleProblems(statement, rule)), ...extensionProblems(statement.result?.extensions, 'result'), ...extensionProblems(statement.context?.extensions, 'context')],
  };
}
