/**
 * Stage 6, score: the MITI-style summary of the coded choices a trainee picked, in the shape of the
 * MITI 4.2.1 summary scores, beside the manual's fair and good thresholds. It summarises choices,
 * not the trainee's own speech, and says so.
 */
import { behaviourCodes, type BehaviourCode, type SummaryCategory } from './behaviour-codes.ts';

/** MITI 4.2.1 thresholds (expert opinion, per the manual): R:Q and %CR. */
export const thresholds = {
  reflectionToQuestion: { fair: 1, good: 2 },
  percentComplexReflections: { fair: 0.4, good: 0.5 },
} as const;

/**
 * What the codes summarised are: the coded `choices` picked in a scenario (alone or as a group), or
 * an observer's `tallies` of what a coach said in a live role-play. It changes only the wording.
 */
export type SummarySource = 'choices' | 'tallies' | 'own words';

/** Said wherever the summary is shown, for each source. */
export const summaryDisclaimers: Readonly<Record<SummarySource, string>> = {
  choices: 'This summarises the coded choices you picked in this scenario. It is not a MITI rating of your own speech.',
  tallies: "This summarises an observer's live tallies of what the coach said. It is a practice aid, not a MITI rating by a trained coder.",
  'own words': 'This summarises what you wrote, as the coder on this device read it. A coder on a device is not a trained MITI rater: a trained person would code some of your replies differently, most often simple against complex reflections.',
};

/** Said wherever a summary of picked choices is shown. */
export const summaryDisclaimer = summaryDisclaimers.choices;

const wording: Readonly<Record<SummarySource, { verb: string; one: string; many: string; aSummary: string }>> = {
  choices: { verb: 'picked', one: 'coded choice', many: 'coded choices', aSummary: 'A choice coded Summary' },
  tallies: { verb: 'tallied', one: 'tally', many: 'tallies', aSummary: 'A Summary tally' },
  'own words': { verb: 'written', one: 'coded reply', many: 'coded replies', aSummary: 'A reply coded Summary' },
};

/**
 * MITI's thresholds are set for coding a 20-minute segment of real conversation. Below this many
 * coded choices the figures are shown without a fair or good rating, which would mean little.
 */
export const fewestCodedForRatings = 10;

export type Rating = 'good' | 'fair' | 'below fair';

/** A ratio that may have nothing to divide by. */
export type Ratio =
  | { readonly value: number; readonly rating: Rating }
  | { readonly value: null; readonly reason: string };

export interface MitiSummary {
  /** Whether these are picked choices or an observer's tallies. */
  readonly source: SummarySource;
  /** How many coded choices were picked (or tallies made). */
  readonly coded: number;
  /** How many of them were coded Summary (counted as complex reflections, as the format says). */
  readonly summaries: number;
  /** How many picked choices count in each summary category. */
  readonly counts: Readonly<Record<SummaryCategory, number>>;
  readonly questions: number;
  readonly reflections: number;
  readonly complexReflections: number;
  /** Reflections (simple and complex) per question. */
  readonly reflectionToQuestion: Ratio;
  /** Complex reflections as a share (0 to 1) of all reflections. */
  readonly percentComplexReflections: Ratio;
  /** Seeking collaboration + affirm + emphasizing autonomy. */
  readonly miAdherent: number;
  /** Confront + persuade. */
  readonly miNonAdherent: number;
}

function rate(value: number, limits: { fair: number; good: number }): Rating {
  return value >= limits.good ? 'good' : value >= limits.fair ? 'fair' : 'below fair';
}

