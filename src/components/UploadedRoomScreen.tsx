/**
 * The facilitator's screen of a room that plays a scenario file an organiser uploaded to a hosted
 * server (/rooms/play/?room=CODE#key=KEY). The built course has no page for the scenario, so it is
 * fetched from the room (only with the room's code) and its Markdown rendered here by the studio's
 * worker, with the same sanitised rendering as the play-a-file page and the built pages: no raw
 * HTML, no images from elsewhere. Then it is the same projector screen as a course scenario's.
 */
import { useEffect, useState } from 'react';
import type { Scenario } from '../engine/types.ts';
import type { RenderedMarkdown } from '../site/render-scenario.ts';
import { fetchRoomScenario, noRoomSentence, normaliseCode, takeKey } from '../site/room-connection.ts';
import { DraftChecker } from '../studio/draft-checker.ts';
import RoomProjector from './RoomProjector.tsx';

type Screen =
  | { readonly kind: 'loading'; readonly code: string }
  | { readonly kind: 'no-code' }
  | { readonly kind: 'missing'; readonly code: string }
  | { readonly kind: 'failed'; readonly code: string }
  | { readonly kind: 'ready'; readonly code: string; readonly key: string; readonly scenario: Scenario; readonly html: RenderedMarkdown };

export default function UploadedRoomScreen() {
  const [screen, setScreen] = useState<Screen>({ kind: 'loading', code: '' });
  useEffect(() => {
    const code = normaliseCode(new URLSearchParams(location.search).get('room') ?? '');
    if (!code) return setScreen({ kind: 'no-code' });
    const key = takeKey(code);
    setScreen({ kind: 'loading', code });
    let stopped = false;
    let renderer: DraftChecker | undefined;
    void (async () => {
      const found = await fetchRoomScenario(code);
      if (stopped) return;
      if (found === 'missing' || found === 'failed') return setScreen({ kind: found, code });
      renderer = new DraftChecker(() => {});
      const html = await renderer.render(found.scenario);
      renderer.dispose();
      if (!stopped) setScreen({ kind: 'ready', code, key, scenario: found.scenario, html });
    })();
    return () => {
      stopped = true;
      renderer?.dispose();
    };
  }, []);
  // The page's header and footer step aside for the projector only once there is a room to show.
  useEffect(() => {
    document.documentElement.classList.toggle('in-room', screen.kind === 'loading' || screen.kind === 'ready');
  }, [screen.kind]);

  if (screen.kind === 'no-code') {
    return (
      <section className="card" aria-labelledby="no-code-title">
        <h1 id="no-code-title">No room named</h1>
        <p>This page is the shared screen of a room opened with a scenario file. Open it with the link given when the room was opened, or <a href="/rooms/new/">open a room</a>.</p>
      </section>
    );
  }
  if (screen.kind === 'missing') {
    return (
      <section className="card" aria-labelledby="missing-title">
        <h1 id="missing-title">No room {screen.code} here</h1>
        <p>{noRoomSentence(screen.code)} A room closes after a time without activity; <a href="/rooms/new/">open a new one</a> if this one has closed.</p>
      </section>
    );
  }
  if (screen.kind === 'failed') return <p className="notice" role="alert">The scenario of room {screen.code} could not be fetched. Reload the page to try again.</p>;
  if (screen.kind === 'loading') return <p className="meta" role="status">Connecting to room {screen.code}…</p>;
  return <RoomProjector scenario={screen.scenario} html={screen.html} code={screen.code} facilitatorKey={screen.key} oneScreen={false} />;
}
