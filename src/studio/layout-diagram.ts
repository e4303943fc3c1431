/**
 * The studio's diagram laid out by dagre (a layered graph layout, as Graphviz's `dot` draws): each
 * node a box placed in ranks from the start downwards, each arrow a line through the points dagre
 * routes around the boxes. Pure data, computed in the worker; the island only draws it.
 */
import { Graph, layout } from '@dagrejs/dagre';
import type { DiagramEdge } from '../engine/diagram.ts';
import type { Outcome } from '../engine/front-matter-schema.ts';
import type { ScenarioNode } from '../engine/types.ts';

/** A node as the diagram shows it. */
export interface DiagramNode {
  readonly id: string;
  readonly heading: string;
  readonly kind: ScenarioNode['kind'];
  /** An ending's outcome. */
  readonly outcome?: Outcome;
  /** How many choices or routes lead on from it. */
  readonly ways: number;
  /** Whether some run reaches it; undefined when the draft could not be explored. */
  readonly reached?: boolean;
  /** The line of its heading, to find it in the editor. */
  readonly line: number;
}

/** A choice or route of the diagram, with its number in its node (1-based, in file order). */
export interface NumberedEdge extends DiagramEdge {
  readonly number: number;
  /** Whether it is a route node's route, rather than a choice. */
  readonly route: boolean;
}

/** What the diagram shows: the nodes, the arrows between them, and which node is the start. */
export interface DiagramGraph {
  readonly start: string;
  readonly nodes: readonly DiagramNode[];
  readonly edges: readonly NumberedEdge[];
}

/** A node's box: its top-left corner and size. */
export interface DiagramBox extends DiagramNode {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** The text in the box: the heading, then what kind of node it is. */
  readonly caption: readonly [string, string];
}

/** All arrows from one node to another, drawn as one line. */
export interface DiagramArrow {
  readonly from: string;
  readonly to: string;
  /** Each choice or route it stands for, as `coach graph` labels them. */
  readonly labels: readonly string[];
  /** The short label drawn on the arrow: its choices' numbers (`1, 3`), or its routes' (`route 2`). */
  readonly tag: string;
  readonly points: ReadonlyArray<{ readonly x: number; readonly y: number }>;
  /** Where the label goes: the middle of the space dagre kept for it. */
  readonly at?: { readonly x: number; readonly y: number };
}

export interface LaidOutDiagram {
  readonly start: string;
  readonly width: number;
  readonly height: number;
  readonly boxes: readonly DiagramBox[];
  readonly arrows: readonly DiagramArrow[];
}

/** Headings longer than this are cut short in their box (the text alternative has them whole). */
const longestHeading = 28;
const charWidth = 7.4;
const boxHeight = 46;

/** What a box says: the heading, then the kind of node, whether it is the start, and whether it is reached. */
export function captionOf(node: DiagramNode, start: string): [string, string] {
  const heading = node.heading.length > longestHeading ? `${node.heading.slice(0, longestHeading - 1)}…` : node.heading;
  const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
  const kind = node.kind === 'ending' ? `${node.outcome} ending` : node.kind === 'route' ? plural(node.ways, 'route') : plural(node.ways, 'choice');
  const notes = [node.id === start ? 'start' : '', kind, node.reached === false ? 'unreachable' : ''].filter(Boolean);
  return [heading, notes.join(' · ')];
}

let last: { key: string; diagram: LaidOutDiagram } | undefined;

/**
 * Lays out the nodes and arrows (arrows to nodes that do not exist are left out). Typing inside a
 * line changes nothing here, so the last layout is kept while the boxes and arrows stay the same.
 */
export function layoutDiagram({ nodes, edges, start }: DiagramGraph): LaidOutDiagram {
  const ids = new Set(nodes.map((node) => node.id));
  const grouped = new Map<string, { from: string; to: string; labels: string[]; tag: string }>();
  for (const edge of edges) {
    if (!ids.has(edge.from) || !ids.has(edge.to)) continue;
    const key = `${edge.from}\u0000${edge.to}`;
    const arrow = grouped.get(key) ?? { from: edge.from, to: edge.to, labels: [], tag: '' };
    arrow.labels.push(edge.label);
    arrow.tag = arrow.tag ? `${arrow.tag}, ${edge.number}` : `${edge.route ? 'route ' : ''}${edge.number}`;
    grouped.set(key, arrow);
  }
  const captioned = nodes.map((node) => ({ node, caption: captionOf(node, start) }));
  const shape = JSON.stringify([start, captioned.map(({ node, caption }) => [node.id, caption]), [...grouped].map(([key, arrow]) => [key, arrow.tag])]);
  if (last?.key === shape) return withCurrentDetails(last.diagram, nodes, grouped);

  const graph = new Graph();
  graph.setGraph({ rankdir: 'TB', nodesep: 24, ranksep: 44, marginx: 12, marginy: 12 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const { node, caption } of captioned) {
    const width = Math.min(240, Math.max(96, Math.ceil(Math.max(...caption.map((text) => text.length)) * charWidth) + 24));
    graph.setNode(node.id, { width, height: boxHeight });
  }
  // Each arrow has room kept for its short label, which dagre places beside the line.
  for (const arrow of grouped.values()) graph.setEdge(arrow.from, arrow.to, { width: Math.ceil(arrow.tag.length * 6.4) + 8, height: 16, labelpos: 'c' });
  layout(graph);

  const size = graph.graph();
  const diagram: LaidOutDiagram = {
    start,
    width: Math.ceil(size.width ?? 0),
    height: Math.ceil(size.height ?? 0),
    boxes: captioned.map(({ node, caption }) => {
      const box = graph.node(node.id);
      return { ...node, caption, width: box.width, height: box.height, x: (box.x ?? 0) - box.width / 2, y: (box.y ?? 0) - box.height / 2 };
    }),
    arrows: [...grouped.values()].map((arrow) => {
      const edge = graph.edge(arrow.from, arrow.to);
      return { ...arrow, points: edge.points ?? [], ...(edge.x !== undefined && edge.y !== undefined ? { at: { x: edge.x, y: edge.y } } : {}) };
    }),
  };
  last = { key: shape, diagram };
  return diagram;
}

/** The last layout, with the nodes' lines and the arrows' labels as they are now. */
function withCurrentDetails(diagram: LaidOutDiagram, nodes: readonly DiagramNode[], grouped: ReadonlyMap<string, { labels: string[] }>): LaidOutDiagram {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  return {
    ...diagram,
    boxes: diagram.boxes.map((box) => ({ ...box, ...byId.get(box.id) })),
    arrows: diagram.arrows.map((arrow) => ({ ...arrow, labels: grouped.get(`${arrow.from}\u0000${arrow.to}`)?.labels ?? arrow.labels })),
  };
}
