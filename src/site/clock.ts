/**
 * A stopwatch as plain data, so it can be saved and survive a reload: the time gathered so far,
 * and when it was last started while it runs. The observer's sheet and the group's say-it-your-way
 * timer both keep time with it.
 */

/** A stopwatch: time gathered so far, and when it was last started (milliseconds since 1970) while it runs. */
export interface Clock {
  readonly elapsedMs: number;
  readonly runningSince?: number;
}

/** A stopped clock at zero. */
export const stoppedClock: Clock = { elapsedMs: 0 };

/** Milliseconds on the clock at `now`. */
export function elapsedOf(clock: Clock, now: number): number {
  return clock.elapsedMs + (clock.runningSince === undefined ? 0 : Math.max(0, now - clock.runningSince));
}

/** Starts a stopped clock; a running one is left as it is. */
export function startClock(clock: Clock, now: number): Clock {
  return clock.runningSince === undefined ? { ...clock, runningSince: now } : clock;
}

/** Stops a running clock, keeping its time. */
export function pauseClock(clock: Clock, now: number): Clock {
  return { elapsedMs: Math.round(elapsedOf(clock, now)) };
}

/** Whether the clock is running. */
export const isRunning = (clock: Clock): boolean => clock.runningSince !== undefined;

/** A duration as `m:ss` (or `h:mm:ss` past an hour). */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const [hours, minutes, seconds] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`;
}

/** A duration in words for screen readers: `2 minutes 5 seconds`. */
export function durationInWords(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  const part = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  return minutes === 0 ? part(seconds, 'second') : seconds === 0 ? part(minutes, 'minute') : `${part(minutes, 'minute')} ${part(seconds, 'second')}`;
}
