/**
 * A phone in a group room: enter the code (or arrive by the QR code), give a name, type a reply in
 * its own words during the pause, and vote at each step. The phone keeps who it is in the room (its
 * name and the token the room gave it) and its own vote, so after a reload or a dropped connection
 * it rejoins by itself and shows the step the group is on. A vote tapped while the room cannot be
 * reached is kept on the phone and sent when the room is back. At the end it shows the player's own
 * summary and the group's transcript, loaded only then. It reads and sends the room's JSON only.
 */
import { lazy, Suspense, useEffect, useRef, useState, type ReactNode, type SubmitEvent } from 'react';
import PhoneReply, { playerIdFor } from './PhoneReply.tsx';
import { maxPlayerName } from '../rooms/limits.ts';
import type { RoomView } from '../rooms/view.ts';
import { noRoomSentence, normaliseCode, sendRoomEvent, useRoom, type RoomAnswer } from '../site/room-connection.ts';

/** Only a phone that reaches the end needs the engine, to rebuild the room for its summary. */
const PhoneSummary = lazy(() => import('./PhoneSummary.tsx'));

const prefix = 'recovery-coach-practice:room';
const nameKey = (code: string) => `${prefix}-name:${code}`;
/** The token the room gave this phone on joining: only it can vote, or change the name, as this player. */
const tokenKey = (code: string) => `${prefix}-token:${code}`;
/** The room this phone was last in, offered on the code form. */
const lastRoomKey = `${prefix}-last`;
/** This phone's own vote at a step: the room shows who voted, never what, until the reveal. */
const voteKey = (code: string) => `${prefix}-vote:${code}`;
/** A vote tapped while the room could not be reached, to send when it is back. */
const pendingKey = (code: string) => `${prefix}-pending-vote:${code}`;

