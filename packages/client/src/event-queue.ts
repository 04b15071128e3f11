/**
 * One async iterator's buffer. The client pauses the socket when any queue holds `highWaterMark`
 * items and resumes it when every queue is back under `lowWaterMark`: a slow consumer slows the
 * reading (and TCP flow control slows the server) instead of growing memory without bound. Items
 * already decoded from the chunk in hand are still queued, so a queue can exceed the mark by at
 * most one socket chunk's worth of messages.
 */
export class EventQueue<T> implements AsyncIterableIterator<T> {
  readonly #items: T[] = [];
  #head = 0;
  #waiter: ((r: IteratorResult<T>) => void) | undefined;
  #failer: ((e: unknown) => void) | undefined;
  #done = false;
  #error: unknown;
  readonly #onDrain: () => void;
  readonly #onReturn: (q: EventQueue<T>) => void;
  readonly lowWaterMark: number;

  constructor(
    readonly highWaterMark: number,
    onDrain: () => void,
    onReturn: (q: EventQueue<T>) => void,
  ) {
    this.lowWaterMark = Math.floor(highWaterMark / 2);
    this.#onDrain = onDrain;
    this.#onReturn = onReturn;
  }

  get size(): number {
    return this.#items.length - this.#head;
  }

  get full(): boolean {
    return this.size >= this.highWaterMark;
  }

  push(item: T): void {
    if (this.#done) return;
    const w = this.#waiter;
    if (w) {
      this.#waiter = undefined;
      this.#failer = undefined;
      w({ value: item, done: false });
      return;
    }
    this.#items.push(item);
  }

  /** Ends the iteration (after the buffered items), with an error if given. */
  end(error?: unknown): void {
    if (this.#done) return;
    this.#done = true;
    this.#error = error;
    if (this.size === 0) this.#settleWaiter();
  }

  #settleWaiter(): void {
    const w = this.#waiter;
    const f = this.#failer;
    this.#waiter = undefined;
    this.#failer = undefined;
    if (this.#error !== undefined && f) f(this.#error);
    else w?.({ value: undefined, done: true });
  }

  next(): Promise<IteratorResult<T>> {
    if (this.size > 0) {
      const item = this.#items[this.#head] as T;
      this.#head++;
      if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
        this.#items.splice(0, this.#head);
        this.#head = 0;
      }
      if (this.size === this.lowWaterMark) this.#onDrain();
      return Promise.resolve({ value: item, done: false });
    }
    if (this.#done) {
      if (this.#error !== undefined) {
        const e = this.#error;
        this.#error = undefined;
        return Promise.reject(e);
      }
      return Promise.resolve({ value: undefined, done: true });
    }
    return new Promise((resolve, reject) => {
      this.#waiter = resolve;
      this.#failer = reject;
    });
  }

  return(): Promise<IteratorResult<T>> {
    this.#items.length = 0;
    this.#head = 0;
    this.#error = undefined;
    this.end();
    this.#onReturn(this);
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }
}
