// Test support shared by the packages' tests (not shipped): waiting on progress, not on the clock.
import { onTestFinished } from "vitest";

/**
 * Resolves once `cond()` holds (checked now and then every few milliseconds). There is no deadline of
 * its own: what is awaited is progress, however slow the machine, and vitest's per-test timeout is
 * the hang guard. The polling stops when the test ends, whatever its outcome.
 * (`_ms` is accepted for old call sites and ignored.)
 */
export function until(cond: () => boolean, _ms?: number): Promise<void> {
  let stopped = false;
  try {
    onTestFinished(() => {
      stopped = true;
    });
  } catch {
    // outside a running test (a hook): the poll simply runs until the condition holds
  }
  return new Promise((resolve) => {
    const tick = () => {
      if (stopped) return;
      if (cond()) resolve();
      else setTimeout(tick, 5);
    };
    tick();
  });
}
