/**
 * Current state in NATS KV, written after the event it comes from is stored in the stream:
 * - agents: key `<source>.<peripheral>.<agent>`, from AGENT_STATE_EVENT (and QUERY_AGENT_STATE_CONF
 *   when rebuilding after a gap);
 * - calls: key `<source>.<call>` (ConnectionCallID), from every call event, deleted at END_CALL_EVENT.
 * Each value carries `streamSeq`, the stream sequence of the event it reflects; `<source>._stream`
 * in each bucket holds the watermark `streamSeq` up to which every event of the source is reflected
 * in the bucket. A consumer loads the bucket, then follows the stream from watermark + 1, applying
 * an event to a key only when its stream sequence is above the key's `streamSeq`.
 *
 * Writes are coalesced per key (only the latest value of a key is written; one write per key at a
 * time, so a key never goes back), a bounded number in flight.
 */
import type { KV } from "@nats-io/kv";
import { tokenOf } from "./subject.js";

export interface StateUpdate {
  bucket: "agents" | "calls";
  key: string;
  /** JSON text of the value, or null: delete. */
  value: string | null;
}

interface Pending {
  value: string | null;
  seq: number;
}

export class KvWriter {
  #kv: KV;
  #source: string;
  #pending = new Map<string, Pending>();
  #inFlight = new Set<string>();
  #maxInFlight: number;
  /** Highest stream sequence handed in. */
  #seen = 0;
  #watermarkWritten = 0;
  #watermarkBusy = false;
  #stopped = false;
  #onError: (e: unknown) => void;
  errors = 0;
  writes = 0;

  constructor(kv: KV, source: string, onError: (e: unknown) => void, maxInFlight = 64) {
    this.#kv = kv;
    this.#source = source;
    this.#onError = onError;
    this.#maxInFlight = maxInFlight;
  }

  /** A key's new value (null: delete) as of stream sequence `seq`. */
  set(key: string, value: string | null, seq: number): void {
    if (this.#stopped) return;
    if (seq > this.#seen) this.#seen = seq;
    this.#pending.set(key, { value, seq });
    this.#pump();
  }

  /** The stream sequence reached without a state change (so that the watermark moves on). */
  advance(seq: number): void {
    if (seq > this.#seen) this.#seen = seq;
    this.#pump();
  }

  get idle(): boolean {
    return this.#pending.size === 0 && this.#inFlight.size === 0;
  }

  #pump(): void {
    if (this.#stopped) return;
    for (const [key, p] of this.#pending) {
      if (this.#inFlight.size >= this.#maxInFlight) return;
      if (this.#inFlight.has(key)) continue;
      this.#pending.delete(key);
      this.#inFlight.add(key);
      const done = () => {
        this.#inFlight.delete(key);
        this.#pump();
      };
      const op = p.value === null ? this.#kv.delete(key) : this.#kv.put(key, p.value);
      op.then(
        () => {
          this.writes++;
          done();
        },
        (e: unknown) => {
          this.errors++;
          // Keep it unless a newer value came meanwhile; retried on the next pump.
          if (!this.#pending.has(key) && !this.#stopped) this.#pending.set(key, p);
          this.#onError(e);
          setTimeout(done, 500);
        },
      );
    }
    if (this.idle) this.#writeWatermark();
  }

  #writeWatermark(): void {
    const seq = this.#seen;
    if (this.#watermarkBusy || seq <= this.#watermarkWritten || this.#stopped) return;
    this.#watermarkBusy = true;
    this.#kv
      .put(`${tokenOf(this.#source)}._stream`, JSON.stringify({ streamSeq: seq, at: new Date().toISOString() }))
      .then(
        () => {
          this.#watermarkWritten = seq;
        },
        (e: unknown) => this.#onError(e),
      )
      .finally(() => {
        this.#watermarkBusy = false;
        // More came meanwhile: write again once idle (throttled).
        if (this.#seen > this.#watermarkWritten) setTimeout(() => this.#pump(), 100);
      });
  }

  /** Resolves once everything handed in is written (or after `timeoutMs`). */
  async flush(timeoutMs: number): Promise<boolean> {
    const end = Date.now() + timeoutMs;
    while (!this.idle || this.#watermarkBusy) {
      if (Date.now() > end) return false;
      await new Promise((r) => setTimeout(r, 10));
    }
    return true;
  }

  stop(): void {
    this.#stopped = true;
    this.#pending.clear();
  }
}

/** Keys. */
export function agentKey(source: string, peripheral: number | undefined, agent: string | undefined): string {
  return `${tokenOf(source)}.${tokenOf(peripheral)}.${tokenOf(agent)}`;
}

export function callKey(source: string, call: number): string {
  return `${tokenOf(source)}.${tokenOf(call)}`;
}
