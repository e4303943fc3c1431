/**
 * The project's vocabularies that scenario files draw on: the skills a scenario practises
 * (front matter `skills`) and the tags a choice may carry (`tags:`). Scenario files are checked
 * against these lists; the site shows the labels. Add a term here, with its label, to make it
 * available to every course; a course adds its own in `scenarios/vocabulary.yaml`
 * (vocabulary-file.ts), without a developer.
 */

export interface Term {
  /** The id trainers write, lower case with hyphens. */
  readonly id: string;
  /** How the term is shown to trainees. */
  readonly label: string;
}

/** Skills a scenario can practise: MI's tasks and OARS, and the coach's wider skills. */
export const skills: readonly Term[] = [
  { id: 'engaging', label: 'Engaging' },
  { id: 'focusing', label: 'Focusing' },
  { id: 'evoking', label: 'Evoking' },
  { id: 'planning', label: 'Planning' },
  { id: 'open-questions', label: 'Open questions' },
  { id: 'affirmations', label: 'Affirmations' },
  { id: 'reflections', label: 'Reflections' },
  { id: 'simple-reflections', label: 'Simple reflections' },
  { id: 'complex-reflections', label: 'Complex reflections' },
  { id: 'double-sided-reflections', label: 'Double-sided reflections' },
  { id: 'summaries', label: 'Summaries' },
  { id: 'oars', label: 'OARS' },
  { id: 'change-talk', label: 'Eliciting and reflecting change talk' },
  { id: 'sustain-talk', label: 'Responding to sustain talk' },
  { id: 'discord', label: 'Responding to discord' },
  { id: 'righting-reflex', label: 'Resisting the righting reflex' },
  { id: 'autonomy-support', label: 'Supporting autonomy' },
  { id: 'seeking-collaboration', label: 'Seeking collaboration' },
  { id: 'elicit-provide-elicit', label: 'Elicit–provide–elicit' },
  { id: 'agenda-mapping', label: 'Agenda mapping' },
  { id: 'giving-information', label: 'Giving information with permission' },
  { id: 'shared-decision-making', label: 'Shared decision-making' },
  { id: 'goal-setting', label: 'Goal setting' },
  { id: 'action-planning', label: 'Action planning' },
  { id: 'strengths', label: 'Building on strengths' },
  { id: 'hope', label: 'Conveying hope' },
  { id: 'self-disclosure', label: 'Purposeful self-disclosure' },
  { id: 'boundaries', label: 'Boundaries' },
  { id: 'safety', label: 'Responding to risk and safety' },
  { id: 'linking-to-resources', label: 'Linking to resources' },
  { id: 'advocacy', label: 'Advocacy and self-advocacy' },
  { id: 'family-support', label: 'Supporting families and caregivers' },
  { id: 'group-facilitation', label: 'Facilitating groups' },
  { id: 'vocational-recovery', label: 'Vocational recovery: work, study and volunteering' },
  { id: 'self-care', label: 'Supporting self-care and wellness' },
];

/**
 * Tags a choice can carry: the steps of shared decision-making (three-talk model and SHARE),
 * SAMHSA's recovery principles and dimensions, CHIME's recovery processes, and the two moves the
 * debrief ranks as good whatever their code (debrief.ts): a safety step, and a straight answer to
 * what the person asked (a question, a request, or yes to "may I share something?").
 */
export const tags: readonly Term[] = [
  { id: 'team-talk', label: 'Team talk' },
  { id: 'option-talk', label: 'Option talk' },
  { id: 'decision-talk', label: 'Decision talk' },
  { id: 'seek-participation', label: 'SHARE: seek participation' },
  { id: 'help-explore-options', label: 'SHARE: help explore and compare options' },
  { id: 'assess-values', label: 'SHARE: assess values and preferences' },
  { id: 'reach-decision', label: 'SHARE: reach a decision' },
  { id: 'evaluate-decision', label: 'SHARE: evaluate the decision' },
  { id: 'hope', label: 'Hope' },
  { id: 'person-driven', label: 'Person-driven' },
  { id: 'many-pathways', label: 'Many pathways' },
  { id: 'holistic', label: 'Holistic' },
  { id: 'peer-support', label: 'Peers and allies' },
  { id: 'relationships', label: 'Relationships and social networks' },
  { id: 'culture', label: 'Culturally based' },
  { id: 'trauma-informed', label: 'Addressing trauma' },
  { id: 'strengths', label: 'Strengths and responsibility' },
  { id: 'respect', label: 'Respect' },
  { id: 'health', label: 'Health' },
  { id: 'home', label: 'Home' },
  { id: 'purpose', label: 'Purpose' },
  { id: 'community', label: 'Community' },
  { id: 'connectedness', label: 'Connectedness' },
  { id: 'identity', label: 'Identity' },
  { id: 'meaning', label: 'Meaning in life' },
  { id: 'empowerment', label: 'Empowerment' },
  { id: 'autonomy', label: 'Autonomy' },
  { id: 'safety', label: 'Safety' },
  { id: 'straight-answer', label: 'A straight answer to what the person asked' },
];

