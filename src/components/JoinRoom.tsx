/**
 * A phone in a room on `coach group`: enter the code (or arrive by the QR code), give a name, type
 * a reply in its own words during the pause, and vote at each step. The phone keeps its name for
 * the room, so after a reload or a dropped connection it rejoins by itself and shows the step the
 * group is on. It only reads and sends the room's JSON; the shared screen shows the rest.
 */
import { useEffect, useState, type SubmitEvent } from 'react';
import PhoneReply, { playerIdFor } from './PhoneReply.tsx';
import type { RoomView } from '../rooms/view.ts';
import { normaliseCode, sendRoomEvent, useRoom } from '../site/room-connection.ts';

const nameKey = (code: string) => `recovery-coach-practice:room-name:${code}`;
/** The token the room gave this phone on joining: only it can vote under the phone's name. */
const tokenKey = (code: string) => `recovery-coach-practice:room-token:${code}`;
/** Scenario Markdown as plain words: phones get the room's JSON, not the built HTML. */
const plain = (markdown: string) => markdown.replace(/[*_`]/g, '');

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
    // Not kept: the phone asks for the name again after a reload.
  }
}

/** The join page's island: a code form, or the room named in the address. */
export default function JoinRoom() {
  const [code, setCode] = useState<string>();
  useEffect(() => setCode(normaliseCode(new URLSearchParams(location.search).get('code') ?? '')), []);
  if (code === undefined) return <p className="meta">Getting ready…</p>;
  return code ? <InRoom code={code} /> : <CodeForm />;
}

function CodeForm() {
  return (
    <form className="card" method="get" action="/join/">
      <p>
        <label htmlFor="room-code">Room code</label>
        <br />
        <input id="room-code" name="code" type="text" autoComplete="off" autoCapitalize="characters" spellCheck={false} required aria-describedby="room-code-hint" />
        <br />
        <span id="room-code-hint" className="meta">The code is on the shared screen.</span>
      </p>
      <button type="submit" className="primary">Join the room</button>
    </form>
  );
}

function InRoom({ code }: { code: string }) {
  const { view, status, update } = useRoom(code);
  const [name, setName] = useState('');
  const [draft, setDraft] = useState('');
  const [notice, setNotice] = useState('');

  useEffect(() => setName(readKept(nameKey(code))), [code]);

  /** Joins under a name, with this phone's token if it has one; keeps the name and a new token. */
  async function joinAs(chosen: string): Promise<boolean> {
    const result = await sendRoomEvent(code, { type: 'player.join', name: chosen }, { token: readKept(tokenKey(code)) || undefined });
    if (!result.ok) {
      setNotice(result.reason);
      return false;
    }
    if (result.token) keep(tokenKey(code), result.token);
    keep(nameKey(code), chosen);
    setNotice('');
    update(result.view);
    return true;
  }

  // Join (again) whenever the room is reached and this phone has a name it does not know; if
  // someone else holds the name now, the phone asks for another.
  useEffect(() => {
    if (!name || !view || view.players.some((player) => player.toLocaleLowerCase() === name.toLocaleLowerCase())) return;
    void joinAs(name).then((joined) => joined || setName(''));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [name, view, code]);

  async function join(event: SubmitEvent) {
    event.preventDefault();
    const chosen = draft.trim();
    if (await joinAs(chosen)) setName(chosen);
  }

  async function vote(choice: number) {
    const result = await sendRoomEvent(code, { type: 'vote.cast', player: name, choice }, { token: readKept(tokenKey(code)) || undefined });
    if (!result.ok) return setNotice(result.reason);
    setNotice('');
    update(result.view);
  }

  if (status === 'missing') {
    return (
      <section className="card" aria-labelledby="missing-title">
        <h2 id="missing-title">No room {code} here</h2>
        <p>Check the code on the shared screen, and that this phone is on the same network.</p>
        <CodeForm />
      </section>
    );
  }
  if (!view) return <p role="status">Connecting to room {code}…</p>;

  return (
    <section aria-labelledby="room-title">
      <h2 id="room-title">{view.scenario.title}</h2>
      <p className="meta">Room {code}{name ? ` · you are ${name}` : ''}</p>
      {status === 'reconnecting' && <p className="notice" role="status">Reconnecting…</p>}
      <p className="notice" role="status" hidden={!notice}>{notice}</p>
      {!name ? (
        <form className="card" onSubmit={join}>
          {view.scenario.contentNotes.length > 0 && <p>This role-play includes: {view.scenario.contentNotes.join('; ')}.</p>}
          <p>
            <label htmlFor="player-name">Your name</label>
            <br />
            <input id="player-name" type="text" autoComplete="given-name" maxLength={40} required value={draft} onChange={(event) => setDraft(event.target.value)} />
          </p>
          <button type="submit" className="primary">Join</button>
        </form>
      ) : (
        <PhoneStep code={code} view={view} name={name} onVote={vote} onLeave={() => { keep(nameKey(code), undefined); keep(tokenKey(code), undefined); setName(''); }} />
      )}
    </section>
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

function PhoneStep({ code, view, name, onVote, onLeave }: { code: string; view: RoomView; name: string; onVote: (choice: number) => void; onLeave: () => void }) {
  const [player] = useState(() => playerIdFor(code));
  const typing = view.phase === 'saying' && view.typedReplies;
  const mine = Object.entries(view.voters).find(([player]) => player.toLocaleLowerCase() === name.toLocaleLowerCase())?.[1];
  const inHotSeat = view.hotSeat?.toLocaleLowerCase() === name.toLocaleLowerCase();
  return (
    <div>
      <p className="visually-hidden" aria-live="polite">{statusOf(view)}</p>
      {view.onBreak ? (
        <p className="card">The group is taking a break. Your place is kept.</p>
      ) : view.phase === 'setup' ? (
        <p className="card">You are in. Waiting for the facilitator to start{view.players.length > 1 ? `, with ${view.players.filter((player) => player !== name).join(', ')}` : ''}.</p>
      ) : view.phase === 'ended' ? (
        <p className="card">The scenario has ended{view.ending ? `: the outcome is ${view.ending.outcome}` : ''}. The group debrief is on the shared screen.</p>
      ) : (
        <>
          <h3>Step {view.step}</h3>
          {view.lines.map((line, i) => (
            <p key={i} className={line.speaker ? undefined : 'narration'}>{line.speaker && <strong>{line.speaker}: </strong>}{plain(line.markdown)}</p>
          ))}
          {view.hotSeat && <p>{inHotSeat ? 'You are in the hot seat: your pick decides.' : `${view.hotSeat} is in the hot seat${view.phase === 'voting' ? '; you can vote too, to compare' : ''}.`}</p>}
          {view.phase === 'saying' && !view.replies.shown && (
            <p className="card">
              {inHotSeat ? 'Say your reply aloud, in your own words.' : view.hotSeat ? 'Listen to the reply in their own words.' : typing ? 'How would you say it, in your own words?' : 'Think how you would say it, in your own words.'}
              {typing ? ' Type your reply here: the replies show on the shared screen without names.' : ''} The options come next.
            </p>
          )}
          {typing && <PhoneReply code={code} view={view} player={player} />}
          {view.phase === 'voting' && (
            <>
              <ol className="choice-list" aria-label="Vote for what the coach says">
                {view.offered.map((option) => (
                  <li key={option.number}>
                    <button type="button" aria-pressed={mine === option.number} onClick={() => onVote(option.number)}>
                      <span aria-hidden="true">{option.number}.</span> “{option.says}”
                    </button>
                  </li>
                ))}
              </ol>
              <p>{mine ? `Your vote: ${mine}. You can change it until the facilitator moves on.` : 'Tap the one you would say.'}</p>
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
      <p className="meta">
        Not {name}? <button type="button" onClick={onLeave}>Change name</button>
      </p>
    </div>
  );
}
