/**
 * What a phone keeps at the end of a group room: the player's own votes at each step beside the
 * group's choice, with their codes, and the group's transcript, to save as text or print. The room
 * is rebuilt from the view's saved room with the engine, as the shared screen does; the scenario is
 * fetched only now (from the course, or from the room for an uploaded file), and this module is loaded only now (JoinRoom loads it lazily).
 */
import { useEffect, useMemo, useState } from 'react';
import type { Scenario } from '../engine/types.ts';
import { groupTranscriptMarkdown } from '../rooms/group-debrief.ts';
import { resumeRoom } from '../rooms/saved-room.ts';
import { stepAt } from '../rooms/step.ts';
import type { RoomView } from '../rooms/view.ts';
import { downloadFile } from '../site/download.ts';
import { fetchRoomScenario } from '../site/room-connection.ts';

/** One step as the player looks back on it. */
interface StepLookBack {
  readonly number: number;
  readonly mine?: { readonly number: number; readonly code: string };
  readonly group: { readonly number: number; readonly code: string; readonly says: string };
  readonly hotSeat?: string;
}

interface Summary {
  readonly steps: readonly StepLookBack[];
  readonly same: number;
  readonly voted: number;
  /** The group's transcript as plain text. */
  readonly transcript: string;
}

/** The transcript's Markdown as plain text: no emphasis marks, no heading marks, names as typed. */
const markdownAsText = (markdown: string) =>
  markdown
    .replace(/\*/g, '')
    .replace(/^#+\s*/gm, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

const sameName = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();

function summaryOf(scenario: Scenario, view: RoomView, name: string): Summary {
  const room = resumeRoom(scenario, view.saved);
  const { context } = room;
  const steps = context.decided.map((decided, i): StepLookBack => {
    const step = stepAt(context, i);
    const picked = step.decided!.option;
    const myIndex = Object.entries(decided.ballot.votes).find(([voter]) => sameName(voter, name))?.[1];
    const mine = step.options.find((option) => option.index === myIndex);
    return {
      number: i + 1,
      ...(mine ? { mine: { number: mine.number, code: mine.choice.code.name } } : {}),
      group: { number: picked.number, code: picked.choice.code.name, says: picked.choice.says },
      ...(step.hotSeat ? { hotSeat: step.hotSeat } : {}),
    };
  });
  return {
    steps,
    same: steps.filter((step) => step.mine?.number === step.group.number).length,
    voted: steps.filter((step) => step.mine).length,
    transcript: markdownAsText(groupTranscriptMarkdown(room, { date: new Date() })),
  };
}

/** One step in a sentence, for the page and the text file alike. */
function stepSentence(step: StepLookBack, name: string): string {
  const seat = step.hotSeat ? (sameName(step.hotSeat, name) ? ' You were in the hot seat.' : ` ${step.hotSeat} was in the hot seat.`) : '';
  const mine = step.mine ? `You voted ${step.mine.number} (${step.mine.code}).` : 'You did not vote.';
  return `Step ${step.number}: ${mine} The group chose ${step.group.number} (${step.group.code}): “${step.group.says}”${seat}`;
}

function summaryText(summary: Summary, view: RoomView, name: string): string {
  return [
    `${view.scenario.title}: my summary`,
    `As ${name}, in a group room.`,
    '',
    ...summary.steps.map((step) => stepSentence(step, name)),
    '',
    sameSentence(summary),
    '',
    '----',
    '',
    summary.transcript,
  ].join('\n');
}

const sameSentence = (summary: Summary) =>
  summary.voted === 0 ? 'You did not vote at any step.' : `Your vote matched the group's choice at ${summary.same} of the ${summary.voted} ${summary.voted === 1 ? 'step' : 'steps'} you voted at.`;

/** The player's own summary and the group's transcript, with Save as text and Print. */
export default function PhoneSummary({ view, name, code }: { view: RoomView; name: string; code: string }) {
  const [scenario, setScenario] = useState<Scenario | 'failed'>();
  const { id } = view.scenario;
  const { uploaded } = view;
  useEffect(() => {
    let stopped = false;
    // A scenario file an organiser uploaded has no page in the course: the room itself has it.
    const loading = uploaded
      ? fetchRoomScenario(code).then((found) => (typeof found === 'string' ? Promise.reject(new Error(found)) : found.scenario))
      : fetch(`/scenarios/${encodeURIComponent(id)}/scenario.json`).then((response) => (response.ok ? (response.json() as Promise<Scenario>) : Promise.reject(new Error(String(response.status)))));
    loading.then(
      (loaded) => stopped || setScenario(loaded),
      () => stopped || setScenario('failed'),
    );
    return () => {
      stopped = true;
    };
  }, [id, uploaded, code]);
  const summary = useMemo(() => {
    if (!scenario || scenario === 'failed') return undefined;
    try {
      return summaryOf(scenario, view, name);
    } catch {
      return undefined;
    }
  }, [scenario, view, name]);

  if (scenario === undefined) return <p role="status">Getting your summary ready…</p>;
  if (!summary) return <p className="notice">Your summary could not be made on this phone. The group debrief on the shared screen has the whole run.</p>;
  return (
    <>
      <section className="card phone-summary" aria-labelledby="my-summary-title">
        <h2 id="my-summary-title">Your summary</h2>
        <p>{sameSentence(summary)}</p>
        <ol className="summary-steps">
          {summary.steps.map((step) => <li key={step.number}>{stepSentence(step, name)}</li>)}
        </ol>
        <div className="actions no-print">
          <button type="button" className="primary wide" onClick={() => downloadFile(`${id}-my-summary.txt`, summaryText(summary, view, name), 'text/plain')}>Save as text</button>
          <button type="button" className="wide" onClick={() => window.print()}>Print</button>
        </div>
      </section>
      <section className="phone-transcript" aria-labelledby="transcript-title">
        <h2 id="transcript-title">The group's conversation</h2>
        <div className="transcript-text">{summary.transcript}</div>
      </section>
    </>
  );
}