/** The skills and tags scenarios may use: the built-in lists, and what a project's vocabulary file adds. */
export interface Vocabulary {
  readonly skills: readonly Term[];
  readonly tags: readonly Term[];
}

/** The built-in vocabulary, with nothing added. */
export const builtInVocabulary: Vocabulary = { skills, tags };

/** The label of a skill or tag id, falling back to the id itself. */
export function labelOf(vocabulary: readonly Term[], id: string): string {
  return vocabulary.find((term) => term.id === id)?.label ?? id;
}

/**
 * What trainers often write for a skill or a tag, by meaning, with the ids it may mean ("active
 * listening" is practised as reflections). Keys as `meaningKey` (suggest.ts) writes them.
 */
export const termsByMeaning: ReadonlyMap<string, readonly string[]> = new Map([
  ['active listening', ['reflections']],
  ['reflective listening', ['reflections']],
  ['listening', ['reflections']],
  ['empathy', ['reflections', 'complex-reflections']],
  ['reflection', ['reflections']],
  ['affirming', ['affirmations']],
  ['affirm', ['affirmations']],
  ['summarising', ['summaries']],
  ['summarizing', ['summaries']],
  ['summary', ['summaries']],
  ['open ended questions', ['open-questions']],
  ['questions', ['open-questions']],
  ['rapport', ['engaging']],
  ['rapport building', ['engaging']],
  ['building rapport', ['engaging']],
  ['engagement', ['engaging']],
  ['resistance', ['discord', 'sustain-talk']],
  ['rolling with resistance', ['discord', 'sustain-talk']],
  ['ambivalence', ['change-talk', 'sustain-talk']],
  ['motivation', ['evoking', 'change-talk']],
  ['autonomy', ['autonomy-support']],
  ['collaboration', ['seeking-collaboration']],
  ['sdm', ['shared-decision-making']],
  ['decision making', ['shared-decision-making']],
  ['goals', ['goal-setting']],
  ['planning goals', ['goal-setting']],
  ['crisis', ['safety']],
  ['risk', ['safety']],
  ['suicide', ['safety']],
  ['direct answer', ['straight-answer']],
  ['answers the question', ['straight-answer']],
  ['honest answer', ['straight-answer']],
  ['referral', ['linking-to-resources']],
  ['resources', ['linking-to-resources']],
  ['signposting', ['linking-to-resources']],
  ['disclosure', ['self-disclosure']],
  ['sharing lived experience', ['self-disclosure']],
  ['lived experience', ['self-disclosure', 'peer-support']],
  ['families', ['family-support']],
  ['carers', ['family-support']],
  ['groups', ['group-facilitation']],
  ['recovery oriented', ['person-driven', 'hope']],
  ['choice', ['autonomy', 'person-driven']],
  ['peers', ['peer-support']],
  ['trauma', ['trauma-informed']],
  ['trauma informed care', ['trauma-informed']],
  ['culture', ['culture']],
  ['cultural', ['culture']],
  ['housing', ['home']],
  ['employment', ['vocational-recovery', 'purpose']],
  ['work', ['vocational-recovery', 'purpose']],
  ['jobs', ['vocational-recovery']],
  ['supported employment', ['vocational-recovery']],
  ['ips', ['vocational-recovery']],
  ['vocational rehabilitation', ['vocational-recovery']],
  ['education', ['vocational-recovery']],
  ['volunteering', ['vocational-recovery']],
  ['wellness', ['self-care', 'health']],
  ['wellbeing', ['self-care', 'health']],
  ['self care', ['self-care']],
  ['wrap', ['self-care']],
  ['wellness recovery action plan', ['self-care']],
  ['self determination', ['autonomy', 'person-driven']],
  ['strengths based', ['strengths']],
]);
