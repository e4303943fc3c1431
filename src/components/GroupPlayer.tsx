/**
 * Group practice: a peer group plays a scenario together, on one screen (a projector, a shared
 * screen on a call), or as the facilitator's projector screen of a room, with phones voting
 * (RoomProjector). Both go through the room module (src/rooms/): on one screen the room lives here
 * and is kept in this browser's progress; in a room it lives on the server and arrives as JSON,
 * rebuilt with the same engine. Focus moves to each new step, and each step is announced politely.
 */
import { lazy, Suspense, useEffect, useMemo, useRef, useState, type SubmitEvent } from 'react';
import { compileScenario } from '../engine/compile.ts';
import { endingOf } from '../engine/run.ts';
import type { Scenario } from '../engine/types.ts';
import { finishedRunOf } from '../progress/finished-run.ts';
import { loadProgress, updateProgress } from '../progress/store.ts';
import { groupRunOf, playedBySentence } from '../rooms/group-debrief.ts';
import type { ReplyCoder } from '../rooms/replies.ts';
import { createRoom, decisionOf, hasTypedReplies, hotSeatAt, isOnBreak, pausesToSayIt, phaseOf, sendToRoom, stepIndexOf, type Room, type RoomEvent } from '../rooms/room.ts';
import { resumeRoom, RoomError, saveRoom } from '../rooms/saved-room.ts';
import { stepOnScreen, type Step } from '../rooms/step.ts';
import { loadCoder, useCoder } from '../site/coder-loader.ts';
import { inPlainWords, normaliseCode, takeKey } from '../site/room-connection.ts';
import type { RenderedMarkdown } from '../site/render-scenario.ts';
import Html from './Html.tsx';
import SaveProblem from './SaveProblem.tsx';
import { BreakPanel, ContentNotesList, GroupDebriefView, Lines, PlaySettings, startLabel, TypedRepliesSwitch, useScreenChange, VoteCountInputs, votes, whoIsPlaying, type PlayChoices, type Send } from './GroupParts.tsx';
import { CodedReplyList, PauseReplies } from './GroupReplies.tsx';
import SayItTimer from './SayItTimer.tsx';

export interface GroupPlayerProps {
  readonly scenario: Scenario;
  /** Every piece of the scenario's Markdown, rendered to HTML at build time. */
  readonly html: RenderedMarkdown;
}

/** A room's projector screen is loaded only for a room, so one screen pays nothing for it. */
const RoomProjector = lazy(() => import('./RoomProjector.tsx'));

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
  if (source.kind === 'local') return <OneScreen {...props} />;
  return (
    <Suspense fallback={<p className="meta" role="status">Connecting to room {source.code}…</p>}>
      <RoomProjector {...props} code={source.code} facilitatorKey={source.key} />
    </Suspense>
  );
}



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

interface GroupScreenProps {
  readonly scenario: Scenario;
  readonly html: RenderedMarkdown;
  readonly room: Room;
  readonly send: Send;
  readonly notice: string;
  /** False until the island has read any saved run. */
  readonly ready: boolean;
}

function GroupScreen({ scenario, html, room, send, notice, ready }: GroupScreenProps) {
  const phase = phaseOf(room);
  const step = stepOnScreen(room);
  const onBreak = isOnBreak(room);
  const { meta } = scenario;
  const { settings } = room.context;
  const { coder, failed: coderFailed } = useCoder((settings.typedReplies && pausesToSayIt(settings)) || hasTypedReplies(room.context));
  const { announcement, focusHere } = useScreenChange(room, step, meta.persona.name);
  const [confirmingRestart, setConfirmingRestart] = useState(false);

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
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">{announcement}</div>
      {phase !== 'setup' && <p className="meta">{whoIsPlaying(room)}</p>}

      {onBreak ? (
        <BreakPanel focusHere={focusHere} onResume={() => send({ type: 'room.resume' })} />
      ) : phase === 'setup' ? (
        <SetUp send={send} ready={ready} contentNotes={meta.content_notes} />
      ) : phase === 'ended' ? (
        <GroupDebriefView room={room} step={step} html={html} send={send} focusHere={focusHere} coder={coder} />
      ) : (
        <StepView room={room} step={step} html={html} send={send} focusHere={focusHere} personaName={meta.persona.name} coder={coder} coderFailed={coderFailed} />
      )}
      {controls}
    </section>
  );
}


function SetUp({ send, ready, contentNotes }: { send: Send; ready: boolean; contentNotes: readonly string[] }) {
  const [names, setNames] = useState('');
  const [choices, setChoices] = useState<PlayChoices>({ mode: 'vote', sayItYourWay: false, sayItSeconds: 60, typedReplies: true });

  function start(event: SubmitEvent) {
    event.preventDefault();
    const joins = names.split(',').map((name) => name.trim()).filter(Boolean).map((name): RoomEvent => ({ type: 'player.join', name }));
    void send(...joins, { type: 'room.start', ...choices, sayItYourWay: choices.mode === 'hot-seat' || choices.sayItYourWay });
  }

  return (
    <section className="card" aria-labelledby="setup-title">
      <h2 id="setup-title">Before you start</h2>
      <ContentNotesList notes={contentNotes} />
      <form onSubmit={start}>
        <p>
          <label htmlFor="group-names">Names of the people here (optional)</label>
          <br />
          <input id="group-names" type="text" autoComplete="off" value={names} onChange={(event) => setNames(event.target.value)} aria-describedby="group-names-hint" />
          <br />
          <span id="group-names-hint" className="meta">Separate names with commas. In the hot seat, turns go round in this order.</span>
        </p>
        <PlaySettings value={choices} onChange={(change) => setChoices({ ...choices, ...change })} phones={false} />
        <div className="actions">
          <button type="submit" className="primary" disabled={!ready}>{startLabel(contentNotes)}</button>
        </div>
      </form>
    </section>
  );
}

interface StepViewProps {
  readonly room: Room;
  readonly step: Step;
  readonly html: RenderedMarkdown;
  readonly send: Send;
  readonly focusHere: (element: HTMLElement | null) => void;
  readonly personaName: string;
  /** Codes typed replies; undefined while it loads, or when typed replies are off. */
  readonly coder: ReplyCoder | undefined;
  readonly coderFailed: boolean;
}

function StepView({ room, step, html, send, focusHere, personaName, coder, coderFailed }: StepViewProps) {
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
            {' '}Then {typedReplies && !step.repliesShown ? 'show the replies, then ' : ''}show the options.
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
              phones={false}
              typedFor={step.hotSeat ?? (context.settings.mode === 'hot-seat' ? 'The hot seat' : undefined)}
              onType={(text: string) => void send({ type: 'reply.send', player: `screen-${step.replies.length + 1}`, text })}
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
      {phase === 'voting' && <Voting room={room} step={step} send={send} />}
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

function Voting({ room, step, send }: { room: Room; step: Step; send: Send }) {
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
      {settings.mode === 'hot-seat' ? (
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
        <VoteCountInputs legend="Votes for each option" step={step} send={send} />
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
        {decision.kind === 'waiting' && !anonymousSeat && <span className="meta">{inPlainWords(decision.reason)}</span>}
      </div>
    </section>
  );
}

