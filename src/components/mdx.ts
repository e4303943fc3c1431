/**
 * Every component that module authors can use in MDX, in one place. Module pages pass these to
 * the content, so an MDX file uses them without importing anything.
 */
import KeyPoint from './KeyPoint.astro';
import KnowledgeCheck from './KnowledgeCheck.astro';
import Objectives from './Objectives.astro';
import Reflection from './Reflection.astro';
import ScenarioLink from './ScenarioLink.astro';
import Term from './Term.astro';

export const mdxComponents = { KeyPoint, KnowledgeCheck, Objectives, Reflection, ScenarioLink, Term };
