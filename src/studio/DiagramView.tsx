/**
 * The draft's diagram, drawn as SVG from the worker's layout: choice nodes as boxes, route nodes
 * as boxes with cut corners, endings as rounded boxes coloured by outcome, and nodes no run reaches
 * dashed. Every box says in words what it is, so colour is never the only cue; and a table lists
 * the same nodes and arrows for screen readers and for anyone who prefers text.
 */
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

export default function DiagramView({ diagram, explored, onShowLine }: DiagramViewProps) {
  const byId = new Map(diagram.boxes.map((box) => [box.id, box]));
  const endings = diagram.boxes.filter((box) => box.kind === 'ending').length;
  const unreached = diagram.boxes.filter((box) => box.reached === false).length;
  const summary = `${diagram.boxes.length} nodes, ${diagram.arrows.length} arrows, ${endings} endings${explored ? `, ${unreached} unreachable` : ''}`;
  if (diagram.boxes.length === 0) return <p>No nodes yet: each <code>## heading</code> starts one.</p>;
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
      <div className="diagram-scroll" tabIndex={0} role="region" aria-label="Diagram, scrollable">
        <svg role="img" aria-label={`Diagram of the draft: ${summary}. The table below lists the same nodes and arrows.`} width={diagram.width} height={diagram.height} viewBox={`0 0 ${diagram.width} ${diagram.height}`}>
          <defs>
            <marker id="diagram-arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0,0 L10,5 L0,10 Z" className="diagram-arrowhead" />
            </marker>
          </defs>
          {diagram.arrows.map((arrow) => (
            <path key={`${arrow.from}→${arrow.to}`} className="diagram-arrow" markerEnd="url(#diagram-arrowhead)" d={`M${arrow.points.map((point) => `${point.x},${point.y}`).join(' L')}`}>
              <title>{`${byId.get(arrow.from)?.heading} → ${byId.get(arrow.to)?.heading}: ${arrow.labels.join('; ')}`}</title>
            </path>
          ))}
          {diagram.boxes.map((box) => (
            // A click takes the editor to the node, for the mouse; the table's headings do it from the keyboard.
            <g key={box.id} className={classOf(box)} data-node={box.id} onClick={() => onShowLine({ line: box.line, column: 1 })}>
              <title>{`${box.heading}: click to go to line ${box.line}`}</title>
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
                    <button type="button" className="link-button" onClick={() => onShowLine({ line: box.line, column: 1 })}>{box.heading}</button>
                    <span className="meta"> ({box.id}, line {box.line})</span>
                  </th>
                  <td>{box.caption[1]}</td>
                  <td>
                    {diagram.arrows.filter((arrow) => arrow.from === box.id).map((arrow) => `${arrow.to} (${arrow.labels.join('; ')})`).join(', ') || '–'}
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
