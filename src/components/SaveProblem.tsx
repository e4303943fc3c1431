/** Says that something was not saved on this device, and why, with a button to export a copy. */

/** Nothing when there is no problem; otherwise the problem and an "Export progress" button. */
export default function SaveProblem({ problem }: { problem: string | undefined }) {
  if (!problem) return null;
  return (
    <div className="notice">
      <p role="status">{problem}</p>
      {/* Fetched on the click: a page shows this only after the progress store it needs has loaded. */}
      <button type="button" onClick={() => void import('../site/download.ts').then(({ downloadProgress }) => downloadProgress())}>Export progress</button>
    </div>
  );
}
