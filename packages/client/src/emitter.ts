/** A small typed event emitter (no node:events, so that the types stay exact). */
// biome-ignore lint/suspicious/noExplicitAny: listener maps of any shape
export class TypedEmitter<M extends Record<string, any>> {
  #listeners = new Map<keyof M, Set<(v: never) => void>>();

  on<K extends keyof M>(name: K, fn: (value: M[K]) => void): () => void {
    let set = this.#listeners.get(name);
    if (!set) {
      set = new Set();
      this.#listeners.set(name, set);
    }
    set.add(fn as (v: never) => void);
    return () => this.off(name, fn);
  }

  once<K extends keyof M>(name: K, fn: (value: M[K]) => void): () => void {
    const off = this.on(name, (v) => {
      off();
      fn(v);
    });
    return off;
  }

  off<K extends keyof M>(name: K, fn: (value: M[K]) => void): void {
    this.#listeners.get(name)?.delete(fn as (v: never) => void);
  }

  /** A promise of the next `name` event. */
  next<K extends keyof M>(name: K): Promise<M[K]> {
    return new Promise((resolve) => this.once(name, resolve));
  }

  listenerCount(name: keyof M): number {
    return this.#listeners.get(name)?.size ?? 0;
  }

  protected emit<K extends keyof M>(name: K, value: M[K]): void {
    const set = this.#listeners.get(name);
    if (!set) return;
    for (const fn of [...set]) {
      try {
        (fn as (v: M[K]) => void)(value);
      } catch (e) {
        // A listener's exception must not break the session; surface it asynchronously.
        queueMicrotask(() => {
          throw e;
        });
      }
    }
  }
}
