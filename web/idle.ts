// Work after the paint: a task run when the browser is idle (requestIdleCallback where there is one —
// not Safari — else a timer), told how long it may run before the next frame is due.

export type IdleTask = (timeLeft: () => number) => void;

/** Runs `task` at the next idle period; returns a function that cancels it if it has not run. */
export function whenIdle(task: IdleTask): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback((deadline) => task(() => deadline.timeRemaining()), { timeout: 500 });
    return () => window.cancelIdleCallback(id);
  }
  const id = setTimeout(() => {
    const end = performance.now() + 12;
    task(() => end - performance.now());
  }, 1);
  return () => clearTimeout(id);
}
