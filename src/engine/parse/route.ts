/** The route reader: `- -> target if condition` items and a final `- -> target`. */
import type { List, ListItem } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseCondition, type Condition } from '../condition.ts';
import { report } from '../diagnostics.ts';
import { nodeIdPattern } from '../front-matter-schema.ts';
import type { Route } from '../types.ts';
import { targetProblem } from './choice.ts';
import { endOf, readGrammar, spanOf, startOf, type ParseContext } from './context.ts';

const arrow = /->|→|=>|[–—]>/;

/** Whether a list item is a route: its text starts with an arrow (or `=>`, or a long dash's `—>`, reported as such). */
export function isRouteItem(item: ListItem): boolean {
  const paragraph = item.children[0];
  return paragraph?.type === 'paragraph' && arrow.test(toString(paragraph).trimStart().slice(0, 2));
}

/** Reads the routes of node `nodeId`, checking that the last one, and only it, is unconditional. */
export function readRoutes(context: ParseContext, nodeId: string, list: List): Route[] {
  const { file, source } = context;
  const routes: Route[] = [];
  for (const item of list.children) {
    const paragraph = item.children[0]!;
    const start = startOf(paragraph);
    const text = source.slice(start, endOf(paragraph));
    const arrowMatch = arrow.exec(text)!;
    const afterArrow = arrowMatch.index + arrowMatch[0].length;
    const [, space = '', target = '', rest = ''] = /^(\s*)([^\s,;]*)([\s\S]*)$/.exec(text.slice(afterArrow))!;
    const targetStart = start + afterArrow + space.length;
    const place = spanOf(context, item);
    if (arrowMatch[0] !== '->' && arrowMatch[0] !== '→') {
      report(file, `Unexpected \`${arrowMatch[0]}\` before \`${target}\`, expected \`->\` (a hyphen, then \`>\`) or \`→\`: \`- -> ${target}${rest.trimEnd()}\``, context.span(start + arrowMatch.index, start + afterArrow), 'route-syntax');
      continue;
    }
    if (!target) {
      report(file, `Unexpected end of route in node \`${nodeId}\`, expected \`-> target\` or \`-> target if condition\``, place, 'route-syntax');
      continue;
    }
    if (!nodeIdPattern.test(target)) {
      report(file, targetProblem(target), context.span(targetStart, targetStart + target.length), 'route-syntax');
      continue;
    }
    context.targets.push({ target, place: context.span(targetStart, targetStart + target.length) });
    let condition: Condition | undefined;
    const restStart = targetStart + target.length + (rest.length - rest.trimStart().length);
    const ifMatch = /^\s+if(?=\s|$)/.exec(rest);
    if (ifMatch) {
      const conditionText = rest.slice(ifMatch[0].length);
      condition = readGrammar(context, parseCondition(conditionText), conditionText, targetStart + target.length + ifMatch[0].length, 'condition');
      if (!condition) continue;
    } else if (rest.trim() !== '') {
      const extra = rest.trim();
      const word = /^[A-Za-z]+/.exec(extra)?.[0];
      const asIf = word && word.toLowerCase() !== 'if' && /[<>=]/.test(extra) ? ` (write \`if\` for \`${word}\`: \`-> ${target} if${extra.slice(word.length)}\`)` : '';
      report(file, `Unexpected \`${extra.split('\n')[0]}\` after \`-> ${target}\`, expected the end of the route, or \`if\` and a condition such as \`-> ${target} if rapport >= 1\`${asIf}`, context.span(restStart, restStart + extra.length), 'route-syntax');
      continue;
    }
    routes.push({ target, place, ...(condition ? { condition } : {}) });
  }
  const lastUnconditional = routes.findIndex((route) => !route.condition);
  if (routes.length === 0) return routes;
  if (lastUnconditional === -1) {
    report(file, `Unexpected route node \`${nodeId}\` without a final unconditional route, expected a last item such as \`-> ${routes.at(-1)?.target ?? 'somewhere'}\``, spanOf(context, list), 'missing-final-route');
  } else if (lastUnconditional < routes.length - 1) {
    report(file, `Unexpected route after the unconditional route \`-> ${routes[lastUnconditional]!.target}\` in node \`${nodeId}\`; it can never be taken, so move the unconditional route last`, routes[lastUnconditional + 1]!.place, 'missing-final-route');
  }
  return routes;
}
