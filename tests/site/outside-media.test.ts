/**
 * Nothing from outside in a page (the audit of issue 19: a scenario's images loaded from a
 * tracker, and an image in one option's feedback told its host which option the trainee chose).
 * Lint reports a remote image at its place with the fix; the sanitiser drops any that reach it;
 * a module's remote images and media are reported the same way.
 */
import { describe, expect, it } from 'vitest';
import { isOwnUrl } from '../../src/engine/parse/media.ts';
import { markdownToHtml } from '../../src/site/markdown-html.ts';
import { remoteMediaInModule } from '../../src/site/module-media.ts';
import { lintText, messagesOf, scenario } from '../helpers.ts';

describe('addresses', () => {
  it('counts only paths as the course\'s own', () => {
    for (const own of ['/images/map.png', 'images/map.png', './map.png', '../map.png', 'map.png?v=2']) expect(isOwnUrl(own)).toBe(true);
    for (const other of ['https://tracker.example/p.png', 'http://x/y', '//evil.example/p.png', '/\\evil.example/p.png', 'HTTPS://X/Y', ' https://x/y', 'data:image/png;base64,AAAA', 'javascript:alert(1)']) expect(isOwnUrl(other)).toBe(false);
  });
});

describe('scenario images', () => {
  it('are an error at their line when they come from another site, directly or by reference, with the fix', () => {
    const text = scenario(
      '## opening\n\n**Sam:** Hi. ![a wave](https://tracker.example/pixel.png)\n\n- **Open question:** "What brings you here?" -> done\n  - feedback: Good. ![tick][t]\n\n[t]: //tracker.example/feedback.png\n\n## done\n\n**Outcome:** positive\n\nDone. ![our map](/images/map.png)\n',
    );
    expect(messagesOf(lintText(text, 'images.md', false)).filter((message) => message.includes('another site'))).toEqual([
      '12:14 error Unexpected image from another site `https://tracker.example/pixel.png`, expected a file of the course: the course makes no requests to other sites, so save the file in `public/images/` and write `![a wave](/images/pixel.png)`',
      '17:1 error Unexpected image from another site `//tracker.example/feedback.png`, expected a file of the course: the course makes no requests to other sites, so save the file in `public/images/` and write `![tick](/images/feedback.png)`',
    ]);
  });

  it('from another site never reach a page: the sanitiser keeps only their description', () => {
    expect(markdownToHtml('A ![wave](https://tracker.example/pixel.png) and ![tick](//tracker.example/t.png) and ![map](/images/map.png).')).toBe(
      '<p>A wave and tick and <img src="/images/map.png" alt="map">.</p>',
    );
  });
});

describe('module images and media', () => {
  it('from another site are reported at their line; the course\'s own are not', () => {
    const source = '---\ntitle: T\n---\n\n# A module\n\n![chart](https://cdn.example/chart.png)\n\n<video src="https://cdn.example/clip.mp4" controls />\n\n<img src="/images/own.png" alt="ours" />\n\n<img srcSet="/images/a.png 1x, https://cdn.example/b.png 2x" alt="" />\n';
    expect(remoteMediaInModule(source)).toEqual([
      { line: 7, column: 1, reason: 'Unexpected image from another site `https://cdn.example/chart.png`, expected a file of the course: the course makes no requests to other sites, so save the file in `public/images/` and write `![chart](/images/chart.png)`' },
      { line: 9, column: 1, reason: 'Unexpected <video> from another site `https://cdn.example/clip.mp4`, expected a file of the course: the course makes no requests to other sites, so save the file in `public/images/` and write `![what it shows](/images/clip.mp4)`' },
      { line: 13, column: 1, reason: 'Unexpected <img> from another site `https://cdn.example/b.png`, expected a file of the course: the course makes no requests to other sites, so save the file in `public/images/` and write `![what it shows](/images/b.png)`' },
    ]);
  });

  it('written as JSX expressions, SVG images, image inputs or CSS backgrounds are reported too (the audit re-run found these four passed)', () => {
    const lines = [
      '<img src={"https://tracker.example/a.png"} alt="" />',
      '<svg><image href="https://tracker.example/b.svg" /></svg>',
      "<div style={{ backgroundImage: 'url(https://tracker.example/c.png)' }}>Hi</div>",
      '<input type="image" src="//tracker.example/d.png" alt="Go" />',
      '<img src={`/images/own.png`} alt="ours" />',
      "<div style={{ backgroundImage: 'url(/images/own.png)' }}>Ours</div>",
      '<a href="https://example.org/a-source">a link is not a load</a>',
    ];
    const found = remoteMediaInModule(`# A module\n\n${lines.join('\n\n')}\n`);
    expect(found.map(({ line, reason }) => [line, /`([^`]+)`/.exec(reason)![1]])).toEqual([
      [3, 'https://tracker.example/a.png'],
      [5, 'https://tracker.example/b.svg'],
      [7, 'https://tracker.example/c.png'],
      [9, '//tracker.example/d.png'],
    ]);
  });
});
