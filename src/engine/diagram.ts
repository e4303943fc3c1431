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

const mermaidText = (text: string) => text.replace(/"/g, '#quot;');
const dotText = (text: string) => text.replace(/\\/g, '\\\\').replace(/"/g, '\\"');

/** Every arrow of the scenario's diagram, in file order: what `coach graph` and the studio draw. */
export function diagramEdges(scenario: Scenario): DiagramEdge[] {
  return scenario.nodes.flatMap(edgesOf);
}

/** The diagram's source text. */
export function scenarioDiagram(scenario: Scenario, format: DiagramFormat): string {
  const edges = diagramEdges(scenario);
  if (format === 'mermaid') {
    const shape = (node: ScenarioNode) =>
      node.kind === 'ending' ? `${node.id}(["${mermaidText(nodeLabel(node))}"])` : node.kind === 'route' ? `${node.id}{"${mermaidText(nodeLabel(node))}"}` : `${node.id}["${mermaidText(nodeLabel(node))}"]`;
    return [
      'flowchart TD',
      `  start((start)) --> ${scenario.start}`,
      ...scenario.nodes.map((node) => `  ${shape(node)}`),
      ...edges.map((edge) => `  ${edge.from} -->|"${mermaidText(edge.label)}"| ${edge.to}`),
      '  classDef positive fill:#d8efdf,stroke:#1f6b3a',
      '  classDef mixed fill:#f7ebcf,stroke:#7a5200',
      '  classDef negative fill:#f6dada,stroke:#9a2f2f',
      ...scenario.nodes.flatMap((node) => (node.kind === 'ending' ? [`  class ${node.id} ${node.outcome}`] : [])),
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
    '  start [shape=circle, label="start"];',
    `  start -> "${scenario.start}";`,
    ...scenario.nodes.map((node) => `  "${node.id}" [label="${dotText(nodeLabel(node))}", ${attributes(node)}];`),
    ...edges.map((edge) => `  "${edge.from}" -> "${edge.to}" [label="${dotText(edge.label)}"];`),
    '}',
    '',
  ].join('\n');
}
