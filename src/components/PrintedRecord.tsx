/**
 * "A record to hand in" on My progress: a name to put on it if the trainee wants one, and a button
 * that prints the record (or saves it as a PDF, through the browser's own print dialog). The record
 * itself is laid out for paper only: on screen the page above already shows the same progress, at
 * length; on paper everything else on the page is left out and this fits one A4 or Letter page for
 * a typical record (see the print rules in global.css). Nothing leaves the device.
 */
import { useEffect, useId, useState } from 'react';
import { flushSync } from 'react-dom';
import type { Progress } from '../progress/schema.ts';
import { dayDate } from '../site/labels.ts';
import { aboutDuration, practiceRecord, type CheckStanding, type CourseModule, type CourseScenario, type PracticeRecord } from '../site/practice-record.ts';
import { loadRecordName, recordNameLimit, saveRecordName } from '../site/record-name.ts';

export interface PrintedRecordProps {
  readonly progress: Progress;
  /** False until the browser's record has been read: the button waits for it. */
  readonly loaded: boolean;
  /** The course's modules in order. */
  readonly modules: readonly CourseModule[];
  /** The course's scenarios by id. */
  readonly scenarios: Readonly<Record<string, CourseScenario>>;
}

/** Rows in the two tables past which the record is set smaller: at the usual size, about 22 rows fill a page. */
const denseFrom = 20;

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
const percent = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)}%`);

/** A check's standing in a table cell. */
function checkText(check: CheckStanding): string {
  switch (check.kind) {
    case 'scored':
      return `${check.correct} of ${check.of} right`;
    case 'unfinished':
      return `not finished (${check.answered} of ${check.of} answered)`;
    case 'not tried':
      return 'not taken';
    case 'no check':
      return 'no check in this module';
  }
}

/** What the record says about time: progress keeps no durations, so it says so, then gives the course's own estimate. */
function timeText(record: PracticeRecord): string {
  const counted = [record.modulesCompleted > 0 ? plural(record.modulesCompleted, 'module') + ' completed' : '', record.runs > 0 ? plural(record.runs, 'scenario run') + ' finished' : ''].filter(Boolean);
  if (counted.length === 0) return 'Nothing to count yet. This course does not time your practice.';
  const left = record.runsWithoutEstimate > 0 ? ` (${plural(record.runsWithoutEstimate, 'run')} of scenarios that give no estimate not counted)` : '';
  return `This course does not time your practice. By its own estimates for the ${counted.join(' and ')}, ${aboutDuration(record.estimatedMinutes)}${left}.`;
}

export default function PrintedRecord({ progress, loaded, modules, scenarios }: PrintedRecordProps) {
  const [name, setName] = useState('');
  const [problem, setProblem] = useState('');
  const nameId = useId();
  const hintId = useId();
  const [printedOn, setPrintedOn] = useState<Date>();
  // Read after mounting: the island is rendered on the server first, where there is no storage and
  // the date would be the day the site was built. The date is taken again as printing starts (the
  // button, or the browser's own Print), synchronously so the paper never shows yesterday's.
  useEffect(() => {
    setName(loadRecordName());
    setPrintedOn(new Date());
    const beforePrint = () => flushSync(() => setPrintedOn(new Date()));
    addEventListener('beforeprint', beforePrint);
    return () => removeEventListener('beforeprint', beforePrint);
  }, []);
  const record = practiceRecord(progress, modules, scenarios);

  function changeName(value: string) {
    setName(value);
    setProblem(saveRecordName(value) ? '' : 'This browser would not keep the name, so type it again next time. It will still be printed now.');
  }

  return (
    <>
      <section aria-labelledby="record-title" className="card no-print">
        <h2 id="record-title">A record to hand in</h2>
        <p>
          One page to print, or to save as a PDF from the print dialog: the modules you completed with their dates and check scores, the scenarios you played with their endings and figures, how much practice that is, and your own-words figures. Your reflections are not on it.
        </p>
        <label htmlFor={nameId}>Your name on the record (optional)</label>
        <p id={hintId} className="meta">Kept in this browser only. Leave it blank to write your name on the paper instead.</p>
        <input id={nameId} type="text" autoComplete="name" maxLength={recordNameLimit} value={name} aria-describedby={hintId} onChange={(event) => changeName(event.target.value)} />
        {problem && <p className="notice">{problem}</p>}
        <div className="actions">
          <button type="button" className="primary" disabled={!loaded} onClick={() => window.print()}>Print my record</button>
        </div>
      </section>

      {/* A long record (most of the course done) is set smaller, so that it still fits one page. */}
      <article className={record.modules.length + record.scenarios.length > denseFrom ? 'printed-record record-dense' : 'printed-record'} aria-labelledby="printed-record-title">
        <header className="record-head">
          <p className="record-site">Recovery Coach Practice</p>
          <h2 id="printed-record-title">Record of practice</h2>
          <dl className="record-about">
            <div><dt>Name</dt><dd className={name.trim() ? undefined : 'record-blank'}>{name.trim() || ' '}</dd></div>
            {printedOn && <div><dt>Printed on</dt><dd>{dayDate(printedOn)}</dd></div>}
            {record.span && <div><dt>Practice recorded</dt><dd>{dayDate(record.span.from) === dayDate(record.span.to) ? dayDate(record.span.from) : `${dayDate(record.span.from)} to ${dayDate(record.span.to)}`}</dd></div>}
          </dl>
        </header>

        <section aria-labelledby="record-modules">
          <h3 id="record-modules">Modules</h3>
          {/* Worded unlike the screen's "N of M modules completed.", which the page's own text finds. */}
          <p>Completed {record.modulesCompleted} of the course’s {record.modulesInCourse} modules.</p>
          {record.modules.length > 0 && (
            <table>
              <thead>
                <tr><th scope="col">Module</th><th scope="col">Completed on</th><th scope="col">Knowledge check, latest attempt</th></tr>
              </thead>
              <tbody>
                {record.modules.map((module) => (
                  <tr key={module.id}>
                    <th scope="row">{module.title}</th>
                    <td>{module.completedAt ? dayDate(module.completedAt) : 'not marked complete'}</td>
                    <td>{checkText(module.check)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>

        <section aria-labelledby="record-scenarios">
          <h3 id="record-scenarios">Scenarios</h3>
          <p>{record.runs === 0 ? 'No scenarios played to an ending yet.' : `${plural(record.runs, 'run')} played to an ending, of ${plural(record.scenarios.length, 'scenario')}. The figures are the latest run's: its MITI-style counts of the options chosen.`}</p>
          {record.scenarios.length > 0 && (
            <table className="record-scenarios">
              <thead>
                <tr>
                  <th scope="col">Scenario</th>
                  <th scope="col">Runs and endings</th>
                  <th scope="col">Latest run</th>
                  <th scope="col">Its figures</th>
                </tr>
              </thead>
              <tbody>
                {record.scenarios.map((scenario) => {
                  const endings = (['positive', 'mixed', 'negative'] as const).filter((outcome) => scenario.outcomes[outcome] > 0).map((outcome) => `${scenario.outcomes[outcome]} ${outcome}`);
                  const { summary } = scenario.latest;
                  return (
                    <tr key={scenario.id}>
                      <th scope="row">{scenario.title}</th>
                      <td>{scenario.runs}: {endings.join(', ')}{scenario.asGroup > 0 && ` (${scenario.asGroup} as a group)`}</td>
                      <td>{dayDate(scenario.latest.endedAt)}, {scenario.latest.outcome}</td>
                      <td>
                        <span className="record-line">{plural(summary.reflections, 'reflection')}, {plural(summary.questions, 'question')};</span> <span className="record-line">{summary.miAdherent} MI-adherent, {summary.miNonAdherent} non-adherent</span>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </section>

        <section aria-labelledby="record-time">
          <h3 id="record-time">Time practised</h3>
          <p>{timeText(record)}</p>
        </section>

        {record.ownWords && (
          <section aria-labelledby="record-own-words">
            <h3 id="record-own-words">In your own words</h3>
            <p>
              In {plural(record.ownWords.runs, 'run')} you wrote {plural(record.ownWords.replies, 'reply', 'replies')} of your own. As the coder on this device read them: {record.ownWords.reflectionsPerQuestion === null ? 'no questions, so no reflections per question' : `${plural(Math.round(record.ownWords.reflectionsPerQuestion * 10) / 10, 'reflection')} per question`}, {percent(record.ownWords.openShare)} of questions open, {percent(record.ownWords.adherentShare)} of replies MI-adherent.
            </p>
          </section>
        )}

        <footer className="record-foot">
          <p>
            From the progress kept in one web browser, printed by the trainee; the course itself checks nothing about who did the practice. The figures are a practice aid, counted against the MITI 4.2.1 coding manual's categories, not a MITI rating of real conversations.
          </p>
        </footer>
      </article>
    </>
  );
}
