/**
 * Group practice: a peer group plays a scenario together, on one screen (a projector, a shared
 * screen on a call), or as the facilitator's screen of a room on `coach group`, with phones voting.
 * Both go through the room module (src/rooms/): on one screen the room lives here and is kept in
 * this browser's progress; in a room it lives on the server and arrives as JSON, rebuilt here with
 * the same engine. Focus moves to each new step, and each step is announced politely.
 */
import { useEffect, useMemo, useRef, useState, type SubmitEvent } from 'react';
import { compileScenario } from '../engine/compile.ts';
import { endingOf } from '../engine/run.ts';
import type { Scenario } from '../engine/types.ts';
import { finishedRunOf } from '../progress/finished-run.ts';
import { loadProgress, updateProgress } from '../progress/store.ts';
import { consistencySentences, groupDebriefOf, groupRunOf, groupTranscriptMarkdown, playedBySentence } from '../rooms/group-debrief.ts';
import type { ReplyCoder } from '../rooms/replies.ts';
import { createRoom, decisionOf, hasTypedReplies, hotSeatAt, isOnBreak, pausesToSayIt, phaseOf, sendToRoom, stepIndexOf, type Room, type RoomEvent } from '../rooms/room.ts';
import { resumeRoom, RoomError, saveRoom } from '../rooms/saved-room.ts';
import { playerCeiling, type RoomMode } from '../rooms/schema.ts';
import { stepOnScreen, type Step } from '../rooms/step.ts';
import { loadCoder, useCoder } from '../site/coder-loader.ts';
import { downloadFile } from '../site/download.ts';
import { normaliseCode, roomPath, sendRoomEvent, useRoom, type RoomStatus } from '../site/room-connection.ts';
import type { RenderedMarkdown } from '../site/render-scenario.ts';
import DebriefStep from './DebriefStep.tsx';
import SaveProblem from './SaveProblem.tsx';
import { CodedReplyList, PauseReplies, ReplyList } from './GroupReplies.tsx';
import Html from './Html.tsx';
import SayItTimer from './SayItTimer.tsx';
import SummaryTable from './SummaryTable.tsx';

export interface GroupPlayerProps {
  readonly scenario: Scenario;
  /** Every piece of the scenario's Markdown, rendered to HTML at build time. */
  readonly html: RenderedMarkdown;
}

type Source = { kind: 'pending' } | { kind: 'local' } | { kind: 'remote'; code: string; key: string };

/** Chooses one screen, or a room when the address names one (`?room=CODE#key=KEY`). */
export default function GroupPlayer(props: GroupPlayerProps) {
  const [source, setSource] = useState<Source>({ kind: 'pending' });
  useEffect(() => {
    const room = new URLSearchParams(location.search).get('room');
    if (!room) return setSource({ kind: 'local' });
    const code = normaliseCode(room);
    setSource({ kind: 'remote', code, key: takeKey(code) });
  }, []);
  if (source.kind === 'pending') return <p className="meta">Getting the group player ready…</p>;
  return source.kind === 'local' ? <OneScreen {...props} /> : <RoomScreen {...props} code={source.code} facilitatorKey={source.key} />;
}

/**
 * The facilitator's key for a room, from the address's fragment (`#key=…`), which is then taken off
 * the address so a projected address bar does not show it; kept for this tab so a reload still works.
 */
function takeKey(code: string): string {
  const storageKey = `recovery-coach-practice:room-key:${code}`;
  const fromAddress = new URLSearchParams(location.hash.slice(1)).get('key');
  try {
    if (fromAddress) {
      sessionStorage.setItem(storageKey, fromAddress);
      history.replaceState(history.state, '', `${location.pathname}${location.search}`);
      return fromAddress;
    }
    return sessionStorage.getItem(storageKey) ?? '';
  } catch {
    return fromAddress ?? '';
  }
}

/** Sends events to the room in order, stopping at the first one refused (and saying why); says whether all were taken. */
type Send = (...events: RoomEvent[]) => boolean | Promise<boolean>;

