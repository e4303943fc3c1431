/**
 * A button for something that cannot be undone, which asks first. Focus never falls to the page:
 * asking moves it to the answer that changes nothing, so a second Enter is safe, and either answer
 * brings it back to the button.
 */
import { useEffect, useRef, useState } from 'react';

export interface ConfirmButtonProps {
  /** The button, e.g. `Clear progress`. */
  readonly label: string;
  /** The question, e.g. `Clear everything on this device?` */
  readonly question: string;
  /** The answer that goes ahead, e.g. `Yes, clear it`. */
  readonly yes: string;
  /** The answer that changes nothing, e.g. `No, keep it`. */
  readonly no: string;
  /** The question's group name for screen readers, e.g. `Confirm clearing`. */
  readonly groupLabel: string;
  readonly onConfirm: () => void;
  readonly disabled?: boolean;
  /** False when going ahead moves focus somewhere better itself (the button may be gone). */
  readonly refocusAfterYes?: boolean;
  /** Whether there is anything to lose, asked at the click: when not, the button goes ahead at once. */
  readonly worthAsking?: () => boolean;
}

export default function ConfirmButton({ label, question, yes, no, groupLabel, onConfirm, disabled = false, refocusAfterYes = true, worthAsking = () => true }: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  useEffect(() => {
    if (asking || !refocus.current) return;
    refocus.current = false;
    button.current?.focus();
  }, [asking]);

  if (!asking) {
    return (
      <button ref={button} type="button" onClick={() => (worthAsking() ? setAsking(true) : onConfirm())} disabled={disabled}>
        {label}
      </button>
    );
  }
  return (
    <span
      role="group"
      aria-label={groupLabel}
      // Escape answers no, as it closes any question.
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        refocus.current = true;
        setAsking(false);
      }}
    >
      {question}{' '}
      <button type="button" onClick={() => { refocus.current = refocusAfterYes; setAsking(false); onConfirm(); }}>{yes}</button>{' '}
      <button type="button" autoFocus onClick={() => { refocus.current = true; setAsking(false); }}>{no}</button>
    </span>
  );
}
