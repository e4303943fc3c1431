/**
 * The facilitator's screen of a live group room, built for a projector: one screen that never
 * scrolls at 1280x720 or 1920x1080, with the person's line and the options in large type (shrunk
 * only as far as a long step needs, see `useFitToScreen`), who has voted (names, never their
 * choice) and, at the reveal, every option's code and feedback with the group's choice marked. The
 * join code and QR code stay in a corner until the facilitator hides them. Undo, restart, a break,
 * the settings and the people sit in a panel that opens over the screen, so the projected content
 * leads. The room lives on the server and arrives as JSON; it is rebuilt here with the engine, and
 * what the server keeps back until the reveal (the counts, who chose what) is read from its view.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject, type SubmitEvent } from 'react';
import { compileScenario } from '../engine/compile.ts';
import { endingOf } from '../engine/run.ts';
import { hasTypedReplies, hotSeatAt, isOnBreak, pausesToSayIt, phaseOf, stepIndexOf, type Room } from '../rooms/room.ts';
import { resumeRoom, RoomError } from '../rooms/saved-room.ts';
import { playerCeiling } from '../rooms/schema.ts';
import { stepOnScreen, type Step } from '../rooms/step.ts';
import type { RoomView } from '../rooms/view.ts';
import { useCoder } from '../site/coder-loader.ts';
import { noRoomSentence, roomPath, sendRoomEvent, useRoom } from '../site/room-connection.ts';
import type { RenderedMarkdown } from '../site/render-scenario.ts';
import type { GroupPlayerProps } from './GroupPlayer.tsx';
import { BreakPanel, ContentNotesList, GroupDebriefView, Lines, PlaySettings, RemovePeople, startLabel, useScreenChange, VoteCountInputs, votes, type PlayChoices, type Send } from './GroupParts.tsx';
import { CodedReplyList, PauseReplies } from './GroupReplies.tsx';
import Html from './Html.tsx';
import SayItTimer from './SayItTimer.tsx';

/** The room's screen, connected: the code from the address, the key taken from its fragment. */
export default function RoomProjector({ scenario, html, code, facilitatorKey, oneScreen = true }: GroupPlayerProps & { code: string; facilitatorKey: string; oneScreen?: boolean }) {
  const machine = useMemo(() => compileScenario(scenario), [scenario]);
  const { view, status, update } = useRoom(code);
  const [notice, setNotice] = useState('');
  // The page's own header, intro and footer step aside (group.astro sets this before the first
  // paint), except on the page that says there is no such room.
  useEffect(() => {
    document.documentElement.classList.toggle('in-room', status !== 'missing');
  }, [status]);
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
        {/* An uploaded scenario's screen (/rooms/play/) has no one-screen page to offer. */}
        <p>{noRoomSentence(code)}{oneScreen && <> Or <a href={location.pathname}>play on one screen</a> instead.</>}</p>
      </section>
    );
  }
  if (room instanceof RoomError) return <p className="notice" role="alert">This room plays another version of the scenario: {room.message}</p>;
  if (!room || !view) return <p className="meta" role="status">Connecting to room {code}…</p>;
  const notices = [
    notice,
    facilitatorKey ? '' : 'This screen has no facilitator key, so it can follow the room but not move it on. Open the full facilitator link given when the room was opened.',
    status === 'reconnecting' ? 'Reconnecting to the room…' : '',
  ].filter(Boolean);
  return <Projector scenario={scenario} html={html} room={room} view={view} send={send} notices={notices} code={code} />;
}

interface ProjectorProps {
  readonly scenario: GroupPlayerProps['scenario'];
  readonly html: RenderedMarkdown;
  readonly room: Room;
  readonly view: RoomView;
  readonly send: Send;
  /** What the facilitator should know, in plain words: a refusal, the connection, a missing key (the room's own problems come with `view`). */
  readonly notices: readonly string[];
  readonly code: string;
}

/**
 * Shrinks the stage's type (its `--fit` scale, which every size on the stage is multiplied by)
 * until what it shows fits without scrolling, but not below 55%: a long step on a small projector
 * still fits, and a short one keeps its full size. Measured after every render and on resizing.
 */
