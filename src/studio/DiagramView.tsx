/**
 * The draft's diagram, drawn as SVG from the worker's layout: choice nodes as boxes, route nodes
 * as boxes with cut corners, endings as rounded boxes coloured by outcome, and nodes no run reaches
 * dashed. Every box says in words what it is, so colour is never the only cue; and a table lists
 * the same nodes and arrows for screen readers and for anyone who prefers text.
 *
 * It fits itself into its frame when its shape changes, and zooms and pans by buttons, keys (+, −,
 * 0 and the arrow keys) and dragging. Each box is a button: Tab reaches it, and Enter (or a click)
 * takes the editor to its heading. The zoom and pan are a few lines over the SVG's viewBox, written
 * here rather than taken from a pan-zoom library: those (svg-pan-zoom, d3-zoom) bring their own
 * wheel and touch handling and 10–20 KB for what is a rectangle moved and scaled.
 */
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { Point } from '../engine/types.ts';
import type { DiagramBox, LaidOutDiagram } from './layout-diagram.ts';

export interface DiagramViewProps {
  readonly diagram: LaidOutDiagram;
  /** Whether reachability is known (the draft could be explored). */
  readonly explored: boolean;
  /** Moves the editor to a node's heading. */
  readonly onShowLine: (point: Point) => void;
}

/** The box's outline: route nodes get cut corners, endings rounded ends. */
function outline(box: DiagramBox): string {
  const { x, y, width: w, height: h } = box;
  if (box.kind === 'route') {
    const c = 10;
    return `M${x + c},${y} H${x + w - c} L${x + w},${y + c} V${y + h - c} L${x + w - c},${y + h} H${x + c} L${x},${y + h - c} V${y + c} Z`;
  }
  const r = box.kind === 'ending' ? h / 2 : 4;
  return `M${x + r},${y} H${x + w - r} A${r},${r} 0 0 1 ${x + w},${y + r} V${y + h - r} A${r},${r} 0 0 1 ${x + w - r},${y + h} H${x + r} A${r},${r} 0 0 1 ${x},${y + h - r} V${y + r} A${r},${r} 0 0 1 ${x + r},${y} Z`;
}

const classOf = (box: DiagramBox) => ['diagram-node', `diagram-${box.kind}`, box.outcome ? `diagram-${box.outcome}` : '', box.reached === false ? 'diagram-unreached' : ''].filter(Boolean).join(' ');

