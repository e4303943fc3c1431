/**
 * An item's launch page (lms/<item>.html): what the LMS opens. It holds the item's launch
 * configuration as JSON (read by lms/launch.js, the LMS bridge) and shows the course's own page for
 * the item in a frame that fills the window, with one line above it only when there is something
 * to say (no LMS, or steps waiting for the network).
 */
import type { LaunchConfig } from '../../src/lms/course.ts';

const escapeHtml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** JSON that is safe inside a <script> element: no `</script>` or `<!--` can end it early. */
const scriptJson = (value: unknown) => JSON.stringify(value).replaceAll('<', '\\u003c');

/** The launch page of one item. */
export function launchPage(config: LaunchConfig): string {
  const title = `${config.item.title} · ${config.courseTitle}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
html, body { height: 100%; margin: 0; }
body { display: flex; flex-direction: column; font: 1rem/1.5 system-ui, sans-serif; background: #fff; color: #1b1b1b; }
#lms-status { margin: 0; padding: 0.5rem 1rem; background: #fff4d6; border-bottom: 1px solid #8a6d00; }
#lms-status:empty { padding: 0; border: 0; }
main { flex: 1; display: flex; }
iframe { flex: 1; width: 100%; border: 0; }
</style>
<script type="application/json" id="launch-config">${scriptJson(config)}</script>
<script type="module" src="launch.js"></script>
</head>
<body>
<p id="lms-status" role="status"></p>
<main><iframe id="course-page" title="${escapeHtml(config.item.title)}"></iframe></main>
</body>
</html>
`;
}
