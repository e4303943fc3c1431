/**
 * A question asked in a modal dialog before something replaces the trainer's draft. The browser's
 * own <dialog> does the hard parts: the rest of the page cannot be reached while it is open, Escape
 * answers no, and focus goes back where it was when it closes. Focus starts on the answer that
 * changes nothing, so a second Enter is safe (as ConfirmButton does inline).
 */
import { useEffect, useRef } from 'react';

export interface ConfirmDialogProps {
  /** The question, e.g. `Replace your draft with meeting-sam.md?` */
  readonly question: string;
  /** More words under the question, e.g. what happens to the draft. */
  readonly detail: string;
  /** The answer that goes ahead, e.g. `Yes, open it`. */
  readonly yes: string;
  /** The answer that changes nothing, e.g. `No, keep my draft`. */
  readonly no: string;
  /** Called once with the answer: true to go ahead. */
  readonly onAnswer: (yes: boolean) => void;
}

export default function ConfirmDialog({ question, detail, yes, no, onAnswer }: ConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const noButton = useRef<HTMLButtonElement>(null);
  const answered = useRef(false);
  const answer = (value: boolean) => {
    if (answered.current) return;
    answered.current = true;
    dialog.current?.close();
    onAnswer(value);
  };

  useEffect(() => {
    dialog.current?.showModal();
    noButton.current?.focus();
  }, []);

  return (
    // Escape (the dialog's cancel) is a no.
    <dialog ref={dialog} className="confirm-dialog" aria-labelledby="confirm-dialog-question" aria-describedby="confirm-dialog-detail" onCancel={(event) => { event.preventDefault(); answer(false); }}>
      <h2 id="confirm-dialog-question">{question}</h2>
      <p id="confirm-dialog-detail">{detail}</p>
      <div className="actions">
        <button type="button" className="primary" onClick={() => answer(true)}>{yes}</button>
        <button type="button" ref={noButton} onClick={() => answer(false)}>{no}</button>
      </div>
    </dialog>
  );
}
