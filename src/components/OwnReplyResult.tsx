/**
 * How a reply written in own words reads: the coder's code in plain words and MITI's, the reason,
 * the trainee's own call beside it, and what to try where the reply was MI-inconsistent.
 */
import type { Ref } from 'react';
import type { Coding } from '../engine/coder/code-utterance.ts';
import { compareCalls, plainCodeNames, type OwnReply } from '../engine/own-words.ts';

export interface OwnReplyResultProps {
  readonly reply: OwnReply;
  readonly coding: Coding;
  readonly headingRef?: Ref<HTMLHeadingElement>;
}

export default function OwnReplyResult({ reply, coding, headingRef }: OwnReplyResultProps) {
  const comparison = compareCalls(reply);
  return (
    <section className="own-result card" aria-labelledby="own-result-title">
      <h4 id="own-result-title" tabIndex={-1} ref={headingRef}>How your reply reads</h4>
      <p className="own-words-said"><span className="speaker">You wrote</span> “{reply.text.trim()}”</p>
      <p className="own-result-code">
        {reply.code === 'none' ? <strong>Nothing MITI codes</strong> : <><strong>{capitalised(plainCodeNames[reply.code])}</strong> ({reply.code}{coding.leaning ? `, leaning ${coding.leaning}` : ''})</>}
      </p>
      <p>{coding.reason}</p>
      {coding.runnerUp && <p className="meta">It could also be read as {coding.runnerUp.code}.</p>}
      {reply.own && reply.own !== 'unsure' && (
        <p>
          You called it {plainCodeNames[reply.own]}
          {comparison === 'same' ? ': the coder agrees.' : comparison === 'same group' ? `: the same family of reply, read as another kind.` : ': the coder read it differently.'}
        </p>
      )}
      {coding.tip && <p className="own-tip"><strong>Try: </strong>{coding.tip}</p>}
      <p className="meta">A coder on your device is not a trained MITI rater: take its reading as a second opinion. <a href="/how-the-course-codes/">How the course codes what you write</a></p>
    </section>
  );
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
