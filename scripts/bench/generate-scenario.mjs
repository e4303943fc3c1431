// A long, valid scenario for benchmarks: a branching conversation of `nodeCount` nodes whose one
// variable stays within 0..3, with a route node every tenth node, and all three outcomes.
export function generateScenario(nodeCount) {
  const body = nodeCount - 3;
  let out = '---\ntitle: A very long conversation\nsummary: Generated for benchmarks.\npersona:\n  name: Sam\nstate:\n  rapport: 0\n---\n\n';
  for (let i = 0; i < body; i++) {
    const next = i + 1 < body ? `n${i + 1}` : 'good';
    const skip = i + 2 < body ? `n${i + 2}` : 'good';
    if (i % 10 === 9) {
      out += `## n${i}\n\n- -> ${next} if rapport >= 1\n- -> ${i === 9 ? 'bad' : i === 19 ? 'meh' : next}\n\n`;
      continue;
    }
    out += `## n${i}\n\n**Sam:** Line ${i}.\n\n`;
    out += `- **Complex reflection:** "Reflection ${i}." -> ${next}\n  - if: rapport < 3\n  - feedback: Good.\n  - set: rapport +1\n`;
    out += `- **Persuade:** "Advice ${i}." -> ${skip}\n  - feedback: Less good.\n  - set: rapport = 0\n`;
    out += `- **Open question:** "Question ${i}?" -> ${i === 0 ? 'n1' : next}\n  - feedback: Fine.\n\n`;
  }
  out += '## good\n\n**Outcome:** positive\n\nWell done.\n\n## bad\n\n**Outcome:** negative\n\nTry again.\n\n## meh\n\n**Outcome:** mixed\n\nMeh.\n';
  return out;
}