/** Summarises the codes of the choices picked (or, with `tallies`, of an observer's tallies). */
export function summarise(codes: readonly BehaviourCode[], source: SummarySource = 'choices'): MitiSummary {
  const { verb } = wording[source];
  const counts = Object.fromEntries(behaviourCodes.map((code) => [code.countsAs, 0])) as Record<SummaryCategory, number>;
  for (const code of codes) counts[code.countsAs]++;
  const questions = counts.question;
  const complexReflections = counts['complex reflection'];
  const reflections = counts['simple reflection'] + complexReflections;
  return {
    source,
    coded: codes.length,
    summaries: codes.filter((code) => code.name === 'Summary').length,
    counts,
    questions,
    reflections,
    complexReflections,
    reflectionToQuestion:
      questions === 0
        ? { value: null, reason: reflections === 0 ? `No questions or reflections were ${verb}, so there is no ratio.` : `No questions were ${verb}, so there is no ratio to show.` }
        : { value: reflections / questions, rating: rate(reflections / questions, thresholds.reflectionToQuestion) },
    percentComplexReflections:
      reflections === 0
        ? { value: null, reason: `No reflections were ${verb}, so there is no percentage to show.` }
        : { value: complexReflections / reflections, rating: rate(complexReflections / reflections, thresholds.percentComplexReflections) },
    miAdherent: codes.filter((code) => code.group === 'MI-adherent').length,
    miNonAdherent: codes.filter((code) => code.group === 'MI non-adherent').length,
  };
}

/** One row of the summary table, as text, the same in the terminal, on the site and in transcripts. */
export interface SummaryRow {
  readonly measure: string;
  readonly value: string;
  readonly fair: string;
  readonly good: string;
  /** `good`, `fair`, `below fair`, or empty where there are no thresholds or no value. */
  readonly rating: Rating | '';
}

const round = (n: number) => (Math.round(n * 100) / 100).toString();
const count = (n: number, noun: string, plural = `${noun}s`) => `${n} ${n === 1 ? noun : plural}`;

/** The summary as table rows, with zero denominators said in words; rated only for long enough runs. */
export function summaryRows(summary: MitiSummary): SummaryRow[] {
  const rq = summary.reflectionToQuestion;
  const cr = summary.percentComplexReflections;
  const rated = summary.coded >= fewestCodedForRatings;
  return [
    {
      measure: 'Reflection-to-question ratio (R:Q)',
      value: rq.value === null ? rq.reason : `${round(rq.value)}:1 (${count(summary.reflections, 'reflection')}, ${count(summary.questions, 'question')})`,
      fair: '1:1',
      good: '2:1',
      rating: rq.value === null || !rated ? '' : rq.rating,
    },
    {
      measure: 'Percent complex reflections (%CR)',
      value: cr.value === null ? cr.reason : `${Math.round(cr.value * 100)}% (${summary.complexReflections} of ${summary.reflections})`,
      fair: '40%',
      good: '50%',
      rating: cr.value === null || !rated ? '' : cr.rating,
    },
    { measure: 'Total MI-adherent', value: String(summary.miAdherent), fair: '–', good: '–', rating: '' },
    { measure: 'Total MI non-adherent', value: String(summary.miNonAdherent), fair: '–', good: '–', rating: '' },
  ];
}

/** What to say beside the summary: what it is, where the thresholds come from, and how to read them here. */
export function summaryNotes(summary: MitiSummary): string[] {
  const { one, many, aSummary } = wording[summary.source];
  return [
    summaryDisclaimers[summary.source],
    'The fair and good thresholds are from the MITI 4.2.1 coding manual (Moyers, Manuel & Ernst, 2015), which describes them as expert opinion, for coding 20 minutes of real conversation.',
    ...(summary.coded < fewestCodedForRatings
      ? [`With ${count(summary.coded, one, many)}, far fewer than a 20-minute conversation holds, the figures are shown without a fair or good rating: read them as a rough guide.`]
      : []),
    ...(summary.summaries > 0 ? [`${aSummary} counts as a complex reflection, by this course's convention (the scenario format's): MITI codes a summary as a reflection, and as complex only when it adds a point or gives direction, so %CR here runs a little high.`] : []),
  ];
}
