/** The time now, kept fresh for clocks on screen. */
import { useEffect, useState } from 'react';

/** Re-renders every quarter second while `active`, and gives the time now. */
export function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [active]);
  return active ? now : Date.now();
}
