/**
 * Every component that module authors can use in MDX, in one place. Module pages pass these to
 * the content, so an MDX file uses them without importing anything. (The knowledge check is not
 * one of them: the module page places it, from the module's bank in content/checks.)
 */
import KeyPoint from './KeyPoint.astro';
import Objectives from './Objectives.astro';
import Reflection from './Reflection.astro';
import ScenarioLink from './ScenarioLink.astro';
import Term from './Term.astro';

export const mdxComponents = { KeyPoint, Objectives, Reflection, ScenarioLink, Term };
