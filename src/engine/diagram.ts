/**
 * A scenario as a diagram, for trainers checking their branching: nodes labelled, edges labelled
 * with the choice's code (and condition), routes with their conditions, endings marked by outcome.
 * Mermaid for Markdown viewers, DOT for Graphviz.
 */
import { formatCondition, formatEffects } from './condition.ts';
import type { Scenario, ScenarioNode } from './types.ts';

export type DiagramFormat = 'mermaid' | 'dot';

/** An arrow of the diagram: a choice (labelled with its code, condition and effects) or a route. */
export interface DiagramEdge {
  readonly from: string;
  readonly to: string;
  readonly label: string;
}

function edgesOf(node: ScenarioNode): DiagramEdge[] {
  if (node.kind === 'choice') {
    return node.choices.map((choice) => ({
      from: node.id,
      to: choice.target,
      label: [choice.code.name, choice.condition ? `if ${formatCondition(choice.condition)}` : '', choice.effects.length > 0 ? formatEffects(choice.effects) : ''].filter(Boolean).join(' · '),
    }));
  }
  if (node.kind === 'route') {
    return node.routes.map((route) => ({ from: node.id, to: route.target, label: route.condition ? `if ${formatCondition(route.condition)}` : 'otherwise' }));
  }
  return [];
}

function nodeLabel(node: ScenarioNode): string {
  return node.kind === 'ending' ? `${node.heading} (${node.outcome})` : node.heading;
}

/** Label text inside Mermaid's quotes: quotes, `#` (which starts an entity) and backticks as entities. */
const mermaidText = (text: string) => text.replace(/[#"`]/g, (character) => (character === '"' ? '#quot;' : `#${character.charCodeAt(0)};`));
const dotText = (text: string) => text.replace(/\\/g, '\\\\').replace(/"/g, '\\"');

/** Words a Mermaid flowchart reads as syntax, not as a node id (in any case), and the start marker's id. */
const mermaidKeywords = new Set(
  ['start', 'end', 'graph', 'flowchart', 'subgraph', 'class', 'classdef', 'style', 'linkstyle', 'click', 'call', 'href', 'callback', 'direction', 'default', 'interpolate', 'tb', 'td', 'bt', 'rl', 'lr'],
);
/** Ids Mermaid reads as one plain id: ASCII letters and digits, single hyphens or underscores between. */
const plainMermaidId = /^[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)*$/;

/**
 * The id each node has in Mermaid: its own where Mermaid reads it as a plain id, so the source
 * stays readable; otherwise (a keyword such as `end`, `--` in it, letters beyond ASCII) `node-N`,
 * numbered to be unique. The labels show the headings either way.
 */
function mermaidIds(nodes: readonly ScenarioNode[]): Map<string, string> {
  const taken = new Set(nodes.map((node) => node.id.toLowerCase()));
  const ids = new Map<string, string>();
  let next = 1;
  for (const node of nodes) {
    if (plainMermaidId.test(node.id) && !mermaidKeywords.has(node.id.toLowerCase())) {
      ids.set(node.id, node.id);
      continue;
    }
    while (taken.has(`node-${next}`)) next++;
    taken.add(`node-${next}`);
    ids.set(node.id, `node-${next}`);
  }
  return ids;
}

/** Every arrow of the scenario's diagram, in file order: what `coach graph` and the studio draw. */
export function diagramEdges(scenario: Scenario): DiagramEdge[] {
  return scenario.nodes.flatMap(edgesOf);
}

/** The diagram's source text. */
export function scenarioDiagram(scenario: Scenario, format: DiagramFormat): string {
  const edges = diagramEdges(scenario);
  if (format === 'mermaid') {
    const ids = mermaidIds(scenario.nodes);
    const id = (nodeId: string) => ids.get(nodeId) ?? nodeId;
    const shape = (node: ScenarioNode) => {
      const label = mermaidText(nodeLabel(node));
      return node.kind === 'ending' ? `${id(node.id)}(["${label}"])` : node.kind === 'route' ? `${id(node.id)}{"${label}"}` : `${id(node.id)}["${label}"]`;
    };
    return [
      'flowchart TD',
      `  start((start)) --> ${id(scenario.start)}`,
      ...scenario.nodes.map((node) => `  ${shape(node)}`),
      ...edges.map((edge) => `  ${id(edge.from)} -->|"${mermaidText(edge.label)}"| ${id(edge.to)}`),
      '  classDef positive fill:#d8efdf,stroke:#1f6b3a',
      '  classDef mixed fill:#f7ebcf,stroke:#7a5200',
      '  classDef negative fill:#f6dada,stroke:#9a2f2f',
      ...scenario.nodes.flatMap((node) => (node.kind === 'ending' ? [`  class ${id(node.id)} ${node.outcome}`] : [])),
      '',
    ].join('\n');
  }
  const colours = { positive: '#d8efdf', mixed: '#f7ebcf', negative: '#f6dada' };
  const attributes = (node: ScenarioNode) =>
    node.kind === 'ending'
      ? `shape=box, style="rounded,filled", fillcolor="${colours[node.outcome]}"`
      : node.kind === 'route'
        ? 'shape=diamond'
        : 'shape=box';
  return [
    `digraph "${dotText(scenario.id)}" {`,
    '  rankdir=TB;',
    // Every id is quoted, so keywords (`node`, `graph`, `edge`) and `--` are plain ids; the start
    // marker's id has brackets, which no node id can, so a node called `start` is its own.
    '  "(start)" [shape=circle, label="start"];',
    `  "(start)" -> "${dotText(scenario.start)}";`,
    ...scenario.nodes.map((node) => `  "${dotText(node.id)}" [label="${dotText(nodeLabel(node))}", ${attributes(node)}];`),
    ...edges.map((edge) => `  "${dotText(edge.from)}" -> "${dotText(edge.to)}" [label="${dotText(edge.label)}"];`),
    '}',
    '',
  ].join('\n');
}
