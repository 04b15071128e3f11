/**
 * TCP reassembly of one direction of a connection: segments in capture order (out of order,
 * retransmitted, overlapping), the byte stream out in sequence order. Bounded: at most `maxHeld`
 * bytes in at most `maxSegments` segments wait behind a hole; past that, or at the end of the
 * capture, the hole is given up as a gap (its sequence range) and the stream goes on from the first
 * held byte. Sequence numbers wrap at 2^32.
 */

/** What reassembly gives, in stream order: bytes, or a gap where segments are missing. */
export type StreamPiece =
  | { readonly kind: "data"; readonly bytes: Uint8Array }
  | { readonly kind: "gap"; readonly from: number; readonly to: number; readonly bytes: number };

export interface ReassemblyOptions {
  /** The most bytes held behind a hole before it is given up (default 1 MiB). */
  readonly maxHeld?: number;
  /**
   * The most segments held behind a hole before it is given up (default 4096): tiny segments would
   * otherwise make a long list, each insertion into it slower.
   */
  readonly maxSegments?: number;
}

/** a - b in sequence space (-2^31 .. 2^31). */
function diff(a: number, b: number): number {
  return ((a - b) | 0) as number;
}

export class TcpReassembler {
  readonly #maxHeld: number;
  readonly #maxSegments: number;
  /** The next sequence number expected, once known (the SYN's + 1, or the first segment's). */
  #next: number | undefined;
  /** Segments beyond a hole, by sequence (sorted). */
  #held: { seq: number; bytes: Uint8Array }[] = [];
  #heldBytes = 0;

  constructor(options: ReassemblyOptions = {}) {
    this.#maxHeld = options.maxHeld ?? 1024 * 1024;
    this.#maxSegments = options.maxSegments ?? 4096;
  }

  /** Bytes waiting behind a hole. */
  get heldBytes(): number {
    return this.#heldBytes;
  }

  /** One segment; returns what it makes ready, in order. */
  push(seq: number, payload: Uint8Array, syn = false): StreamPiece[] {
    const out: StreamPiece[] = [];
    if (syn) {
      // The SYN takes one sequence number; data on a SYN (TCP Fast Open) follows it.
      seq = (seq + 1) >>> 0;
      this.#next ??= seq;
    }
    if (payload.length === 0) return out;
    if (this.#next === undefined) this.#next = seq; // capture started mid-connection
    this.#hold(seq, payload);
    this.#drain(out);
    // A loop: one hole given up may free a single small segment, and the bounds must hold after each push.
    while (this.#heldBytes > this.#maxHeld || this.#held.length > this.#maxSegments) this.#skipHole(out);
    return out;
  }

  /**
   * The other side acknowledged up to `ack`: bytes below it that the capture lacks were received all
   * the same and will not come again, so a hole there is a gap now (not at the end of the capture).
   */
  acked(ack: number): StreamPiece[] {
    const out: StreamPiece[] = [];
    while (this.#held.length > 0 && this.#next !== undefined && diff(ack, this.#next) > 0) this.#skipHole(out);
    return out;
  }

  /** The end of the direction: a hole still open is a gap, then what was held behind it. */
  finish(): StreamPiece[] {
    const out: StreamPiece[] = [];
    while (this.#held.length > 0) this.#skipHole(out);
    return out;
  }

  #hold(seq: number, payload: Uint8Array): void {
    // Trim what was already delivered (a retransmission, an overlap with the past).
    const behind = diff(this.#next!, seq);
    if (behind >= payload.length) return;
    if (behind > 0) {
      payload = payload.subarray(behind);
      seq = this.#next!;
    }
    // Insert in order; an overlap with held data keeps the bytes first received.
    const held = this.#held;
    // k: the first held segment that begins after seq (binary search: the list is sorted).
    let lo = 0;
    let k = held.length;
    while (lo < k) {
      const mid = (lo + k) >>> 1;
      if (diff(held[mid]!.seq, seq) > 0) k = mid;
      else lo = mid + 1;
    }
    if (k > 0) {
      const prev = held[k - 1]!;
      const over = diff((prev.seq + prev.bytes.length) >>> 0, seq);
      if (over >= payload.length) return;
      if (over > 0) {
        payload = payload.subarray(over);
        seq = (seq + over) >>> 0;
      }
    }
    if (k < held.length) {
      const nextSeg = held[k]!;
      const room = diff(nextSeg.seq, seq);
      if (room <= 0) return; // begins where a held one does: the held one was first
      if (room < payload.length) payload = payload.subarray(0, room);
    }
    held.splice(k, 0, { seq, bytes: payload.slice() });
    this.#heldBytes += payload.length;
  }

  #drain(out: StreamPiece[]): void {
    const held = this.#held;
    while (held.length > 0 && held[0]!.seq === this.#next) {
      const s = held.shift()!;
      this.#heldBytes -= s.bytes.length;
      this.#next = (s.seq + s.bytes.length) >>> 0;
      out.push({ kind: "data", bytes: s.bytes });
    }
  }

  /** Gives up the hole before the first held segment: a gap, then the data after it. */
  #skipHole(out: StreamPiece[]): void {
    const first = this.#held[0];
    if (first === undefined) return;
    const from = this.#next!;
    out.push({ kind: "gap", from, to: first.seq, bytes: diff(first.seq, from) >>> 0 });
    this.#next = first.seq;
    this.#drain(out);
  }
}
