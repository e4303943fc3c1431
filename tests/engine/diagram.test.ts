/** Diagrams that render whatever the ids: Mermaid and DOT keywords, `--`, and a node called `start`. */
import { describe, expect, it } from 'vitest';
import { scenarioDiagram } from '../../src/engine/diagram.ts';
import { goodEnding, lintText, scenario } from '../helpers.ts';

const choice = (target: string) => `- **Affirm:** "Words." -> ${target}\n  - feedback: f\n`;
const reserved = lintText(
  scenario(`## start\n\n${choice('end')}${choice('graph')}\n## graph\n\n- -> class\n\n## class\n\n${choice('a--b')}\n## A to B {#a--b}\n\n${choice('end')}\n## end\n\n**Outcome:** positive\n\nDone "at last" #1.\n`),
  'subgraph.md',
).scenario!;

describe('diagrams of scenarios whose ids are keywords', () => {
  it('gives Mermaid a plain id for each node that Mermaid would read as syntax, keeping the labels', () => {
    expect(scenarioDiagram(reserved, 'mermaid')).toBe(`flowchart TD
  start((start)) --> node-1
  node-1["start"]
  node-2{"graph"}
  node-3["class"]
  node-4["A to B"]
  node-5(["end (positive)"])
  node-1 -->|"Affirm"| node-5
  node-1 -->|"Affirm"| node-2
  node-2 -->|"otherwise"| node-3
  node-3 -->|"Affirm"| node-4
  node-4 -->|"Affirm"| node-5
  classDef positive fill:#d8efdf,stroke:#1f6b3a
  classDef mixed fill:#f7ebcf,stroke:#7a5200
  classDef negative fill:#f6dada,stroke:#9a2f2f
  class node-5 positive
`);
  });

  it('quotes every DOT id, and keeps the start marker apart from a node called start', () => {
    const dot = scenarioDiagram(reserved, 'dot');
    expect(dot.split('\n').slice(0, 5)).toEqual(['digraph "subgraph" {', '  rankdir=TB;', '  "(start)" [shape=circle, label="start"];', '  "(start)" -> "start";', '  "start" [label="start", shape=box];']);
    expect(dot).toContain('  "a--b" -> "end" [label="Affirm"];');
  });

  it('escapes what Mermaid reads inside a label', () => {
    const quoted = lintText(scenario(`## Say "hi" #1 {#a}\n\n${choice('good')}\n${goodEnding}`)).scenario!;
    expect(scenarioDiagram(quoted, 'mermaid')).toContain('  a["Say #quot;hi#quot; #35;1"]');
  });
});
