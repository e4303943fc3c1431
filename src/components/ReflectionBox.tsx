/** A private reflection: a text box whose words are saved on this device and never sent. */
import { useEffect, useId, useState } from 'react';
import { updateProgress } from '../progress/store.ts';
import { useProgress } from '../progress/use-progress.ts';

export interface ReflectionBoxProps {
  /** Unique across the course, e.g. `what-recovery-means/hope`. */
  readonly id: string;
  readonly prompt: string;
}

export default function ReflectionBox({ id, prompt }: ReflectionBoxProps) {
  const fieldId = useId();
  const { progress, loaded } = useProgress();
  const [text, setText] = useState('');
  const [status, setStatus] = useState('');
  // Fill in what was saved, once the browser's record is read.
  useEffect(() => {
    if (loaded) setText(progress.reflections[id]?.text ?? '');
  }, [loaded]);

  function save() {
    if (!loaded) return;
    updateProgress((progress) => ({ ...progress, reflections: { ...progress.reflections, [id]: { text, savedAt: new Date().toISOString() } } }));
    setStatus('Saved on this device.');
  }

  return (
    <div>
      <label htmlFor={fieldId}>{prompt}</label>
      <textarea id={fieldId} disabled={!loaded} value={text} onChange={(event) => { setText(event.target.value); setStatus(''); }} onBlur={save} />
      <div className="actions">
        <button type="button" onClick={save} disabled={!loaded}>Save reflection</button>
        <span role="status">{status}</span>
      </div>
    </div>
  );
}