function OneScreen({ scenario, html }: GroupPlayerProps) {
  const machine = useMemo(() => compileScenario(scenario), [scenario]);
  const [room, setRoom] = useState<Room>(() => createRoom(scenario, machine));
  const [resumable, setResumable] = useState<Room>();
  const [notice, setNotice] = useState('');
  const [saveProblem, setSaveProblem] = useState<string>();
  const [ready, setReady] = useState(false);
  const recorded = useRef(false);

  useEffect(() => {
    const saved = loadProgress().progress.groupsInProgress[scenario.id];
    if (saved) {
      try {
        setResumable(resumeRoom(scenario, saved, machine));
      } catch (error) {
        if (!(error instanceof RoomError)) throw error;
        setNotice('This scenario has changed since your group last played it, so the group starts from the beginning.');
        keep(createRoom(scenario, machine));
      }
    }
    setReady(true);
  }, [scenario, machine]);

  /**
   * Keeps the group's run in this browser's progress, like a single run: in progress, then finished
   * once, with the replies typed at each step and their codes (so it waits for the coder, if it
   * is still loading, when there are replies).
   */
  function keep(next: Room) {
    const ended = phaseOf(next) === 'ended';
    const finishing = ended && !recorded.current;
    recorded.current = ended;
    const record = (coder?: ReplyCoder) =>
      setSaveProblem(
        updateProgress((progress) => {
          const { [scenario.id]: _previous, ...others } = progress.groupsInProgress;
          if (!ended) return { ...progress, groupsInProgress: phaseOf(next) === 'setup' ? others : { ...others, [scenario.id]: saveRoom(next) } };
          const finished = finishing ? finishedRunOf(next.context.run, groupRunOf(next, coder)) : undefined;
          return { ...progress, groupsInProgress: others, runs: finished ? [...progress.runs, finished] : progress.runs };
        }).problem,
      );
    if (finishing && hasTypedReplies(next.context)) loadCoder().then(record, () => record());
    else record();
  }

  const send: Send = (...events) => {
    let next = room;
    let refusal = '';
    for (const event of events) {
      const result = sendToRoom(next, event);
      if (!result.ok) {
        refusal = result.refusal.reason;
        break;
      }
      next = result.room;
    }
    setNotice(refusal);
    if (next !== room) {
      setRoom(next);
      keep(next);
    }
    return refusal === '';
  };

  if (resumable) {
    const steps = stepIndexOf(resumable.context);
    return (
      <section className="card" aria-labelledby="resume-title">
        <h2 id="resume-title">Welcome back</h2>
        <p>Your group has a run of this scenario in progress ({steps} {steps === 1 ? 'step' : 'steps'} so far). {playedBySentence(resumable)}</p>
        <div className="actions">
          <button type="button" className="primary" onClick={() => { recorded.current = phaseOf(resumable) === 'ended'; setRoom(resumable); setResumable(undefined); }}>Resume where the group left off</button>
          <button type="button" onClick={() => { setResumable(undefined); keep(createRoom(scenario, machine)); }}>Start a new group run</button>
        </div>
      </section>
    );
  }
  return (
    <>
      <SaveProblem problem={saveProblem} />
      <GroupScreen scenario={scenario} html={html} room={room} send={send} notice={notice} ready={ready} />
    </>
  );
}

function RoomScreen({ scenario, html, code, facilitatorKey }: GroupPlayerProps & { code: string; facilitatorKey: string }) {
  const machine = useMemo(() => compileScenario(scenario), [scenario]);
  const { view, status, update } = useRoom(code);
  const [notice, setNotice] = useState('');
  const room = useMemo(() => {
    if (!view) return undefined;
    try {
      return resumeRoom(scenario, view.saved, machine);
    } catch (error) {
      if (error instanceof RoomError) return error;
      throw error;
    }
  }, [view, scenario, machine]);

  const send: Send = async (...events) => {
    for (const event of events) {
      // Moving on names the phase this screen shows, so a second press (or a retried request) is refused, not a skipped reveal.
      const sent = event.type === 'room.advance' && room && !(room instanceof RoomError) ? { ...event, from: event.from ?? phaseOf(room) } : event;
      const result = await sendRoomEvent(code, sent, { key: facilitatorKey });
      if (!result.ok) {
        setNotice(result.reason);
        return false;
      }
      update(result.view);
    }
    setNotice('');
    return true;
  };

  if (status === 'missing') {
    return (
      <section className="card" aria-labelledby="missing-title">
        <h2 id="missing-title">No room {code} here</h2>
        <p>Rooms run on the computer that started them with <code>npx coach group</code>. Check the address it printed, or <a href={location.pathname}>play on one screen</a> instead.</p>
      </section>
    );
  }
  if (room instanceof RoomError) return <p className="notice" role="alert">This room plays another version of the scenario: {room.message}</p>;
  if (!room) return <p className="meta" role="status">Connecting to room {code}…</p>;
  return (
    <>
    {view && view.problems.length > 0 && (
      <div className="notice" role="alert">
        {view.problems.map((problem) => <p key={problem}>{problem}</p>)}
      </div>
    )}
    <GroupScreen
      scenario={scenario}
      html={html}
      room={room}
      send={send}
      notice={[notice, facilitatorKey ? '' : 'This screen has no facilitator key, so it can follow the room but not move it on. Open the facilitator address that `coach group` printed.'].filter(Boolean).join(' ')}
      ready
      remote={{ code, status }}
    />
    </>
  );
}

