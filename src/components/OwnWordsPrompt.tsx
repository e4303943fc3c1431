/**
 * Writing a reply in your own words, before the options: a labelled text box (Enter sends,
 * Shift+Enter breaks the line, or skip to the options), then, when the reader asked for it, what
 * kind of reply they think it was, in plain words. The player codes the reply and shows the result.
 */
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { codeNames, type CodeName } from '../engine/coder/codes.ts';
import { plainCodeNames } from '../engine/own-words.ts';

export interface OwnWordsPromptProps {
  /** The person the trainee is talking to, for the label: "What would you say to Jordan?" */
  readonly person: string;
  /** Ask what kind of reply they think it was before showing the coder's reading. */
  readonly askOwnCall: boolean;
  /** False while the coder is still loading: the reply can be written, not yet sent. */
  readonly coderReady: boolean;
  /** The coder could not be fetched (the page went offline): say so, and offer the options. */
  readonly coderFailed?: boolean;
  readonly onSend: (text: string, own?: CodeName | 'unsure') => void;
  readonly onSkip: () => void;
  /** Given the text box, so the player can move focus to it at each step. */
  readonly inputRef?: (element: HTMLTextAreaElement | null) => void;
}

export default function OwnWordsPrompt({ person, askOwnCall, coderReady, coderFailed = false, onSend, onSkip, inputRef }: OwnWordsPromptProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState('');
  const [calling, setCalling] = useState(false);
  const [own, setOwn] = useState<CodeName | 'unsure' | ''>('');
  const legend = useRef<HTMLLegendElement>(null);

  function send() {
    if (!text.trim()) {
      setProblem('Write a reply first, or skip to the options.');
      return;
    }
    setProblem('');
    if (!askOwnCall) return onSend(text);
    setCalling(true);
    requestAnimationFrame(() => legend.current?.focus());
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // Enter sends, as in a chat; Shift+Enter breaks the line; nothing while an input method composes.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      if (coderReady) send();
    }
  }

  if (calling) {
    return (
      <form className="own-words" onSubmit={(event) => { event.preventDefault(); if (own) onSend(text, own); else setProblem('Choose one, or "Not sure".'); }}>
        <p className="own-words-said"><span className="speaker">You wrote</span> “{text.trim()}”</p>
        <fieldset>
          <legend ref={legend} tabIndex={-1}>What kind of reply do you think that was?</legend>
          <ul className="own-call-list">
            {codeNames.map((code) => (
              <li key={code}>
                <label>
                  <input type="radio" name={`${id}-own`} value={code} checked={own === code} onChange={() => setOwn(code)} /> {capitalised(plainCodeNames[code])}
                </label>
              </li>
            ))}
            <li>
              <label>
                <input type="radio" name={`${id}-own`} value="unsure" checked={own === 'unsure'} onChange={() => setOwn('unsure')} /> Not sure
              </label>
            </li>
          </ul>
        </fieldset>
        {problem && <p className="form-problem" role="alert">{problem}</p>}
        <div className="actions">
          <button type="submit" className="primary">See how it reads</button>
          <button type="button" onClick={() => { setCalling(false); setProblem(''); }}>Change my reply</button>
        </div>
      </form>
    );
  }

  return (
    <form className="own-words" onSubmit={(event) => { event.preventDefault(); send(); }}>
      <label htmlFor={`${id}-reply`} className="own-words-label">What would you say to {person}?</label>
      <p className="meta" id={`${id}-hint`}>Write it as you would say it. Enter sends; Shift+Enter starts a new line. It stays on this device.</p>
      <textarea
        id={`${id}-reply`}
        ref={inputRef}
        rows={3}
        value={text}
        maxLength={2000}
        aria-describedby={`${id}-hint${problem ? ` ${id}-problem` : ''}`}
        aria-invalid={problem ? true : undefined}
        onChange={(event) => { setText(event.target.value); if (problem) setProblem(''); }}
        onKeyDown={onKeyDown}
      />
      {problem && <p className="form-problem" id={`${id}-problem`} role="alert">{problem}</p>}
      {coderFailed && <p className="notice" role="status">The coder could not be loaded (is this page offline?), so your reply cannot be coded now. Skip to the options, or reload the page to try again.</p>}
      <div className="actions">
        <button type="submit" className="primary" disabled={!coderReady}>{coderReady ? 'Send' : 'Loading the coder…'}</button>
        <button type="button" onClick={onSkip}>Skip: show me the options</button>
      </div>
    </form>
  );
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
