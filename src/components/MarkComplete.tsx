/** "Mark as complete" for a module, saved on this device. */
import { useEffect, useState } from 'react';
import { loadProgress, onProgressChange, updateProgress } from '../progress/store.ts';

export default function MarkComplete({ moduleId, title }: { moduleId: string; title: string }) {
  const read = () => loadProgress().progress.modules[moduleId];
  const [done, setDone] = useState(read);
  const [notice] = useState(() => loadProgress().notice);
  useEffect(() => onProgressChange(() => setDone(read())), [moduleId]);

  function toggle() {
    updateProgress((progress) => {
      const { [moduleId]: _previous, ...others } = progress.modules;
      return { ...progress, modules: done ? others : { ...others, [moduleId]: { completedAt: new Date().toISOString() } } };
    });
  }

  return (
    <div className="actions">
      {notice && <p className="notice" role="status">{notice}</p>}
      <button type="button" className={done ? undefined : 'primary'} aria-pressed={Boolean(done)} onClick={toggle}>
        {done ? `Completed: “${title}”` : 'Mark this module as complete'}
      </button>
      {done && <span className="meta">Marked complete on {new Date(done.completedAt).toLocaleDateString()}. Select again to undo.</span>}
    </div>
  );
}