interface GroupScreenProps {
  readonly scenario: Scenario;
  readonly html: RenderedMarkdown;
  readonly room: Room;
  readonly send: Send;
  readonly notice: string;
  /** False until the island has read any saved run. */
  readonly ready: boolean;
  /** Present for the facilitator's screen of a room on `coach group`. */
  readonly remote?: { readonly code: string; readonly status: RoomStatus };
}

/** What to say to screen readers when the screen moves on. */
function announcementOf(room: Room, step: Step, personaName: string): string {
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

function GroupScreen({ scenario, html, room, send, notice, ready, remote }: GroupScreenProps) {
  const phase = phaseOf(room);
  const step = stepOnScreen(room);
  const onBreak = isOnBreak(room);
  const { meta } = scenario;
  const focusTarget = useRef<HTMLElement | null>(null);
  const { settings } = room.context;
  // Showing the replies is a new screen too: focus goes to them, and the count's live region says so.
  const repliesOnScreen = phase === 'saying' && step.repliesShown;
  const screenKey = `${phase}:${step.index}:${onBreak}:${repliesOnScreen}`;
  const { coder, failed: coderFailed } = useCoder((settings.typedReplies && pausesToSayIt(settings)) || hasTypedReplies(room.context));
  const firstScreen = useRef(screenKey);
  const [announcement, setAnnouncement] = useState('');
  const [confirmingRestart, setConfirmingRestart] = useState(false);

  useEffect(() => {
    if (screenKey === firstScreen.current) return;
    firstScreen.current = '';
    focusTarget.current?.focus();
    setAnnouncement(repliesOnScreen ? '' : announcementOf(room, step, meta.persona.name));
    // Only a new screen moves focus and speaks; votes arriving do not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [screenKey]);

  const focusHere = (element: HTMLElement | null) => {
    focusTarget.current = element;
  };

  const controls = phase !== 'setup' && (
    <div className="actions no-print" role="group" aria-label="Group controls">
      <button type="button" onClick={() => send({ type: 'step.undo' })} disabled={stepIndexOf(room.context) === 0}>Undo the last step</button>
      {confirmingRestart ? (
        <span role="group" aria-label="Confirm restart">
          Restart from the beginning?{' '}
          <button type="button" onClick={() => { setConfirmingRestart(false); void send({ type: 'room.restart' }); }}>Yes, restart</button>{' '}
          <button type="button" onClick={() => setConfirmingRestart(false)}>No, keep going</button>
        </span>
      ) : (
        <button type="button" onClick={() => setConfirmingRestart(true)}>Restart</button>
      )}
      {!onBreak && <button type="button" onClick={() => send({ type: 'room.pause' })}>Take a break</button>}
      {pausesToSayIt(settings) && phase !== 'ended' && <TypedRepliesSwitch on={settings.typedReplies} send={send} />}
    </div>
  );

  return (
    <section className="group-player" aria-labelledby="group-title">
      <h2 id="group-title" className="visually-hidden">Group practice</h2>
      {notice && <p className="notice" role="status">{notice}</p>}
      {remote && remote.status === 'reconnecting' && <p className="notice" role="status">Reconnecting to the room…</p>}
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">{announcement}</div>
      {phase !== 'setup' && <p className="meta">{whoIsPlaying(room)}</p>}

      {onBreak ? (
        <BreakPanel focusHere={focusHere} onResume={() => send({ type: 'room.resume' })} />
      ) : phase === 'setup' ? (
        <SetUp room={room} send={send} ready={ready} remote={remote} contentNotes={meta.content_notes} />
      ) : phase === 'ended' ? (
        <GroupDebriefView room={room} step={step} html={html} send={send} focusHere={focusHere} coder={coder} />
      ) : (
        <StepView room={room} step={step} html={html} send={send} focusHere={focusHere} personaName={meta.persona.name} remote={Boolean(remote)} coder={coder} coderFailed={coderFailed} />
      )}
      {controls}
    </section>
  );
}

/**
 * Typed replies on or off during the run. It shows the change at once, as a checkbox should, while
 * a room on `coach group` takes it; the room's answer has the last word.
 */
function TypedRepliesSwitch({ on, send }: { on: boolean; send: Send }) {
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

/** The line under the title: the mode and who is playing. */
function whoIsPlaying(room: Room): string {
  const { players, settings } = room.context;
  if (settings.mode === 'hot-seat') return players.length > 0 ? `Hot seat, in turn: ${players.join(', ')}` : 'Hot seat, in turn round the group';
  return players.length > 0 ? `Group vote: ${players.join(', ')}` : 'Group vote';
}

function BreakPanel({ focusHere, onResume }: { focusHere: (element: HTMLElement | null) => void; onResume: () => void }) {
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

function SetUp({ room, send, ready, remote, contentNotes }: { room: Room; send: Send; ready: boolean; remote?: GroupScreenProps['remote']; contentNotes: readonly string[] }) {
  const [names, setNames] = useState('');
  const [mode, setMode] = useState<RoomMode>('vote');
  const [sayItYourWay, setSayItYourWay] = useState(false);
  const [typedReplies, setTypedReplies] = useState(true);
  const [seconds, setSeconds] = useState(60);
  const { players } = room.context;

  function start(event: SubmitEvent) {
    event.preventDefault();
    const joins = names.split(',').map((name) => name.trim()).filter(Boolean).map((name): RoomEvent => ({ type: 'player.join', name }));
    void send(...joins, { type: 'room.start', mode, sayItYourWay: mode === 'hot-seat' || sayItYourWay, sayItSeconds: seconds, typedReplies });
  }

  return (
    <section className="card" aria-labelledby="setup-title">
      <h2 id="setup-title">Before you start</h2>
      {contentNotes.length > 0 && (
        <>
          <p>This scenario includes:</p>
          <ul>{contentNotes.map((note) => <li key={note}>{note}</li>)}</ul>
        </>
      )}
      <p>Anyone can ask for a break at any point; the group's place is kept.</p>
      {remote && <JoinPanel code={remote.code} players={players} limit={room.context.settings.playerLimit} send={send} />}
      <form onSubmit={start}>
        {!remote && (
          <p>
            <label htmlFor="group-names">Names of the people here (optional)</label>
            <br />
            <input id="group-names" type="text" autoComplete="off" value={names} onChange={(event) => setNames(event.target.value)} aria-describedby="group-names-hint" />
            <br />
            <span id="group-names-hint" className="meta">Separate names with commas. In the hot seat, turns go round in this order.</span>
          </p>
        )}
        <fieldset>
          <legend>How will you play?</legend>
          <p>
            <input type="radio" id="mode-hot-seat" name="group-mode" checked={mode === 'hot-seat'} onChange={() => setMode('hot-seat')} aria-describedby="mode-hot-seat-hint" />{' '}
            <label htmlFor="mode-hot-seat">Hot seat</label>
            <br />
            <span id="mode-hot-seat-hint" className="meta">One person is the coach at each step, in turn. They say their own reply aloud first; then the options are shown and they pick one.</span>
          </p>
          <p>
            <input type="radio" id="mode-vote" name="group-mode" checked={mode === 'vote'} onChange={() => setMode('vote')} aria-describedby="mode-vote-hint" />{' '}
            <label htmlFor="mode-vote">Group vote</label>
            <br />
            <span id="mode-vote-hint" className="meta">Everyone votes at each step{remote ? ' on their phone' : ': tap each person\'s vote, or enter the counts'}. The most votes move the scenario on; on a tie, the facilitator chooses.</span>
          </p>
        </fieldset>
        {mode === 'vote' && (
          <p>
            <input type="checkbox" id="say-it" checked={sayItYourWay} onChange={(event) => setSayItYourWay(event.target.checked)} />{' '}
            <label htmlFor="say-it">Pause to say it your way before the options are shown</label>
          </p>
        )}
        {(mode === 'hot-seat' || sayItYourWay) && (
          <p>
            <input type="checkbox" id="typed-replies" checked={typedReplies} onChange={(event) => setTypedReplies(event.target.checked)} aria-describedby="typed-replies-hint" />{' '}
            <label htmlFor="typed-replies">Typed replies during the pause</label>
            <br />
            <span id="typed-replies-hint" className="meta">
              {remote
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
          <select id="say-it-seconds" value={seconds} onChange={(event) => setSeconds(Number(event.target.value))}>
            {[30, 60, 90, 120].map((value) => <option key={value} value={value}>{value} seconds</option>)}
          </select>
        </p>
        <div className="actions">
          <button type="submit" className="primary" disabled={!ready}>{contentNotes.length > 0 ? 'We have read the content notes. Start' : 'Start'}</button>
        </div>
      </form>
    </section>
  );
}

/** For phones: the join address, the code and a QR code, and who has joined so far. */
function JoinPanel({ code, players, limit, send }: { code: string; players: readonly string[]; limit: number; send: Send }) {
  const joinUrl = `${location.origin}/join/?code=${code}`;
  return (
    <section className="join-panel" aria-labelledby="join-title">
      <h3 id="join-title">Join on your phone</h3>
      <img className="qr" src={`${roomPath(code)}/qr.svg`} alt={`QR code for ${joinUrl}`} width="200" height="200" />
      <div>
        <p>On the same network, open <strong className="join-url">{joinUrl}</strong></p>
        <p>Room code: <strong className="room-code">{code}</strong></p>
        <p aria-live="polite">{players.length === 0 ? 'Nobody has joined yet.' : `In the room: ${players.join(', ')}.`}</p>
        {players.length >= limit && (
          <p>
            The room is full: it takes {limit} people.{' '}
            {limit < playerCeiling && <button type="button" onClick={() => void send({ type: 'room.configure', playerLimit: Math.min(playerCeiling, limit + 20) })}>Let {Math.min(playerCeiling, limit + 20)} in</button>}
          </p>
        )}
        <RemovePeople players={players} send={send} />
      </div>
    </section>
  );
}

/**
 * The facilitator takes a name out of the room: someone who left, or a name a phone gave before
 * changing it. They leave the turns, and their vote at the open step goes with them.
 */
function RemovePeople({ players, send }: { players: readonly string[]; send: Send }) {
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

function Lines({ step, html }: { step: Step; html: RenderedMarkdown }) {
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

const votes = (n: number) => `${n} ${n === 1 ? 'vote' : 'votes'}`;

interface StepViewProps {
  readonly room: Room;
  readonly step: Step;
  readonly html: RenderedMarkdown;
  readonly send: Send;
  readonly focusHere: (element: HTMLElement | null) => void;
  readonly personaName: string;
  readonly remote: boolean;
  /** Codes typed replies; undefined while it loads, or when typed replies are off. */
  readonly coder: ReplyCoder | undefined;
  readonly coderFailed: boolean;
}

function StepView({ room, step, html, send, focusHere, personaName, remote, coder, coderFailed }: StepViewProps) {
  const phase = phaseOf(room);
  const { context } = room;
  const { typedReplies } = context.settings;
  const nextSeat = hotSeatAt(context, phase === 'revealed' ? stepIndexOf(context) : step.index + 1);
  const repliesShown = phase === 'saying' && step.repliesShown;
  const canShowReplies = phase === 'saying' && typedReplies && !step.repliesShown && step.replies.length > 0;
  return (
    <section className="projector" aria-labelledby="step-title">
      <h2 id="step-title" tabIndex={-1} ref={phase === 'revealed' || repliesShown ? undefined : focusHere}>Step {step.index + 1}</h2>
      {step.hotSeat && <p className="hot-seat">In the hot seat: <strong>{step.hotSeat}</strong>{nextSeat && nextSeat !== step.hotSeat ? ` · next: ${nextSeat}` : ''}</p>}
      <Lines step={step} html={html} />
      {phase === 'saying' && (
        <div className="card">
          <h3>Say it your way</h3>
          <p>
            {step.hotSeat ? `${step.hotSeat}, say` : 'Say'} your reply to {personaName} aloud, in your own words.
            {typedReplies ? (remote ? ' Everyone can type theirs on their phone too.' : '') : ''} Then {typedReplies && !step.repliesShown ? 'show the replies, then ' : ''}show the options.
          </p>
          <SayItTimer seconds={context.settings.sayItSeconds} />
          {(typedReplies || step.repliesShown) && (
            <PauseReplies
              replies={step.replies}
              shown={step.repliesShown}
              lines={step.lines}
              person={personaName}
              coder={coder}
              coderFailed={coderFailed}
              focusHere={focusHere}
              phones={remote}
              typedFor={remote ? undefined : (step.hotSeat ?? (context.settings.mode === 'hot-seat' ? 'The hot seat' : undefined))}
              {...(remote ? {} : { onType: (text: string) => void send({ type: 'reply.send', player: `screen-${step.replies.length + 1}`, text }) })}
            />
          )}
          <div className="actions">
            {canShowReplies && (
              <button type="button" className="primary" onClick={() => send({ type: 'replies.show' })}>Show the {step.replies.length === 1 ? 'reply' : 'replies'}</button>
            )}
            <button type="button" className={canShowReplies ? undefined : 'primary'} onClick={() => send({ type: 'room.advance' })}>Show the options</button>
          </div>
        </div>
      )}
      {phase === 'voting' && step.repliesShown && step.replies.length > 0 && (
        <section className="card" aria-labelledby="group-replies-title">
          <h3 id="group-replies-title">The group's replies, without names</h3>
          <CodedReplyList replies={step.replies} lines={step.lines} person={personaName} coder={coder} coderFailed={coderFailed} />
        </section>
      )}
      {phase === 'voting' && <Voting room={room} step={step} send={send} remote={remote} />}
      {phase === 'revealed' && (
        <section aria-labelledby="reveal-title">
          <h3 id="reveal-title" tabIndex={-1} ref={focusHere}>The group's choice</h3>
          <ol className="option-list">
            {step.options.map((option) => (
              <li key={option.index} className={option === step.decided?.option ? 'chosen' : undefined}>
                <span className="option-number">{option.number}</span>
                <span>
                  “{option.choice.says}” <span className="code-name">{option.choice.code.name}</span> · {votes(option.votes)}
                  {option === step.decided?.option && <strong> · the group's choice{step.decided.by === 'facilitator' ? ', chosen by the facilitator' : step.decided.by === 'hot seat' ? ', picked in the hot seat' : ''}</strong>}
                </span>
              </li>
            ))}
          </ol>
          <div className="feedback">
            <h4>{step.decided!.option.choice.code.name}</h4>
            <Html markdown={step.decided!.option.choice.feedback} html={html} as="div" />
          </div>
          <div className="actions">
            <button type="button" className="primary" onClick={() => send({ type: 'room.advance' })}>
              {endingOf(context.run) ? 'See the debrief' : nextSeat ? `Next step: ${nextSeat} takes the hot seat` : 'Next step'}
            </button>
          </div>
        </section>
      )}
    </section>
  );
}

/** A room's reason for waiting, as a sentence for the screen: without the API's `{"choice": n}` hint. */
function reasonInWords(reason: string): string {
  const sentence = reason.replace(/: .*$/, '').replace(/, with \{.*$/, '');
  return /[.?!]$/.test(sentence) ? sentence : `${sentence}.`;
}

function Voting({ room, step, send, remote }: { room: Room; step: Step; send: Send; remote: boolean }) {
  const { context } = room;
  const { players, settings } = context;
  const decision = decisionOf(context);
  const [pick, setPick] = useState<number>();
  const seat = step.hotSeat;
  const anonymousSeat = settings.mode === 'hot-seat' && !seat;
  const voted = Object.keys(step.ballot.votes);
  const numberOf = (index: number) => step.options.find((option) => option.index === index)!.number;

  const voteGroup = (player: string, label: string) => (
    <fieldset key={player} className="vote-row">
      <legend>{label}</legend>
      {step.options.map((option) => (
        <label key={option.index} className="vote-choice">
          <input type="radio" name={`vote-${step.index}-${player}`} checked={step.ballot.votes[player] === option.index} onChange={() => send({ type: 'vote.cast', player, choice: option.number })} />
          {option.number}
        </label>
      ))}
    </fieldset>
  );

  const countInputs = (legend: string) => (
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
  const counted = Object.values(step.ballot.counts).reduce((sum, count) => sum + count, 0);

  return (
    <section aria-labelledby="options-title">
      <h3 id="options-title">What does the coach say?</h3>
      <ol className="option-list">
        {step.options.map((option) => (
          <li key={option.index}>
            <span className="option-number">{option.number}</span>
            <span>“{option.choice.says}”{settings.mode === 'vote' && <span className="meta"> · {votes(option.votes)}</span>}</span>
          </li>
        ))}
      </ol>
      {remote ? (
        <>
          <p aria-live="polite">
            {players.length === 0 ? 'Nobody has joined yet.' : `Voted: ${voted.length} of ${players.length}${voted.length > 0 ? ` (${voted.join(', ')})` : ''}.`}
            {counted > 0 && ` Plus ${counted} ${counted === 1 ? 'vote' : 'votes'} from people without a phone.`}
          </p>
          <RemovePeople players={players} send={send} />
          {settings.mode === 'vote' && (
            // Not everyone in a group has a phone, or wants to use one: their hands can be counted here.
            <details className="no-phone-votes">
              <summary>Votes from people without a phone</summary>
              {countInputs('Votes from people without a phone, for each option')}
            </details>
          )}
        </>
      ) : settings.mode === 'hot-seat' ? (
        seat ? voteGroup(seat, `${seat}'s pick`) : (
          <fieldset className="vote-row">
            <legend>The hot seat's pick</legend>
            {step.options.map((option) => (
              <label key={option.index} className="vote-choice">
                <input type="radio" name={`pick-${step.index}`} checked={pick === option.number} onChange={() => setPick(option.number)} />
                {option.number}
              </label>
            ))}
          </fieldset>
        )
      ) : players.length > 0 ? (
        <div className="vote-grid">{players.map((player) => voteGroup(player, `${player}'s vote`))}</div>
      ) : (
        countInputs('Votes for each option')
      )}
      {decision.kind === 'waiting' && remote && (
        <div role="group" aria-label="The facilitator chooses">
          <p className="meta">{reasonInWords(decision.reason)} Or the facilitator chooses:</p>
          <div className="actions">
            {step.options.map((option) => (
              <button key={option.index} type="button" onClick={() => send({ type: 'room.advance', choice: option.number })}>Choose {option.number}</button>
            ))}
          </div>
        </div>
      )}
      {decision.kind === 'tie' && !anonymousSeat && (
        <div className="notice" role="group" aria-label="Break the tie">
          <p>
            {voted.length < players.length
              ? // Not everyone has voted: a tie now may not be one in a moment.
                `So far it is a tie between ${decision.between.map(numberOf).sort().join(' and ')} (${voted.length} of ${players.length} have voted). If it stays a tie, the facilitator chooses:`
              : `It is a tie between ${decision.between.map(numberOf).sort().join(' and ')}. The facilitator chooses:`}
          </p>
          <div className="actions">
            {decision.between.map(numberOf).sort().map((number) => (
              <button key={number} type="button" onClick={() => send({ type: 'room.advance', choice: number })}>Choose {number}</button>
            ))}
          </div>
        </div>
      )}
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={anonymousSeat ? pick === undefined : decision.kind !== 'decided'}
          onClick={() => send(anonymousSeat ? { type: 'room.advance', choice: pick! } : { type: 'room.advance' })}
        >
          Reveal the group's choice
        </button>
        {decision.kind === 'waiting' && !anonymousSeat && !remote && <span className="meta">{reasonInWords(decision.reason)}</span>}
      </div>
    </section>
  );
}

function GroupDebriefView({ room, step, html, send, focusHere, coder }: { room: Room; step: Step; html: RenderedMarkdown; send: Send; focusHere: (element: HTMLElement | null) => void; coder: ReplyCoder | undefined }) {
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
