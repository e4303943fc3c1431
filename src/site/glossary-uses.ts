/**
 * Where each glossary term is used, for the glossary's "Used in" links, worked out at build time
 * from the content itself so it never goes stale: a module uses a term where its text marks it
 * with `<Term id>`; a scenario, which has no such marks, where what the trainee reads while playing
 * it says the term's words (whole words, any case but an acronym's, singular or plural).
 */

/** A page that uses a term: where it is and what it is called. */
export interface TermUse {
  readonly url: string;
  readonly title: string;
}

/** A module as the glossary needs it: its page, its title and the term ids it marks. */
export interface ModuleTerms extends TermUse {
  readonly terms: ReadonlySet<string>;
}

/** A scenario as the glossary needs it: its page, its title and its plain text (`scenarioText`). */
export interface ScenarioWords extends TermUse {
  readonly text: string;
}

/**
 * Whether `text` says `term` as whole words, with a plural `s` or not: in any case, except an
 * acronym, which must be in capitals ("WRAP" is not "wrap up").
 */
export function says(text: string, term: string): boolean {
  // A term's parenthesis ("Motivational interviewing (MI)") explains it; the words before it are the term.
  const name = term.replace(/\s*\(.*?\)/g, '').trim();
  const acronym = name === name.toUpperCase();
  const words = name
    .split(/[\s-]+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[\\s-]+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${words}s?(?![\\p{L}\\p{N}])`, acronym ? 'u' : 'iu').test(text);
}

/** For each term id, the modules and then the scenarios that use it, each in the order given. */
export function glossaryUses(terms: ReadonlyArray<{ id: string; term: string }>, modules: readonly ModuleTerms[], scenarios: readonly ScenarioWords[]): Map<string, { modules: TermUse[]; scenarios: TermUse[] }> {
  const page = ({ url, title }: TermUse): TermUse => ({ url, title });
  return new Map(
    terms.map(({ id, term }) => [
      id,
      {
        modules: modules.filter((module) => module.terms.has(id)).map(page),
        scenarios: scenarios.filter((scenario) => says(scenario.text, term)).map(page),
      },
    ]),
  );
}