/** Scenario Markdown as plain words: phones get the room's JSON, not the built HTML. */
const plain = (markdown: string) => markdown.replace(/[*_`]/g, '');
const sameName = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();

/** A vote at one step, as the phone keeps it. */
interface KeptVote {
  readonly step: number;
  readonly node: string;
  readonly choice: number;
}

const savedOffline = 'Saved on this phone: it will be sent when the room is back.';

function readKept(key: string): string {
  try {
    return localStorage.getItem(key) ?? '';
  } catch {
    return '';
  }
}

function keep(key: string, value: string | undefined): void {
  try {
    if (value) localStorage.setItem(key, value);
    else localStorage.removeItem(key);
  } catch {
    // Not kept: the phone asks again after a reload.
  }
}

function readVote(key: string): KeptVote | undefined {
  try {
    const vote = JSON.parse(readKept(key) || 'null') as KeptVote | null;
    return vote && typeof vote.step === 'number' && typeof vote.node === 'string' && typeof vote.choice === 'number' ? vote : undefined;
  } catch {
    return undefined;
  }
}

const isAt = (vote: KeptVote | undefined, view: RoomView): vote is KeptVote => vote !== undefined && vote.step === view.step && vote.node === view.node;

/** The join page's island: a code form, or the room named in the address. */
export default function JoinRoom() {
  const [code, setCode] = useState<string>();
  useEffect(() => setCode(normaliseCode(new URLSearchParams(location.search).get('code') ?? '')), []);
  if (code === undefined) return <p className="meta">Getting ready…</p>;
  return code ? <InRoom code={code} /> : <CodeForm heading />;
}

function CodeForm({ heading = false, children }: { heading?: boolean; children?: ReactNode }) {
  const [last] = useState(() => readKept(lastRoomKey));
  return (
    <section className="phone-screen" aria-labelledby="code-title">
      {heading ? <h1 id="code-title">Join a group room</h1> : <h2 id="code-title">Join another room</h2>}
      {children}
      <form method="get" action="/join/">
        <label htmlFor="room-code">Room code</label>
        <input id="room-code" name="code" type="text" autoComplete="off" autoCapitalize="characters" spellCheck={false} required defaultValue={last} aria-describedby="room-code-hint" />
        <p id="room-code-hint" className="meta">The code is on the shared screen.</p>
        <button type="submit" className="primary wide">Join the room</button>
      </form>
      <p className="meta"><a href="/">Recovery Coach Practice home</a></p>
    </section>
  );
}

/** Why the room refused a name, and the free name it offered, for the name form. */
interface NameProblem {
  readonly reason: string;
  readonly taken?: string;
  readonly suggestion?: string;
}

function nameProblemOf(answer: Extract<RoomAnswer, { ok: false }>, name: string): NameProblem {
  return answer.status === 409 && answer.suggestion ? { reason: answer.reason, taken: name, suggestion: answer.suggestion } : { reason: answer.reason };
}

function InRoom({ code }: { code: string }) {
  const { view, status, update } = useRoom(code);
  const [name, setName] = useState(() => readKept(nameKey(code)));
  const [renaming, setRenaming] = useState(false);
  const [nameProblem, setNameProblem] = useState<NameProblem>();
  const [notice, setNotice] = useState('');
  const [ownVote, setOwnVote] = useState(() => readVote(voteKey(code)));
  const [pending, setPending] = useState(() => readVote(pendingKey(code)));
  const [online, setOnline] = useState(0);
  const sending = useRef(false);
  const renamingNow = useRef(false);
  const token = () => readKept(tokenKey(code)) || undefined;

  useEffect(() => keep(lastRoomKey, code), [code]);

  /** Joins under a name, with this phone's token if it has one; keeps the name and a new token. */
  async function joinAs(chosen: string): Promise<boolean> {
    const result = await sendRoomEvent(code, { type: 'player.join', name: chosen }, { token: token() });
    if (!result.ok) {
      setNameProblem(nameProblemOf(result, chosen.trim()));
      return false;
    }
    if (result.token) keep(tokenKey(code), result.token);
    keep(nameKey(code), result.view.players.find((player) => sameName(player, chosen.trim())) ?? chosen.trim());
    setName(readKept(nameKey(code)) || chosen.trim());
    setNameProblem(undefined);
    update(result.view);
    return true;
  }

  /** The same player under a new name: its vote and its turn go with it (never a leave and a join). */
  async function renameTo(chosen: string): Promise<boolean> {
    // The room's live view may show the new name before this answer does: not a name lost to rejoin.
    renamingNow.current = true;
    const result = await sendRoomEvent(code, { type: 'player.rename', from: name, to: chosen }, { token: token() }).finally(() => {
      renamingNow.current = false;
    });
    if (!result.ok) {
      setNameProblem(nameProblemOf(result, chosen.trim()));
      return false;
    }
    keep(nameKey(code), chosen.trim());
    setName(chosen.trim());
    setNameProblem(undefined);
    setRenaming(false);
    update(result.view);
    return true;
  }

  // Join (again) whenever the room is reached and does not know this phone's name (a server that
  // lost it, or the facilitator took it out); if someone else holds the name now, ask for another.
  useEffect(() => {
    if (!name || !view || renamingNow.current || view.players.some((player) => sameName(player, name))) return;
    void joinAs(name).then((joined) => {
      if (joined) return;
      keep(nameKey(code), undefined);
      setName('');
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [name, view, code]);

  // The device coming back online may not drop the live connection: try a saved vote then too.
  useEffect(() => {
    const again = () => setOnline((n) => n + 1);
    addEventListener('online', again);
    return () => removeEventListener('online', again);
  }, []);

  /** Sends a vote; one the room cannot be reached for is kept on the phone to send later. */
  async function sendVote(vote: KeptVote): Promise<void> {
    sending.current = true;
    const result = await sendRoomEvent(code, { type: 'vote.cast', player: name, choice: vote.choice }, { token: token() });
    sending.current = false;
    if (result.ok) {
      keep(pendingKey(code), undefined);
      setPending(undefined);
      setNotice('');
      update(result.view);
      return;
    }
    if (result.status === undefined) {
      keep(pendingKey(code), JSON.stringify(vote));
      setPending(vote);
      setNotice(savedOffline);
      return;
    }
    keep(pendingKey(code), undefined);
    setPending(undefined);
    setNotice(result.reason);
  }

  function vote(choice: number) {
    if (!view) return;
    const chosen: KeptVote = { step: view.step, node: view.node, choice };
    keep(voteKey(code), JSON.stringify(chosen));
    setOwnVote(chosen);
    if (status !== 'live') {
      keep(pendingKey(code), JSON.stringify(chosen));
      setPending(chosen);
      setNotice(savedOffline);
      return;
    }
    void sendVote(chosen);
  }

  // When the room is back, a saved vote goes, if its step is still open; and the phone's own
  // message about the connection goes with the problem.
  useEffect(() => {
    if (status !== 'live' || !view || !name || sending.current) return;
    if (!pending) {
      if (notice === savedOffline) setNotice('');
      return;
    }
    if (view.phase === 'voting' && isAt(pending, view)) {
      void sendVote(pending);
      return;
    }
    keep(pendingKey(code), undefined);
    setPending(undefined);
    setNotice('The vote saved on this phone was not sent: the group had moved on by the time the room was back.');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [status, view, name, pending, online]);

  if (status === 'missing') {
    return (
      <CodeForm heading>
        <p className="notice" role="alert">{noRoomSentence(code)}</p>
      </CodeForm>
    );
  }
  if (!view) return <p role="status" className="phone-screen">Connecting to room {code}…</p>;

  const nameForm = !name ? (
    <NameForm
      label="Your name"
      submit="Join"
      problem={nameProblem}
      onSubmit={joinAs}
      intro={view.scenario.contentNotes.length > 0 ? <p>This role-play includes: {view.scenario.contentNotes.join('; ')}.</p> : undefined}
    />
  ) : renaming ? (
    <NameForm label="Your new name" submit="Change my name" initial={name} problem={nameProblem} onSubmit={renameTo} onCancel={() => { setRenaming(false); setNameProblem(undefined); }} />
  ) : undefined;

  return (
    <section className="phone-screen" aria-labelledby="room-title">
      <div className="phone-bar">
        <h1 id="room-title">{view.scenario.title}</h1>
        <p className="meta">Room {code}{name ? ` · you are ${name}` : ''}</p>
      </div>
      {status === 'reconnecting' && <p className="notice" role="status">Reconnecting to the room…</p>}
      <p className="notice" role="status" hidden={!notice}>{notice}</p>
      {nameForm ?? (
        <PhoneStep code={code} view={view} name={name} ownVote={ownVote} pending={pending} onVote={vote} token={token()} />
      )}
      {name && !renaming && (
        <p className="phone-foot meta">
          Not {name}? <button type="button" onClick={() => setRenaming(true)}>Change name</button>
        </p>
      )}
    </section>
  );
}

/** The name to join with, or to change to; a name someone else has comes back with a free one offered. */
function NameForm({ label, submit, initial = '', problem, onSubmit, onCancel, intro }: { label: string; submit: string; initial?: string; problem: NameProblem | undefined; onSubmit: (name: string) => Promise<boolean>; onCancel?: () => void; intro?: ReactNode }) {
  const [draft, setDraft] = useState(initial);
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (problem) field.current?.focus();
  }, [problem]);
  return (
    <form
      className="card name-form"
      onSubmit={(event: SubmitEvent) => {
        event.preventDefault();
        void onSubmit(draft.trim());
      }}
    >
      {intro}
      {problem && (
        <div className="notice" role="alert">
          {problem.suggestion ? (
            <p>Someone called {problem.taken} is already in this room. Pick another name, or {onCancel ? 'change to' : 'join as'} {problem.suggestion}.</p>
          ) : (
            <p>{problem.reason}</p>
          )}
        </div>
      )}
      {problem?.suggestion && (
        <button type="button" className="primary wide" onClick={() => { setDraft(problem.suggestion!); void onSubmit(problem.suggestion!); }}>
          {onCancel ? `Change to ${problem.suggestion}` : `Join as ${problem.suggestion}`}
        </button>
      )}
      <label htmlFor="player-name">{label}</label>
      <input id="player-name" ref={field} type="text" autoComplete="given-name" maxLength={maxPlayerName} required value={draft} onChange={(event) => setDraft(event.target.value)} />
      <button type="submit" className={problem?.suggestion ? 'wide' : 'primary wide'}>{submit}</button>
      {onCancel && <button type="button" className="wide" onClick={onCancel}>Keep my name</button>}
    </form>
  );
}

/** One short sentence for screen readers when the room moves on (not on every vote). */
function statusOf(view: RoomView): string {
  if (view.onBreak) return 'The group is taking a break.';
  switch (view.phase) {
    case 'setup':
      return 'Waiting for the facilitator to start.';
    case 'saying':
      if (view.replies.shown) return 'Replies shown on the shared screen.';
      return `Step ${view.step}. ${view.lines.map((line) => (line.speaker ? `${line.speaker}: ` : '') + plain(line.markdown)).join(' ')}`;
    case 'voting':
      return `Voting is open for step ${view.step}.`;
    case 'revealed':
      return view.decision ? `The group chose ${view.decision.choice}: ${view.decision.code}.` : '';
    case 'ended':
      return 'The scenario has ended.';
  }
}

interface PhoneStepProps {
  readonly code: string;
  readonly view: RoomView;
  readonly name: string;
  readonly ownVote: KeptVote | undefined;
  readonly pending: KeptVote | undefined;
  readonly onVote: (choice: number) => void;
  /** The token the room gave this phone on joining, which its typed replies carry. */
  readonly token: string | undefined;
}

function PhoneStep({ code, view, name, ownVote, pending, onVote, token }: PhoneStepProps) {
  const [player] = useState(() => playerIdFor(code));
  const typing = view.phase === 'saying' && view.typedReplies;
  const inRoomVote = view.voted.some((voter) => sameName(voter, name));
  // Once revealed the room says how each person voted; before, the phone's own memory of its vote.
  const revealedVote = Object.entries(view.voters).find(([voter]) => sameName(voter, name))?.[1];
  const mine = revealedVote ?? (isAt(pending, view) ? pending.choice : isAt(ownVote, view) && inRoomVote ? ownVote.choice : undefined);
  const inHotSeat = view.hotSeat !== null && sameName(view.hotSeat, name);
  return (
    <div>
      <p className="visually-hidden" aria-live="polite">{statusOf(view)}</p>
      {view.onBreak ? (
        <p className="card">The group is taking a break. Your place is kept.</p>
      ) : view.phase === 'setup' ? (
        <p className="card">You are in. Waiting for the facilitator to start{view.players.length > 1 ? `, with ${view.players.filter((player) => player !== name).join(', ')}` : ''}.</p>
      ) : view.phase === 'ended' ? (
        <>
          <p className="card">The scenario has ended{view.ending ? `: the outcome is ${view.ending.outcome}` : ''}. The group debrief is on the shared screen.</p>
          <Suspense fallback={<p role="status">Getting your summary ready…</p>}>
            <PhoneSummary view={view} name={name} code={code} />
          </Suspense>
        </>
      ) : (
        <>
          <h2 className="phone-step">Step {view.step}</h2>
          <div className="phone-lines">
            {view.lines.map((line, i) => (
              <p key={i} className={line.speaker ? undefined : 'narration'}>{line.speaker && <strong>{line.speaker}: </strong>}{plain(line.markdown)}</p>
            ))}
          </div>
          {view.hotSeat && (
            <p className="phone-seat">
              {inHotSeat ? 'You are in the hot seat: you pick.' : `${view.hotSeat} is in the hot seat: ${view.hotSeat} picks.${view.phase === 'voting' ? ' You can vote too, to compare.' : ''}`}
            </p>
          )}
          {view.phase === 'saying' && !view.replies.shown && (
            <p className="card">
              {inHotSeat ? 'Say your reply aloud, in your own words.' : view.hotSeat ? 'Listen to the reply in their own words.' : typing ? 'How would you say it, in your own words?' : 'Think how you would say it, in your own words.'}
              {typing ? ' Type your reply here: the replies show on the shared screen without names.' : ''} The options come next.
            </p>
          )}
          {typing && <PhoneReply code={code} view={view} player={player} token={token} />}
          {view.phase === 'voting' && (
            <>
              <ol className="choice-list phone-choices" aria-label="Vote for what the coach says">
                {view.offered.map((option) => (
                  <li key={option.number}>
                    <button type="button" aria-pressed={mine === option.number} onClick={() => onVote(option.number)}>
                      <span className="choice-number" aria-hidden="true">{option.number}</span> <span>“{option.says}”</span>
                    </button>
                  </li>
                ))}
              </ol>
              <p>
                {mine === undefined
                  ? 'Tap the one you would say.'
                  : isAt(pending, view)
                    ? `Your vote: ${mine}, not sent yet.`
                    : `Your vote: ${mine}. You can change it until the facilitator moves on.`}
              </p>
            </>
          )}
          {view.phase === 'revealed' && view.decision && (
            <div className="card">
              <p>The group chose {view.decision.choice}: <strong>{view.decision.code}</strong>.{mine ? ` You voted ${mine}.` : ''}</p>
              <p>{plain(view.decision.feedback)}</p>
            </div>
          )}
        </>
      )}
    </div>
  );
}
