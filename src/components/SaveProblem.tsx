/** Says that something was not saved on this device, and why, with a button to export a copy. */
import { downloadProgress } from '../site/download.ts';

/** Nothing when there is no problem; otherwise the problem and an "Export progress" button. */
export default function SaveProblem({ problem }: { problem: string | undefined }) {
  if (!problem) return null;
  return (
    <div className="notice">
      <p role="status">{problem}</p>
      <button type="button" onClick={() => downloadProgress()}>Export progress</button>
    </div>
  );
}
