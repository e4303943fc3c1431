/**
 * The say-it-your-way timer: a countdown the group can start, pause and reset while someone says a
 * reply in their own words. It only keeps time; it never moves the group on by itself.
 */
import { useEffect, useState } from 'react';
import { useNow } from './use-now.ts';
import { durationInWords, elapsedOf, formatDuration, isRunning, pauseClock, startClock, stoppedClock } from '../site/clock.ts';

/** A countdown from `seconds`. */
export default function SayItTimer({ seconds }: { seconds: number }) {
  const [clock, setClock] = useState(stoppedClock);
  const now = useNow(isRunning(clock));
  const left = Math.max(0, seconds * 1000 - elapsedOf(clock, now));
  const done = left === 0;
  useEffect(() => {
    if (done && isRunning(clock)) setClock(pauseClock(clock, Date.now()));
  }, [done, clock]);
  return (
    <div className="timer" role="group" aria-label="Timer">
      <p className="timer-face" role="timer" aria-label={`${durationInWords(left)} left`}>{formatDuration(left + 999)}</p>
      <p className="visually-hidden" aria-live="polite">{done ? 'Time is up.' : ''}</p>
      <div className="actions">
        {isRunning(clock) ? (
          <button type="button" onClick={() => setClock(pauseClock(clock, Date.now()))}>Pause the timer</button>
        ) : (
          <button type="button" disabled={done} onClick={() => setClock(startClock(clock, Date.now()))}>{clock.elapsedMs > 0 ? 'Go on with the timer' : 'Start the timer'}</button>
        )}
        <button type="button" disabled={clock.elapsedMs === 0 && !isRunning(clock)} onClick={() => setClock(stoppedClock)}>Reset the timer</button>
      </div>
    </div>
  );
}