/** What part of the diagram the frame shows: the point at its centre and how many pixels a unit of the layout takes. */
interface View {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

const minZoom = 0.15;
const maxZoom = 3;
const zoomStep = 1.25;
const clampZoom = (zoom: number) => Math.min(maxZoom, Math.max(minZoom, zoom));

/** The view that shows the whole diagram in a frame of this size, never larger than life. */
function fitted(diagram: LaidOutDiagram, frame: { width: number; height: number }): View {
  const zoom = clampZoom(Math.min(1, frame.width / Math.max(diagram.width, 1), frame.height / Math.max(diagram.height, 1)));
  return { x: diagram.width / 2, y: diagram.height / 2, zoom };
}

export default function DiagramView({ diagram, explored, onShowLine }: DiagramViewProps) {
  const frame = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 600, height: 400 });
  const [view, setView] = useState<View>(() => fitted(diagram, size));
  /** The diagram's size when it was last fitted: a new size means new nodes or arrows, so it fits again. */
  const fittedFor = useRef('');
  const drag = useRef<{ pointer: number; x: number; y: number; view: View } | undefined>(undefined);
  /** Whether the frame is on the page: a draft with no nodes yet has none, and gets one with its first heading. */
  const drawn = diagram.boxes.length > 0;

  // The frame's size follows the page's width; the view is worked out from it.
  useLayoutEffect(() => {
    const element = frame.current;
    if (!element) return;
    const measure = () => setSize({ width: element.clientWidth || 600, height: element.clientHeight || 400 });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [drawn]);

  // Ctrl (or Cmd) and the wheel zoom, as in a map; the wheel alone scrolls the page as anywhere
  // else. A listener of its own, as React's wheel listener may not stop the browser's own zoom.
  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    const wheel = (event: WheelEvent) => {
      if (!event.ctrlKey && !event.metaKey) return;
      event.preventDefault();
      setView((now) => ({ ...now, zoom: clampZoom(now.zoom * (event.deltaY < 0 ? zoomStep : 1 / zoomStep)) }));
    };
    element.addEventListener('wheel', wheel, { passive: false });
    return () => element.removeEventListener('wheel', wheel);
  }, [drawn]);

  useEffect(() => {
    const shape = `${diagram.width}×${diagram.height}×${size.width}×${size.height}`;
    if (fittedFor.current === shape) return;
    fittedFor.current = shape;
    setView(fitted(diagram, size));
  }, [diagram, size]);

  const byId = new Map(diagram.boxes.map((box) => [box.id, box]));
  const endings = diagram.boxes.filter((box) => box.kind === 'ending').length;
  const unreached = diagram.boxes.filter((box) => box.reached === false).length;
  const summary = `${diagram.boxes.length} nodes, ${diagram.arrows.length} arrows, ${endings} endings${explored ? `, ${unreached} unreachable` : ''}`;
  if (diagram.boxes.length === 0) return <p>No nodes yet: each <code>## heading</code> starts one.</p>;

  const zoomBy = (factor: number) => setView((now) => ({ ...now, zoom: clampZoom(now.zoom * factor) }));
  const fit = () => setView(fitted(diagram, size));
  /** Moves the view by a share of what the frame shows, so each press moves the same distance on screen. */
  const pan = (across: number, down: number) => setView((now) => ({ ...now, x: now.x + (across * size.width) / now.zoom, y: now.y + (down * size.height) / now.zoom }));
  const width = size.width / view.zoom;
  const height = size.height / view.zoom;
  const viewBox = `${view.x - width / 2} ${view.y - height / 2} ${width} ${height}`;

  function onKeyDown(event: KeyboardEvent) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const keys: Record<string, () => void> = {
      '+': () => zoomBy(zoomStep),
      '=': () => zoomBy(zoomStep),
      '-': () => zoomBy(1 / zoomStep),
      '0': fit,
      ArrowLeft: () => pan(-0.15, 0),
      ArrowRight: () => pan(0.15, 0),
      ArrowUp: () => pan(0, -0.15),
      ArrowDown: () => pan(0, 0.15),
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  }

  /** Brings a box into view when the keyboard reaches it, if it is outside the frame. */
  function showBox(box: DiagramBox) {
    const inside = box.x >= view.x - width / 2 && box.x + box.width <= view.x + width / 2 && box.y >= view.y - height / 2 && box.y + box.height <= view.y + height / 2;
    if (!inside) setView((now) => ({ ...now, x: box.x + box.width / 2, y: box.y + box.height / 2 }));
  }

  function onPointerDown(event: PointerEvent<SVGSVGElement>) {
    // A press on a box is a click on it; only the space between boxes drags.
    if (event.button !== 0 || (event.target as Element).closest('.diagram-node')) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { pointer: event.pointerId, x: event.clientX, y: event.clientY, view };
  }

  function onPointerMove(event: PointerEvent<SVGSVGElement>) {
    const from = drag.current;
    if (!from || from.pointer !== event.pointerId) return;
    setView({ ...from.view, x: from.view.x - (event.clientX - from.x) / from.view.zoom, y: from.view.y - (event.clientY - from.y) / from.view.zoom });
  }

  const go = (box: DiagramBox) => onShowLine({ line: box.line, column: 1 });

  return (
    <>
      <p className="meta" id="diagram-summary">{summary}.{explored ? '' : ' Which nodes can be reached shows once the errors are fixed.'}</p>
      <ul className="diagram-legend" aria-label="Key to the diagram">
        <li><span className="swatch diagram-choice" aria-hidden="true" /> choice node</li>
        <li><span className="swatch diagram-route" aria-hidden="true" /> route node</li>
        <li><span className="swatch diagram-ending diagram-positive" aria-hidden="true" /> positive ending</li>
        <li><span className="swatch diagram-ending diagram-mixed" aria-hidden="true" /> mixed ending</li>
        <li><span className="swatch diagram-ending diagram-negative" aria-hidden="true" /> negative ending</li>
        <li><span className="swatch diagram-unreached" aria-hidden="true" /> unreachable (dashed)</li>
      </ul>
      <div className="diagram-controls actions" role="toolbar" aria-label="Zoom the diagram" aria-controls="diagram-frame">
        <button type="button" onClick={() => zoomBy(zoomStep)} aria-keyshortcuts="+">Zoom in</button>
        <button type="button" onClick={() => zoomBy(1 / zoomStep)} aria-keyshortcuts="-">Zoom out</button>
        <button type="button" onClick={fit} aria-keyshortcuts="0">Fit it in</button>
        <span className="meta">{Math.round(view.zoom * 100)}%</span>
      </div>
      <p className="meta" id="diagram-keys">In the diagram, + and − zoom, 0 fits it in, and the arrow keys move it; with the mouse, drag it, and Ctrl and the wheel zoom. Tab goes from box to box; Enter or a click takes the editor to that node.</p>
      <div className="diagram-frame" id="diagram-frame" ref={frame} tabIndex={0} role="region" aria-label="Diagram drawing" aria-describedby="diagram-keys" onKeyDown={onKeyDown}>
        <svg
          role="group"
          aria-label={`Diagram of the draft: ${summary}. The table below lists the same nodes and arrows.`}
          width={size.width}
          height={size.height}
          viewBox={viewBox}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={() => (drag.current = undefined)}
          onPointerCancel={() => (drag.current = undefined)}
        >
          <defs>
            <marker id="diagram-arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0,0 L10,5 L0,10 Z" className="diagram-arrowhead" />
            </marker>
          </defs>
          {diagram.arrows.map((arrow) => (
            <g key={`${arrow.from}→${arrow.to}`} className="diagram-arrow-group">
              <path className="diagram-arrow" markerEnd="url(#diagram-arrowhead)" d={`M${arrow.points.map((point) => `${point.x},${point.y}`).join(' L')}`}>
                <title>{`${byId.get(arrow.from)?.heading} → ${byId.get(arrow.to)?.heading}: ${arrow.labels.join('; ')}`}</title>
              </path>
              {arrow.at && (
                // The arrow's choice numbers, as the node lists its choices; its codes are in its title and the table.
                <g className="diagram-arrow-tag" aria-hidden="true">
                  <rect x={arrow.at.x - (arrow.tag.length * 6.4 + 6) / 2} y={arrow.at.y - 8} width={arrow.tag.length * 6.4 + 6} height={16} rx={3} />
                  <text x={arrow.at.x} y={arrow.at.y + 4} textAnchor="middle">{arrow.tag}</text>
                </g>
              )}
            </g>
          ))}
          {diagram.boxes.map((box) => (
            <g
              key={box.id}
              className={classOf(box)}
              data-node={box.id}
              role="button"
              tabIndex={0}
              aria-label={`${box.heading}: ${box.caption[1]}. Go to line ${box.line}`}
              onClick={() => go(box)}
              onFocus={() => showBox(box)}
              onKeyDown={(event) => {
                if (event.key !== 'Enter' && event.key !== ' ') return;
                event.preventDefault();
                go(box);
              }}
            >
              <title>{`${box.heading}: go to line ${box.line}`}</title>
              <path d={outline(box)} />
              <text x={box.x + box.width / 2} y={box.y + 19} textAnchor="middle" className="diagram-heading">{box.caption[0]}</text>
              <text x={box.x + box.width / 2} y={box.y + 36} textAnchor="middle" className="diagram-caption">{box.caption[1]}</text>
            </g>
          ))}
        </svg>
      </div>
      <details className="diagram-table">
        <summary>The diagram as a table</summary>
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">Every node of the draft, what kind it is, and where its choices and routes lead</caption>
            <thead>
              <tr><th scope="col">Node</th><th scope="col">Kind</th><th scope="col">Leads to</th></tr>
            </thead>
            <tbody>
              {diagram.boxes.map((box) => (
                <tr key={box.id}>
                  <th scope="row">
                    <button type="button" className="link-button" onClick={() => go(box)}>{box.heading}</button>
                    <span className="meta"> ({box.id}, line {box.line})</span>
                  </th>
                  <td>{box.caption[1]}</td>
                  <td>
                    {diagram.arrows.filter((arrow) => arrow.from === box.id).map((arrow) => `${arrow.to} (${arrow.tag}: ${arrow.labels.join('; ')})`).join(', ') || '–'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}
