/** Time source of the simulator. Inject a ManualClock in tests to make every frame reproducible. */
export interface SimulatorClock {
  /** Milliseconds since the epoch. */
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(fn: () => void, ms: number): unknown;
  /** Optional; clearTimeout is used when absent. */
  clearInterval?(handle: unknown): void;
}

/** The real clock (Date.now and the global timers). Timers are unref'd so they never keep a process alive. */
export const systemClock: SimulatorClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    (t as { unref?: () => void }).unref?.();
    return t;
  },
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  setInterval: (fn, ms) => {
    const t = setInterval(fn, ms);
    (t as { unref?: () => void }).unref?.();
    return t;
  },
  clearInterval: (h) => clearInterval(h as ReturnType<typeof setInterval>),
};

interface ManualTimer {
  id: number;
  due: number;
  seq: number;
  fn: () => void;
  interval?: number;
}

/**
 * A clock that only moves when told to: `advance(ms)` runs every timer due within `ms`, in order of
 * due time, then of creation. Timers created while advancing run too if they fall due in the window.
 */
export class ManualClock implements SimulatorClock {
  #now: number;
  #seq = 0;
  #nextId = 1;
  readonly #timers = new Map<number, ManualTimer>();

  constructor(start = Date.UTC(2025, 0, 1, 12, 0, 0)) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  setTimeout(fn: () => void, ms: number): number {
    const id = this.#nextId++;
    this.#timers.set(id, { id, due: this.#now + Math.max(0, ms), seq: this.#seq++, fn });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.#timers.delete(handle as number);
  }

  setInterval(fn: () => void, ms: number): number {
    const id = this.#nextId++;
    const interval = Math.max(1, ms);
    this.#timers.set(id, { id, due: this.#now + interval, seq: this.#seq++, fn, interval });
    return id;
  }

  clearInterval(handle: unknown): void {
    this.#timers.delete(handle as number);
  }

  /** Number of pending timers. */
  get pending(): number {
    return this.#timers.size;
  }

  /** Moves time forward by `ms`, running the timers that fall due, in order. */
  advance(ms: number): void {
    const target = this.#now + ms;
    for (;;) {
      let next: ManualTimer | undefined;
      for (const t of this.#timers.values()) {
        if (t.due <= target && (!next || t.due < next.due || (t.due === next.due && t.seq < next.seq))) next = t;
      }
      if (!next) break;
      this.#now = Math.max(this.#now, next.due);
      if (next.interval !== undefined) {
        next.due += next.interval;
        next.seq = this.#seq++;
      } else {
        this.#timers.delete(next.id);
      }
      next.fn();
    }
    this.#now = target;
  }
}
