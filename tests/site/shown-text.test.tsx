/**
 * Text that depends on the run, as the site renders it: the player's conversation and debrief
 * show only the lines and paragraphs whose `**If …:**` conditions hold for that run.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import Conversation from '../../src/components/Conversation.tsx';
import RunDebrief from '../../src/components/RunDebrief.tsx';
import { debriefOf } from '../../src/engine/debrief.ts';
import { chooseNumber, startRun, transcript } from '../../src/engine/run.ts';
import { renderScenarioMarkdown } from '../../src/site/render-scenario.ts';
import { lintText, scenario } from '../helpers.ts';

const text = scenario(`## a

- **Closed question:** "Are you safe tonight?" -> b
  - feedback: f
  - set: rapport +1
- **Persuade:** "Cheer up." -> b
  - feedback: f

## b

**If rapport >= 1:** **Sam:** Thanks for *asking*.

**If rapport == 0:** *Sam looks away.*

- **Affirm:** "You said it plainly." -> done
  - feedback: f

## done

**Outcome:** positive

Sam makes a plan.

**If rapport >= 1:** You asked about **safety** directly.

**If rapport == 0:** You did not ask about safety.
`);

describe('the site shows each run its own text', () => {
  const { scenario: parsed, machine } = lintText(text);
  const html = renderScenarioMarkdown(parsed!);
  const page = (choice: number) => {
    const run = chooseNumber(chooseNumber(startRun(parsed!, machine!), choice), 1);
    return renderToStaticMarkup(
      <>
        <Conversation entries={transcript(run)} html={html} label="The conversation" />
        <RunDebrief debrief={debriefOf(run)!} html={html} title="Debrief" level={2} />
      </>,
    );
  };

  it('renders the lines and debrief paragraphs whose conditions hold, as HTML, and leaves the others out', () => {
    const asked = page(1);
    expect(asked).toContain('<span class="speaker">Sam</span><span>Thanks for <em>asking</em>.</span>');
    expect(asked).toContain('<div><p>Sam makes a plan.</p></div><div><p>You asked about <strong>safety</strong> directly.</p></div>');
    expect(asked).not.toContain('looks away');
    expect(asked).not.toContain('did not ask');
    const notAsked = page(2);
    expect(notAsked).toContain('<em>Sam looks away.</em>');
    expect(notAsked).toContain('<div><p>Sam makes a plan.</p></div><div><p>You did not ask about safety.</p></div>');
    expect(notAsked).not.toContain('Thanks for');
  });
});
