/** One step of a debrief, the same alone and in a group: what was picked, its feedback, and the option the debrief points to, if any. */
import type { ReactNode } from 'react';
import { suggestionLead, type Suggestion } from '../engine/debrief.ts';
import type { Choice } from '../engine/types.ts';
import type { RenderedMarkdown } from '../site/render-scenario.ts';
import Html from './Html.tsx';

export interface DebriefStepProps {
  readonly picked: Choice;
  /** A safety step, or a more MI-consistent option, that the debrief points to. */
  readonly suggestion?: Suggestion;
  readonly html: RenderedMarkdown;
  /** Said before the pick, such as who was in the hot seat. */
  readonly lead?: ReactNode;
  /** Said after the pick's feedback, such as how the group voted. */
  readonly children?: ReactNode;
}

/** A list item for one step of a debrief. */
export default function DebriefStep({ picked, suggestion, html, lead, children }: DebriefStepProps) {
  return (
    <li>
      {lead}
      <p className="step-choice"><strong>{picked.code.name}:</strong> “{picked.says}”</p>
      <Html markdown={picked.feedback} html={html} as="div" className="step-feedback" />
      {children}
      {suggestion && (
        <div className="suggestion">
          <p className="step-choice"><span className="meta">{suggestionLead(suggestion)}:</span> <strong>{suggestion.choice.code.name}:</strong> “{suggestion.choice.says}”</p>
          <Html markdown={suggestion.choice.feedback} html={html} as="div" className="step-feedback" />
        </div>
      )}
    </li>
  );
}
