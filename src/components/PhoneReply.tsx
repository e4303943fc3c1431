/**
 * A phone's typed reply during the say-it-your-way pause: a text box (Enter sends, Shift+Enter
 * starts a new line) that can be changed until the facilitator shows the replies. The reply goes
 * with the phone's own random id, never its name. The server holds what was sent, so a phone that
 * reloads asks for it again; the phone also keeps its unsent draft in this tab's sessionStorage.
 */
import { useEffect, useState, type SubmitEvent } from 'react';
import { maxReplyLength } from '../rooms/limits.ts';
import type { RoomView } from '../rooms/view.ts';
import { fetchOwnReply, sendRoomEvent } from '../site/room-connection.ts';
import { enterSends } from './GroupReplies.tsx';

const playerIdKey = (code: string) => `recovery-coach-practice:room-player:${code}`;
const draftKey = (code: string, step: number, node: string) => `recovery-coach-practice:room-reply:${code}:${step}:${node}`;

/** 16 random bytes as base64url: a player id nobody can guess from a name, or from anyone else's. */
function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** This phone's player id for a room: kept beside its name, so a reload sends replies as the same phone. */
export function playerIdFor(code: string): string {
  try {
    const kept = localStorage.getItem(playerIdKey(code));
    if (kept && /^[A-Za-z0-9_-]{16,64}$/.test(kept)) return kept;
    const id = randomId();
    localStorage.setItem(playerIdKey(code), id);
    return id;
  } catch {
    // Not kept: after a reload the phone is a new author, and its reply is asked for again.
    return randomId();
  }
}

function readDraft(key: string): string | undefined {
  try {
    return sessionStorage.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

function keepDraft(key: string, text: string): void {
  try {
    sessionStorage.setItem(key, text);
  } catch {
    // Not kept: the server still holds what was sent.
  }
}

/** The reply box on a phone, while the pause is on and typed replies are; then what was sent. */
/**
 * `token` is the one the room gave this phone on joining: a reply is taken only from a phone in
 * the room, though it is kept under `player`, an id that is not the phone's name.
 */
export default function PhoneReply({ code, view, player, token }: { code: string; view: RoomView; player: string; token: string | undefined }) {
  const key = draftKey(code, view.step, view.node);
  const [draft, setDraft] = useState('');
  /** What the room holds from this phone: undefined until asked, null for nothing. */
  const [sent, setSent] = useState<string | null>();
  const [problem, setProblem] = useState('');
  const shown = view.replies.shown;

  useEffect(() => {
    let stopped = false;
    const kept = readDraft(key);
    setDraft(kept ?? '');
    setSent(undefined);
    setProblem('');
    void fetchOwnReply(code, player).then((own) => {
      if (stopped) return;
      const text = own && own.step === view.step ? own.text : null;
      setSent(text);
      if (kept === undefined && text) setDraft(text);
    });
    return () => {
      stopped = true;
    };
    // A new step (or a new node at the same step, after an undo) is a new reply.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, player, code]);

  async function send(event: SubmitEvent) {
    event.preventDefault();
    const text = draft.trim();
    if (text === '' && !sent) return;
    const result = await sendRoomEvent(code, { type: 'reply.send', player, text }, { token });
    if (!result.ok) return setProblem(result.reason);
    setProblem('');
    setSent(text === '' ? null : text);
    keepDraft(key, text);
  }

  if (shown) {
    return (
      <div className="card">
        <p>The replies are on the shared screen, without names.</p>
        {sent ? <p>Your reply: “{sent}”</p> : <p className="meta">You did not send a reply at this step.</p>}
      </div>
    );
  }

  const changed = draft.trim() !== (sent ?? '');
  const status = problem || (sent === undefined ? '' : sent === null ? '' : changed ? 'Your reply is in. Send again to replace it with this.' : 'Sent: your reply is in.');
  return (
    <form className="card reply-form" onSubmit={send}>
      <label htmlFor="my-reply">Your reply, in your own words</label>
      <textarea
        id="my-reply"
        rows={4}
        maxLength={maxReplyLength}
        value={draft}
        onChange={(event) => {
          setDraft(event.target.value);
          keepDraft(key, event.target.value);
        }}
        onKeyDown={enterSends}
        aria-describedby="my-reply-hint"
      />
      <p id="my-reply-hint" className="meta">
        Enter sends it; Shift+Enter starts a new line. It shows on the shared screen without your name when the facilitator shows the replies, and you can change it until then.
      </p>
      <p className={problem ? 'notice' : 'reply-status'} role="status">{status}</p>
      <div className="actions">
        <button type="submit" className="primary" disabled={draft.trim() === '' && !sent}>
          {sent ? (draft.trim() === '' ? 'Take my reply back' : 'Send the change') : 'Send my reply'}
        </button>
      </div>
    </form>
  );
}
