/** One step of a debrief, the same alone and in a group: what was picked, its feedback, and a more MI-consistent option where there was one. */
import type { ReactNode } from 'react';
import type { Choice } from '../engine/types.ts';
import type { RenderedMarkdown } from '../site/scenario-catalog.ts';
import Html from './Html.tsx';

export interface DebriefStepProps {
  readonly picked: Choice;
  readonly moreConsistent?: Choice;
  readonly html: RenderedMarkdown;
  /** Said before the pick, such as who was in the hot seat. */
  readonly lead?: ReactNode;
  /** Said after the pick's feedback, such as how the group voted. */
  readonly children?: ReactNode;
}

/** A list item for one step of a debrief. */
export default function DebriefStep({ picked, moreConsistent, html, lead, children }: DebriefStepProps) {
  return (
    <li>
      {lead}
      <strong>{picked.code.name}:</strong> “{picked.says}” <Html markdown={picked.feedback} html={html} />
      {children}
      {moreConsistent && (
        <p className="more-consistent">
          <span className="meta">A more MI-consistent option here: </span>
          <strong>{moreConsistent.code.name}:</strong> “{moreConsistent.says}” <Html markdown={moreConsistent.feedback} html={html} />
        </p>
      )}
    </li>
  );
}
