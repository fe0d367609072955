// Work after the paint: a task run when the browser is idle (requestIdleCallback where there is one —
// not Safari — else a timer), told how long it may run before the next frame is due.

export type IdleTask = (timeLeft: () => number) => void;

/**
 * Runs `task` at the next idle period, or after `timeoutMs` at the latest; returns a function that
 * cancels it if it has not run.
 */
export function whenIdle(task: IdleTask, timeoutMs = 500): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback((deadline) => task(() => deadline.timeRemaining()), { timeout: timeoutMs });
    return () => window.cancelIdleCallback(id);
  }
  const id = setTimeout(() => {
    const end = performance.now() + 12;
    task(() => end - performance.now());
  }, 1);
  return () => clearTimeout(id);
}

/**
 * Idle time that means no frame is due: Chromium gives idle periods of up to 50 ms when nothing is
 * being drawn, and shorter ones between the frames of an interaction.
 */
const LONG_IDLE_MS = 40;

/**
 * Runs `task` in an idle period with no frame due (the user has paused), or after `maxWaitMs` at the
 * latest; returns a function that cancels it. For work that must not delay the next frame of an
 * interaction still going on (a run of toggles), however short it is.
 */
export function whenQuiet(task: () => void, maxWaitMs: number): () => void {
  const until = performance.now() + maxWaitMs;
  let cancel: () => void;
  const attempt: IdleTask = (timeLeft) => {
    if (timeLeft() >= LONG_IDLE_MS || performance.now() >= until || typeof window.requestIdleCallback !== 'function') task();
    else cancel = whenIdle(attempt, Math.max(1, until - performance.now()));
  };
  cancel = whenIdle(attempt, maxWaitMs);
  return () => cancel();
}
