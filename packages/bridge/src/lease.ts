/**
 * The leader lease of one source: a key in a KV bucket whose entries live `ttl` (the bucket's max
 * age, kept by the server's clock). Taken with `create` (only when the key does not exist: after a
 * release, or once the last holder stopped renewing for a TTL), renewed with `update` on the
 * revision the holder last wrote (compare-and-set: a holder whose key expired and was taken by
 * another finds a newer revision and loses). The holder counts the lease valid until TTL − margin
 * after it *sent* its last successful renewal, on its own monotonic clock, and publishes only while
 * it is valid: a paused process whose lease expired finds it invalid the moment it runs again. The
 * revision of the `create` is the fencing token (the Cti-Lease header): it grows with every
 * takeover, so a consumer can also discard anything of an older leader.
 */
import type { KV } from "@nats-io/kv";

export interface LeaseValue {
  owner: string;
  since: string;
  renewedAt: string;
  /** The holder's last acknowledged event (so that a successor's GAP marker can say where it stopped). */
  last?: { epoch: string; seq: number; at: string; streamSeq: number } | undefined;
  /** Set by the holder that gave the lease up (SIGTERM): free to take. */
  released?: boolean;
}

export class Lease {
  readonly key: string;
  readonly owner: string;
  readonly ttlMs: number;
  readonly marginMs: number;
  #kv: KV;
  /** Revision of our last write, while held. */
  #revision: number | undefined;
  /** Revision of the create (the fencing token), while held. */
  token: number | undefined;
  #validUntil = 0;
  /** The last value seen of another holder (for the takeover GAP marker). */
  previous: LeaseValue | undefined;
  since = "";

  constructor(kv: KV, key: string, owner: string, ttlMs: number) {
    this.#kv = kv;
    this.key = key;
    this.owner = owner;
    this.ttlMs = ttlMs;
    this.marginMs = Math.min(Math.max(250, Math.floor(ttlMs / 5)), 3000);
  }

  get held(): boolean {
    return this.token !== undefined;
  }

  /** Held, and renewed within TTL − margin (on this process's monotonic clock). */
  valid(): boolean {
    return this.token !== undefined && performance.now() < this.#validUntil;
  }

  /** Revision of a released lease (taken with update on it), else undefined (taken with create). */
  #freeRevision: number | undefined;

  /** Reads the key: who holds it now (undefined: nobody; the lease can be taken). */
  async current(): Promise<LeaseValue | undefined> {
    const e = await this.#kv.get(this.key);
    this.#freeRevision = undefined;
    if (e === null || e.operation !== "PUT") return undefined;
    try {
      const v = e.json<LeaseValue>();
      if (v.owner !== this.owner || v.released) this.previous = v;
      if (v.released) {
        this.#freeRevision = e.revision;
        return undefined;
      }
      return v;
    } catch {
      return { owner: "?", since: "", renewedAt: "" };
    }
  }

  /** Tries to take the lease (create, or update on a released lease's revision: fails while anyone holds it). */
  async acquire(): Promise<boolean> {
    const sent = performance.now();
    this.since = new Date().toISOString();
    try {
      const free = this.#freeRevision;
      const rev =
        free !== undefined
          ? await this.#kv.update(this.key, this.#value(undefined), free)
          : await this.#kv.create(this.key, this.#value(undefined));
      this.#revision = rev;
      this.token = rev;
      this.#validUntil = sent + this.ttlMs - this.marginMs;
      return true;
    } catch (e) {
      if (isWrongSequence(e)) return false;
      throw e;
    }
  }

  /**
   * Renews (compare-and-set on our last revision). Resolves true when renewed, false when the lease
   * is lost (someone else's revision, or the key expired); throws on a transport error (the lease
   * stays held until it runs out locally).
   */
  async renew(last?: LeaseValue["last"]): Promise<boolean> {
    if (this.#revision === undefined) return false;
    const sent = performance.now();
    try {
      this.#revision = await this.#kv.update(this.key, this.#value(last), this.#revision);
      this.#validUntil = sent + this.ttlMs - this.marginMs;
      return true;
    } catch (e) {
      if (isWrongSequence(e)) {
        this.#lost();
        return false;
      }
      throw e;
    }
  }

  /**
   * Gives the lease up, so that a standby takes over at once: a last value marked `released`, with our
   * last position (for the successor's GAP marker), which a standby takes with update on its revision.
   */
  async release(last?: LeaseValue["last"]): Promise<void> {
    const rev = this.#revision;
    this.#lost();
    if (rev === undefined) return;
    try {
      await this.#kv.update(this.key, JSON.stringify({ ...JSON.parse(this.#value(last)), released: true }), rev);
    } catch {
      // Not ours any more, or NATS is gone: it expires by itself.
    }
  }

  /** Forgets the lease locally (it was lost). */
  #lost(): void {
    this.#revision = undefined;
    this.token = undefined;
    this.#validUntil = 0;
  }

  drop(): void {
    this.#lost();
  }

  #value(last: LeaseValue["last"]): string {
    const v: LeaseValue = { owner: this.owner, since: this.since, renewedAt: new Date().toISOString() };
    if (last) v.last = last;
    return JSON.stringify(v);
  }
}

function isWrongSequence(e: unknown): boolean {
  const m = String((e as Error)?.message ?? e);
  return /wrong last sequence|key exists|10071|10164/i.test(m);
}
