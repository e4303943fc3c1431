/** "Mark as complete" for a module, saved on this device. */
import { updateProgress } from '../progress/store.ts';
import { useProgress } from '../progress/use-progress.ts';

export default function MarkComplete({ moduleId, title }: { moduleId: string; title: string }) {
  const { progress, notice, loaded } = useProgress();
  const done = progress.modules[moduleId];

  function toggle() {
    updateProgress((progress) => {
      const { [moduleId]: _previous, ...others } = progress.modules;
      return { ...progress, modules: done ? others : { ...others, [moduleId]: { completedAt: new Date().toISOString() } } };
    });
  }

  return (
    <div className="actions">
      {notice && <p className="notice" role="status">{notice}</p>}
      <button type="button" className={done ? undefined : 'primary'} aria-pressed={Boolean(done)} onClick={toggle} disabled={!loaded}>
        {done ? `Completed: “${title}”` : 'Mark this module as complete'}
      </button>
      {done && <span className="meta">Marked complete on {new Date(done.completedAt).toLocaleDateString()}. Select again to undo.</span>}
    </div>
  );
}
