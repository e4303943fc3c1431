/**
 * The pieces of group practice that the one-screen page (GroupPlayer) and a room's projector screen
 * (RoomProjector) share: what a screen says when it moves on, the person's lines, the break, the
 * debrief, taking a name out, and the typed-replies switch. Each is one piece of code for both.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { RoomMode } from '../rooms/schema.ts';
import { endingOf } from '../engine/run.ts';
import { consistencySentences, groupDebriefOf, groupTranscriptMarkdown } from '../rooms/group-debrief.ts';
import type { ReplyCoder } from '../rooms/replies.ts';
import { isOnBreak, phaseOf, type Room, type RoomEvent, type RoomSettings } from '../rooms/room.ts';
import type { Step } from '../rooms/step.ts';
import { downloadFile } from '../site/download.ts';
import type { RenderedMarkdown } from '../site/render-scenario.ts';
import DebriefStep from './DebriefStep.tsx';
import { ReplyList } from './GroupReplies.tsx';
import Html from './Html.tsx';
import SummaryTable from './SummaryTable.tsx';

/** Sends events to the room in order, stopping at the first one refused (and saying why); says whether all were taken. */
export type Send = (...events: RoomEvent[]) => boolean | Promise<boolean>;

/** What to say to screen readers when the screen moves on. */
export function announcementOf(room: Room, step: Step, personaName: string): string {
  const plain = (markdown: string) => markdown.replace(/[*_`]/g, '');
  if (isOnBreak(room)) return 'The group is taking a break.';
  switch (phaseOf(room)) {
    case 'setup':
      return '';
    case 'revealed': {
      const chosen = step.decided!.option;
      return `The group chose ${chosen.number}: ${chosen.choice.code.name}. ${plain(chosen.choice.feedback)}`;
    }
    case 'ended':
      return `The scenario has ended. Outcome: ${endingOf(room.context.run)!.outcome}.`;
    default:
      return `Step ${step.index + 1}. ${step.lines.map((line) => (line.speaker ? `${line.speaker}: ${plain(line.markdown)}` : plain(line.markdown))).join(' ') || `${personaName} is waiting for the coach.`}`;
  }
}

/**
 * Focus and a polite announcement for each new screen (a step, its options, the reveal, a break,
 * the end; showing typed replies moves focus only, as their count's live region speaks), never for
 * votes arriving. `focusHere` is the ref for the element that takes focus on the screen shown.
 */
export function useScreenChange(room: Room, step: Step, personaName: string): { announcement: string; focusHere: (element: HTMLElement | null) => void } {
  const phase = phaseOf(room);
  const onBreak = isOnBreak(room);
  const repliesOnScreen = phase === 'saying' && step.repliesShown;
  const screenKey = `${phase}:${step.index}:${onBreak}:${repliesOnScreen}`;
  const firstScreen = useRef(screenKey);
  const focusTarget = useRef<HTMLElement | null>(null);
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    if (screenKey === firstScreen.current) return;
    firstScreen.current = '';
    focusTarget.current?.focus();
    setAnnouncement(repliesOnScreen ? '' : announcementOf(room, step, personaName));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [screenKey]);
  return {
    announcement,
    focusHere: (element) => {
      focusTarget.current = element;
    },
  };
}

/** How a group plays, as the set-up form and a room's settings choose it. */
export type PlayChoices = Pick<RoomSettings, 'mode' | 'sayItYourWay' | 'sayItSeconds' | 'typedReplies'> & { readonly liveCounts?: boolean };

/** The timer lengths offered, with the room's own if it is another (set from the terminal, say). */
const timerChoices = (seconds: number) => [...new Set([30, 60, 90, 120, seconds])].sort((a, b) => a - b);

/**
 * How the group plays: the mode, the pause to say it (with its timer and typed replies), and for a
 * room with phones, live counts. The one-screen set-up and a room's set-up and settings all show
 * these same controls; `onChange` gets what changed.
 */
export function PlaySettings({ value, onChange, phones }: { value: PlayChoices; onChange: (change: Partial<PlayChoices>) => void; phones: boolean }) {
  const { mode, sayItYourWay, sayItSeconds, typedReplies, liveCounts } = value;
  const pauses = mode === 'hot-seat' || sayItYourWay;
  return (
    <>
      <fieldset>
        <legend>How will you play?</legend>
        <p>
          <input type="radio" id="mode-hot-seat" name="group-mode" checked={mode === 'hot-seat'} onChange={() => onChange({ mode: 'hot-seat' as RoomMode })} aria-describedby="mode-hot-seat-hint" />{' '}
          <label htmlFor="mode-hot-seat">Hot seat</label>
          <br />
          <span id="mode-hot-seat-hint" className="meta">One person is the coach at each step, in turn. They say their own reply aloud first; then the options are shown and they pick one.</span>
        </p>
        <p>
          <input type="radio" id="mode-vote" name="group-mode" checked={mode === 'vote'} onChange={() => onChange({ mode: 'vote' as RoomMode })} aria-describedby="mode-vote-hint" />{' '}
          <label htmlFor="mode-vote">Group vote</label>
          <br />
          <span id="mode-vote-hint" className="meta">Everyone votes at each step{phones ? ' on their phone' : ": tap each person's vote, or enter the counts"}. The most votes move the scenario on; on a tie, the facilitator chooses.</span>
        </p>
      </fieldset>
      {mode === 'vote' && (
        <p>
          <input type="checkbox" id="say-it" checked={sayItYourWay} onChange={(event) => onChange({ sayItYourWay: event.target.checked })} />{' '}
          <label htmlFor="say-it">Pause to say it your way before the options are shown</label>
        </p>
      )}
      {pauses && (
        <p>
          <input type="checkbox" id="typed-replies" checked={typedReplies} onChange={(event) => onChange({ typedReplies: event.target.checked })} aria-describedby="typed-replies-hint" />{' '}
          <label htmlFor="typed-replies">Typed replies during the pause</label>
          <br />
          <span id="typed-replies-hint" className="meta">
            {phones
              ? 'Everyone can type their reply on their phone. You show the replies all together, without names and with their codes, before the options.'
              : mode === 'hot-seat'
                ? "You type the hot seat's reply as they say it, and show it with its code before the options."
                : 'You type replies people say aloud, and show them with their codes before the options.'}{' '}
            You can turn this off at any time.
          </span>
        </p>
      )}
      <p>
        <label htmlFor="say-it-seconds">Timer for saying it your way</label>{' '}
        <select id="say-it-seconds" value={sayItSeconds} onChange={(event) => onChange({ sayItSeconds: Number(event.target.value) })}>
          {timerChoices(sayItSeconds).map((seconds) => <option key={seconds} value={seconds}>{seconds} seconds</option>)}
        </select>
      </p>
      {phones && liveCounts !== undefined && (
        <p>
          <input type="checkbox" id="live-counts" checked={liveCounts} onChange={(event) => onChange({ liveCounts: event.target.checked })} aria-describedby="live-counts-hint" />{' '}
          <label htmlFor="live-counts">Show the vote counts while voting is open</label>
          <br />
          <span id="live-counts-hint" className="meta">Off, the screen shows who has voted and the counts come at the reveal, so nobody follows the crowd.</span>
        </p>
      )}
    </>
  );
}

/** A scenario's content notes, read out before the group starts, and that a break is always fine. */
export function ContentNotesList({ notes }: { notes: readonly string[] }) {
  return (
    <>
      {notes.length > 0 && (
        <>
          <p>This scenario includes:</p>
          <ul>{notes.map((note) => <li key={note}>{note}</li>)}</ul>
        </>
      )}
      <p>Anyone can ask for a break at any point; the group's place is kept.</p>
    </>
  );
}

/** The start button's words: with content notes, the group says it has read them. */
export const startLabel = (notes: readonly string[]) => (notes.length > 0 ? 'We have read the content notes. Start' : 'Start');

export const votes = (n: number) => `${n} ${n === 1 ? 'vote' : 'votes'}`;

/** The line under the title: the mode and who is playing. */
export function whoIsPlaying(room: Room): string {
  const { players, settings } = room.context;
  if (settings.mode === 'hot-seat') return players.length > 0 ? `Hot seat, in turn: ${players.join(', ')}` : 'Hot seat, in turn round the group';
  return players.length > 0 ? `Group vote: ${players.join(', ')}` : 'Group vote';
}

export function Lines({ step, html }: { step: Step; html: RenderedMarkdown }) {
  return (
    <div className="projector-lines">
      {step.lines.map((line, i) => (
        <p key={i} className={line.speaker ? 'projector-line' : 'projector-line narration'}>
          {line.speaker && <span className="speaker">{line.speaker}</span>}
          <Html markdown={line.markdown} html={html} />
        </p>
      ))}
    </div>
  );
}

/**
 * Typed replies on or off during the run. It shows the change at once, as a checkbox should, while
 * a room on `coach group` takes it; the room's answer has the last word.
 */
export function TypedRepliesSwitch({ on, send }: { on: boolean; send: Send }) {
  const [checked, setChecked] = useState(on);
  const latest = useRef(on);
  useEffect(() => {
    latest.current = on;
    setChecked(on);
  }, [on]);
  return (
    <label className="inline-check">
      <input
        type="checkbox"
        checked={checked}
        onChange={(event) => {
          setChecked(event.target.checked);
          // If the room refused (it says why), the box goes back to what the room has.
          void Promise.resolve(send({ type: 'room.configure', typedReplies: event.target.checked })).then((taken) => taken || setChecked(latest.current));
        }}
      />{' '}
      Typed replies
    </label>
  );
}

export function BreakPanel({ focusHere, onResume }: { focusHere: (element: HTMLElement | null) => void; onResume: () => void }) {
  return (
    <section className="card break-panel" aria-labelledby="break-title">
      <h2 id="break-title" tabIndex={-1} ref={focusHere}>Taking a break</h2>
      <p>Your place is kept. Role-plays can touch on hard experiences, including your own: stepping away is part of good practice.</p>
      <ul>
        <li>Take a few slow breaths, letting each out a little longer than it came in.</li>
        <li>Stretch, have a drink of water, or step outside for a moment.</li>
        <li>If something has stirred up distress, talk with your trainer, supervisor or someone you trust.</li>
      </ul>
      <div className="actions">
        <button type="button" className="primary" onClick={onResume}>Back to the role-play</button>
      </div>
    </section>
  );
}

/** Votes from people without a phone (or in a room without phones), counted by hand and entered for each option. */
export function VoteCountInputs({ legend, step, send }: { legend: string; step: Step; send: Send }) {
  return (
    <fieldset className="vote-counts">
      <legend>{legend}</legend>
      {step.options.map((option) => (
        <p key={option.index}>
          <label htmlFor={`count-${option.number}`}>Votes for {option.number}</label>{' '}
          <input
            id={`count-${option.number}`}
            type="number"
            min={0}
            max={99}
            inputMode="numeric"
            value={step.ballot.counts[option.index] ?? 0}
            onChange={(event) => send({ type: 'vote.count', choice: option.number, count: Math.max(0, Math.min(99, Math.trunc(Number(event.target.value) || 0))) })}
          />
        </p>
      ))}
    </fieldset>
  );
}

/**
 * The facilitator takes a name out of the room: someone who left, or a name a phone gave before
 * changing it. They leave the turns, and their vote at the open step goes with them.
 */
export function RemovePeople({ players, send }: { players: readonly string[]; send: Send }) {
  if (players.length === 0) return null;
  return (
    <details className="remove-people">
      <summary>Someone left, or a name is wrong?</summary>
      <ul className="actions">
        {players.map((player) => (
          <li key={player}>
            <button type="button" onClick={() => void send({ type: 'player.leave', name: player })}>Remove {player}</button>
          </li>
        ))}
      </ul>
    </details>
  );
}

export function GroupDebriefView({ room, step, html, send, focusHere, coder }: { room: Room; step: Step; html: RenderedMarkdown; send: Send; focusHere: (element: HTMLElement | null) => void; coder: ReplyCoder | undefined }) {
  const group = useMemo(() => groupDebriefOf(room, coder)!, [room, coder]);
  const { debrief } = group;
  const { scenario } = room.context.run;
  return (
    <>
      <Lines step={step} html={html} />
      <section className="card debrief" aria-labelledby="debrief-title">
        <h2 id="debrief-title" tabIndex={-1} ref={focusHere}>Group debrief</h2>
        <p><strong>Outcome: </strong><span className={`outcome-${debrief.ending.outcome}`}>{debrief.ending.outcome}</span></p>
        {debrief.text.map((part, i) => <Html key={i} markdown={part} html={html} as="div" />)}
        <h3>How the group chose</h3>
        {consistencySentences(group).map((sentence) => <p key={sentence}>{sentence}</p>)}
        <h3>The path, step by step</h3>
        <ol className="debrief-steps">
          {group.steps.map((groupStep, i) => (
            <DebriefStep key={i} picked={groupStep.picked.choice} suggestion={groupStep.suggestion} html={html} lead={groupStep.hotSeat && <span className="meta">{groupStep.hotSeat} in the hot seat. </span>}>
              <p className="meta">
                Votes: {groupStep.options.map((option) => `${option.number} (${option.choice.code.name}) ${option.votes}`).join(' · ')}; decided by {groupStep.by}.
              </p>
              {groupStep.replies.length > 0 && (
                <>
                  <p className="meta">{groupStep.replies.length === 1 ? 'A reply typed' : `${groupStep.replies.length} replies typed`} before the options, without names:</p>
                  <ReplyList replies={groupStep.replies} />
                </>
              )}
            </DebriefStep>
          ))}
        </ol>
        <h3>Summary of the group's coded choices</h3>
        <SummaryTable rows={debrief.rows} notes={debrief.notes} column="The group's choices" caption="The group's choices against the MITI 4.2.1 fair and good thresholds" />
        <h3>To talk about</h3>
        <ul>{group.prompts.map((prompt) => <li key={prompt}>{prompt}</li>)}</ul>
        <div className="actions">
          <button type="button" className="primary" onClick={() => downloadFile(`${scenario.id}-group-transcript.md`, groupTranscriptMarkdown(room, { date: new Date(), ...(coder ? { coder } : {}) }), 'text/markdown')}>Download the group transcript</button>
          <button type="button" onClick={() => window.print()}>Print</button>
          <button type="button" onClick={() => send({ type: 'room.restart' })}>Play again</button>
        </div>
      </section>
    </>
  );
}