function useFitToScreen(stage: RefObject<HTMLElement | null>, active: boolean): void {
  useLayoutEffect(() => {
    const element = stage.current;
    if (!element) return;
    const fit = () => {
      let scale = 1;
      element.style.setProperty('--fit', '1');
      if (!active) return;
      while (scale > 0.55 && element.scrollHeight > element.clientHeight + 1) {
        scale = Math.round((scale - 0.05) * 100) / 100;
        element.style.setProperty('--fit', String(scale));
      }
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(element);
    return () => observer.disconnect();
  });
}

/** A yes or no kept for this tab, so a reload of the facilitator's screen keeps it. */
function useTabFlag(key: string, initial: boolean): [boolean, (value: boolean) => void] {
  const [value, setValue] = useState(() => {
    try {
      const kept = sessionStorage.getItem(key);
      return kept === null ? initial : kept === 'true';
    } catch {
      return initial;
    }
  });
  return [
    value,
    (next) => {
      setValue(next);
      try {
        sessionStorage.setItem(key, String(next));
      } catch {
        // Not kept: a reload shows the default again.
      }
    },
  ];
}

function Projector({ scenario, html, room, view, send, notices, code }: ProjectorProps) {
  const phase = phaseOf(room);
  const step = stepOnScreen(room);
  const onBreak = isOnBreak(room);
  const { meta } = scenario;
  const { settings, players } = room.context;
  const { coder, failed: coderFailed } = useCoder((settings.typedReplies && pausesToSayIt(settings)) || hasTypedReplies(room.context));
  const { announcement, focusHere } = useScreenChange(room, step, meta.persona.name);
  const [joinShown, setJoinShown] = useTabFlag(`recovery-coach-practice:room-join-shown:${code}`, true);
  const [panelOpen, setPanelOpen] = useState(false);
  const [tieAsked, setTieAsked] = useState(false);
  const panelButton = useRef<HTMLButtonElement>(null);
  const stage = useRef<HTMLDivElement>(null);
  const lobby = phase === 'setup';
  useFitToScreen(stage, phase !== 'ended' && !onBreak);

  const tie = phase === 'voting' ? (view.tie ?? undefined) : undefined;
  useEffect(() => setTieAsked(false), [phase, step.index]);
  const nextSeat = hotSeatAt(room.context, phase === 'revealed' ? stepIndexOf(room.context) : step.index + 1);
  const where = lobby ? 'Getting ready' : phase === 'ended' ? 'The end' : `Step ${step.index + 1}`;
  const mode = settings.mode === 'hot-seat' ? 'Hot seat' : 'Group vote';

  return (
    <section className={`room-projector${lobby ? ' is-lobby' : ''}`} aria-labelledby="room-screen-title">
      <header className="projector-bar">
        <h2 id="room-screen-title" className="projector-title">{meta.title}</h2>
        <p className="projector-where">{where} · {mode}{settings.liveCounts ? ' · live counts' : ''}</p>
        <div className="projector-tools no-print">
          {!lobby && !joinShown && <button type="button" onClick={() => setJoinShown(true)}>Show the join code</button>}
          {!lobby && (
            <button type="button" ref={panelButton} aria-expanded={panelOpen} aria-controls="facilitator-panel" onClick={() => setPanelOpen(!panelOpen)}>
              Controls and settings
            </button>
          )}
        </div>
      </header>
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">{announcement}</div>
      <div className="projector-notices">
        {/* The room's own problems (a save that failed, a vote set aside) are urgent: said at once. */}
        {view.problems.length > 0 && (
          <div role="alert">
            {view.problems.map((problem) => <p key={problem} className="notice">{problem}</p>)}
          </div>
        )}
        <div role="status">
          {notices.map((notice) => <p key={notice} className="notice">{notice}</p>)}
        </div>
      </div>
      <div className="projector-body">
        <div className={`projector-stage${phase === 'revealed' ? ' is-reveal' : ''}`} ref={stage}>
          {onBreak ? (
            <BreakPanel focusHere={focusHere} onResume={() => send({ type: 'room.resume' })} />
          ) : lobby ? (
            <Lobby room={room} send={send} code={code} contentNotes={meta.content_notes} />
          ) : phase === 'ended' ? (
            <GroupDebriefView room={room} step={step} html={html} send={send} focusHere={focusHere} coder={coder} />
          ) : (
            <StepOnStage room={room} view={view} step={step} html={html} focusHere={focusHere} personaName={meta.persona.name} coder={coder} coderFailed={coderFailed} />
          )}
        </div>
        {!lobby && joinShown && (
          <aside className="join-corner" aria-labelledby="corner-title">
            <h3 id="corner-title" className="visually-hidden">Join on your phone</h3>
            <JoinCode code={code} />
            <p className="meta">{players.length} in the room</p>
            <button type="button" className="no-print" onClick={() => setJoinShown(false)}>Hide the join code</button>
          </aside>
        )}
      </div>
      {!onBreak && phase !== 'ended' && (
        <footer className="projector-foot no-print">
          {lobby ? (
            <>
              <p aria-live="polite">{players.length === 0 ? 'Nobody has joined yet.' : `${players.length} in the room.`}</p>
              <button type="submit" form="room-setup" className="primary">{startLabel(meta.content_notes)}</button>
            </>
          ) : phase === 'saying' ? (
            <SayingActions step={step} typedReplies={settings.typedReplies} send={send} />
          ) : phase === 'voting' ? (
            <VotingActions room={room} view={view} step={step} send={send} tie={tieAsked ? tie : undefined} onReveal={() => (tie ? setTieAsked(true) : void send({ type: 'room.advance' }))} />
          ) : (
            <>
              <p>{step.decided?.by === 'facilitator' ? 'Chosen by the facilitator.' : step.decided?.by === 'hot seat' ? `Picked in the hot seat${step.hotSeat ? ` by ${step.hotSeat}` : ''}.` : 'Chosen by the most votes.'}</p>
              <button type="button" className="primary" onClick={() => send({ type: 'room.advance' })}>
                {endingOf(room.context.run) ? 'See the debrief' : nextSeat ? `Next step: ${nextSeat} takes the hot seat` : 'Next step'}
              </button>
            </>
          )}
        </footer>
      )}
      {panelOpen && !lobby && (
        <FacilitatorPanel
          room={room}
          view={view}
          step={step}
          send={send}
          onClose={() => {
            setPanelOpen(false);
            panelButton.current?.focus();
          }}
        />
      )}
    </section>
  );
}

/** The join address, the room code and a QR code: large in the lobby, in a corner during steps. */
function JoinCode({ code }: { code: string }) {
  const joinUrl = `${location.origin}/join/?code=${code}`;
  return (
    <div className="join-code">
      <img className="qr" src={`${roomPath(code)}/qr.svg`} alt={`QR code for ${joinUrl}`} width="200" height="200" />
      <p>Room code: <strong className="room-code">{code}</strong></p>
      <p className="join-url">{joinUrl.replace(/^https?:\/\//, '')}</p>
    </div>
  );
}

/**
 * The room's settings, changed at once: the box shows a change straight away, as a control should,
 * while the room takes it; if the room refuses (it says why), the box goes back to the room's.
 */
function RoomSettings({ room, send }: { room: Room; send: Send }) {
  const { mode, sayItYourWay, sayItSeconds, typedReplies, liveCounts } = room.context.settings;
  const fromRoom: PlayChoices = { mode, sayItYourWay, sayItSeconds, typedReplies, liveCounts };
  const [shown, setShown] = useState(fromRoom);
  const latest = useRef(fromRoom);
  latest.current = fromRoom;
  const key = JSON.stringify(fromRoom);
  useEffect(() => setShown(latest.current), [key]);
  return (
    <PlaySettings
      value={shown}
      phones
      onChange={(change) => {
        setShown({ ...shown, ...change });
        void Promise.resolve(send({ type: 'room.configure', ...change })).then((taken) => taken || setShown(latest.current));
      }}
    />
  );
}

/** Before the start: how to join, who is in, and how the group will play. */
function Lobby({ room, send, code, contentNotes }: { room: Room; send: Send; code: string; contentNotes: readonly string[] }) {
  const { players, settings } = room.context;
  const limit = settings.playerLimit;
  function start(event: SubmitEvent) {
    event.preventDefault();
    const { mode, sayItYourWay, sayItSeconds, typedReplies, liveCounts } = settings;
    void send({ type: 'room.start', mode, sayItYourWay: mode === 'hot-seat' || sayItYourWay, sayItSeconds, typedReplies, liveCounts });
  }
  return (
    <div className="lobby">
      <section className="lobby-join" aria-labelledby="join-title">
        <h3 id="join-title">Join on your phone</h3>
        <JoinCode code={code} />
        <p aria-live="polite">{players.length === 0 ? 'Nobody has joined yet.' : `In the room: ${players.join(', ')}.`}</p>
        {players.length >= limit && (
          <p>
            The room is full: it takes {limit} people.{' '}
            {limit < playerCeiling && <button type="button" onClick={() => void send({ type: 'room.configure', playerLimit: Math.min(playerCeiling, limit + 20) })}>Let {Math.min(playerCeiling, limit + 20)} in</button>}
          </p>
        )}
        <RemovePeople players={players} send={send} />
      </section>
      <form id="room-setup" className="lobby-setup" onSubmit={start} aria-labelledby="setup-title">
        <h3 id="setup-title">Before you start</h3>
        <ContentNotesList notes={contentNotes} />
        <RoomSettings room={room} send={send} />
      </form>
    </div>
  );
}

interface StepOnStageProps {
  readonly room: Room;
  readonly view: RoomView;
  readonly step: Step;
  readonly html: RenderedMarkdown;
  readonly focusHere: (element: HTMLElement | null) => void;
  readonly personaName: string;
  readonly coder: Parameters<typeof CodedReplyList>[0]['coder'];
  readonly coderFailed: boolean;
}

/** A step on the projector: the person's line, then the pause, the options or the reveal. */
function StepOnStage({ room, view, step, html, focusHere, personaName, coder, coderFailed }: StepOnStageProps) {
  const phase = phaseOf(room);
  const { settings } = room.context;
  const repliesShown = phase === 'saying' && step.repliesShown;
  return (
    <>
      <h3 id="step-title" className="projector-step" tabIndex={-1} ref={phase === 'revealed' || repliesShown ? undefined : focusHere}>Step {step.index + 1}</h3>
      {step.hotSeat && <p className="hot-seat">{step.hotSeat} is in the hot seat: {step.hotSeat} picks.</p>}
      <Lines step={step} html={html} />
      {phase === 'saying' && (
        <div className="say-it">
          <div>
            <h4>Say it your way</h4>
            <p>
              {step.hotSeat ? `${step.hotSeat}, say` : 'Say'} your reply to {personaName} aloud, in your own words.
              {settings.typedReplies ? ' Everyone can type theirs on their phone too.' : ''}
            </p>
            <SayItTimer seconds={settings.sayItSeconds} />
          </div>
          {(settings.typedReplies || step.repliesShown) && (
            <PauseReplies replies={step.replies} shown={step.repliesShown} lines={step.lines} person={personaName} coder={coder} coderFailed={coderFailed} focusHere={focusHere} phones />
          )}
        </div>
      )}
      {phase === 'voting' && step.repliesShown && step.replies.length > 0 && (
        <section aria-labelledby="group-replies-title">
          <h4 id="group-replies-title">The group's replies, without names</h4>
          <CodedReplyList replies={step.replies} lines={step.lines} person={personaName} coder={coder} coderFailed={coderFailed} />
        </section>
      )}
      {phase === 'voting' && (
        <section aria-labelledby="options-title">
          <h4 id="options-title" className="visually-hidden">What does the coach say?</h4>
          <ol className="stage-options" aria-labelledby="options-title">
            {step.options.map((option) => (
              <li key={option.index}>
                <span className="option-number">{option.number}</span>
                <span>
                  “{option.choice.says}”
                  {view.liveCounts && <span className="option-votes"> · {votes(view.votes[option.number] ?? 0)}</span>}
                </span>
              </li>
            ))}
          </ol>
        </section>
      )}
      {phase === 'revealed' && <Reveal step={step} html={html} focusHere={focusHere} />}
    </>
  );
}

/** The reveal: every option with its code, votes and feedback, so the group can talk about why; the group's choice marked. */
function Reveal({ step, html, focusHere }: { step: Step; html: RenderedMarkdown; focusHere: (element: HTMLElement | null) => void }) {
  const chosen = step.decided?.option;
  return (
    <section aria-labelledby="reveal-title">
      <h4 id="reveal-title" tabIndex={-1} ref={focusHere}>The group's choice</h4>
      <ol className="stage-options reveal-options">
        {step.options.map((option) => (
          <li key={option.index} className={option === chosen ? 'chosen' : undefined}>
            <span className="option-number">{option.number}</span>
            <div>
              <p className="reveal-says">“{option.choice.says}”</p>
              <p className="reveal-code">
                <span className="code-name">{option.choice.code.name}</span> · {votes(option.votes)}
                {option === chosen && <strong className="chosen-mark"> · the group's choice</strong>}
              </p>
              <Html markdown={option.choice.feedback} html={html} as="div" className="reveal-feedback" />
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

function SayingActions({ step, typedReplies, send }: { step: Step; typedReplies: boolean; send: Send }) {
  const canShowReplies = typedReplies && !step.repliesShown && step.replies.length > 0;
  return (
    <>
      <p>{canShowReplies ? 'Show the replies, then the options.' : 'Then show the options.'}</p>
      <div className="actions">
        {canShowReplies && (
          <button type="button" className="primary" onClick={() => send({ type: 'replies.show' })}>Show the {step.replies.length === 1 ? 'reply' : 'replies'}</button>
        )}
        <button type="button" className={canShowReplies ? undefined : 'primary'} onClick={() => send({ type: 'room.advance' })}>Show the options</button>
      </div>
    </>
  );
}

/** Who has voted (names only), the reveal, and on a tie the facilitator's pick. */
function VotingActions({ room, view, step, send, tie, onReveal }: { room: Room; view: RoomView; step: Step; send: Send; tie: readonly number[] | undefined; onReveal: () => void }) {
  const { players } = room.context;
  const counted = Object.values(step.ballot.counts).reduce((sum, count) => sum + count, 0);
  const seat = step.hotSeat;
  const tieGroup = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (tie) tieGroup.current?.focus();
  }, [tie]);
  const status = seat
    ? `${view.voted.includes(seat) ? `${seat} has picked.` : `Waiting for ${seat}'s pick.`} Voted: ${view.voted.length} of ${players.length}.`
    : players.length === 0
      ? 'Nobody has joined yet.'
      : `Voted: ${view.voted.length} of ${players.length}${view.voted.length > 0 ? ` (${view.voted.join(', ')})` : ''}.`;
  // A tie or nobody's vote yet is the facilitator's to settle: the reveal waits until then.
  const blocked = view.waiting !== null && view.tie === null;
  return (
    <>
      <p aria-live="polite">
        {status}
        {counted > 0 && ` Plus ${counted} ${counted === 1 ? 'vote' : 'votes'} from people without a phone.`}
      </p>
      {tie ? (
        <div className="tie" role="group" aria-label="Break the tie" tabIndex={-1} ref={tieGroup}>
          <p>It's a tie between {tie.join(' and ')}: the facilitator picks.</p>
          <div className="actions">
            {tie.map((number) => (
              <button key={number} type="button" onClick={() => send({ type: 'room.advance', choice: number })}>Choose {number}</button>
            ))}
          </div>
        </div>
      ) : (
        <div className="actions">
          {blocked && <span className="meta">{seat ? '' : 'Nobody has voted yet. '}The facilitator can pick in Controls and settings.</span>}
          <button type="button" className="primary" disabled={blocked} onClick={onReveal}>Reveal the group's choice</button>
        </div>
      )}
    </>
  );
}

/** Undo, restart, a break, the facilitator's pick, hand counts, the settings and the people: over the screen, until closed. */
function FacilitatorPanel({ room, view, step, send, onClose }: { room: Room; view: RoomView; step: Step; send: Send; onClose: () => void }) {
  const phase = phaseOf(room);
  const { players, settings } = room.context;
  const [confirmingRestart, setConfirmingRestart] = useState(false);
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), []);
  return (
    <section
      id="facilitator-panel"
      className="facilitator-panel no-print"
      aria-labelledby="panel-title"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <div className="panel-head">
        <h3 id="panel-title" tabIndex={-1} ref={title}>Controls and settings</h3>
        <button type="button" onClick={onClose}>Close</button>
      </div>
      <h4>This step</h4>
      <div className="actions" role="group" aria-label="Group controls">
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
        {!isOnBreak(room) && <button type="button" onClick={() => send({ type: 'room.pause' })}>Take a break</button>}
      </div>
      {phase === 'voting' && view.waiting !== null && (
        <div role="group" aria-label="The facilitator picks">
          <p>Pick for the group:</p>
          <div className="actions">
            {step.options.map((option) => (
              <button key={option.index} type="button" onClick={() => send({ type: 'room.advance', choice: option.number })}>Choose {option.number}</button>
            ))}
          </div>
        </div>
      )}
      {phase === 'voting' && settings.mode === 'vote' && (
        // Not everyone in a group has a phone, or wants to use one: their hands can be counted here.
        <VoteCountInputs legend="Votes from people without a phone, for each option" step={step} send={send} />
      )}
      <h4>Settings</h4>
      <p className="meta">A new mode or pause starts at the next step.</p>
      <RoomSettings room={room} send={send} />
      <h4>People</h4>
      <p>{players.length === 0 ? 'Nobody has joined yet.' : `In the room: ${players.join(', ')}.`}</p>
      <RemovePeople players={players} send={send} />
    </section>
  );
}
