/** A private reflection: a text box whose words are saved on this device and never sent. */
import { useId, useState } from 'react';
import { loadProgress, updateProgress } from '../progress/store.ts';

export interface ReflectionBoxProps {
  /** Unique across the course, e.g. `what-recovery-means/hope`. */
  readonly id: string;
  readonly prompt: string;
}

export default function ReflectionBox({ id, prompt }: ReflectionBoxProps) {
  const fieldId = useId();
  const [text, setText] = useState(() => loadProgress().progress.reflections[id]?.text ?? '');
  const [status, setStatus] = useState('');

  function save() {
    updateProgress((progress) => ({ ...progress, reflections: { ...progress.reflections, [id]: { text, savedAt: new Date().toISOString() } } }));
    setStatus('Saved on this device.');
  }

  return (
    <div>
      <label htmlFor={fieldId}>{prompt}</label>
      <textarea id={fieldId} value={text} onChange={(event) => { setText(event.target.value); setStatus(''); }} onBlur={save} />
      <div className="actions">
        <button type="button" onClick={save}>Save reflection</button>
        <span role="status">{status}</span>
      </div>
    </div>
  );
}
