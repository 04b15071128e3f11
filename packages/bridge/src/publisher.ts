/**
 * One source's way onto JetStream: a bounded buffer (bytes) of what is not yet acknowledged, published
 * in order with at most `window` publishes awaiting their PubAck. Past the buffer's limit events are
 * dropped and counted into a GAP entry, which takes their place in the order and is published as
 * soon as the bus takes it. A failed publish stops new ones; once every publish in flight has
 * settled, the publishing resumes from the oldest unacknowledged entry, in order (the Nats-Msg-Id of
 * each entry makes JetStream drop the copies it already stored). Nothing here ever waits on the CTI
 * side: `enqueue` is synchronous and never blocks.
 */

import { headers as natsHeaders } from "@nats-io/transport-node";
import type { Ack, AckPublisher } from "./ack-publisher.js";

/**
 * A CTI event on its way to JetStream. A class, not an object literal: V8 learns from a literal's
 * allocation site that its objects live long (they do while the buffer fills) and from then on
 * allocates every one of them in the old generation, dropped events included, as garbage that only
 * a full collection frees (a NATS outage grew the heap that way: packages/bridge/README.md).
 */
export class EventEntry {
  readonly kind = "event" as const;
  /** Position in the source's event stream: epoch (one per CTI session) and sequence in it (from 1). */
  epoch: string;
  seq: number;
  type: string;
  subject: string;
  payload: Uint8Array;
  side: string;
  receivedAt: number;
  /** What the KV state makes of it once stored (see state.ts). */
  state: unknown = undefined;
  bytes: number;
  /** Its place in the order events were enqueued (set by the publisher). */
  order: number | undefined = undefined;

  constructor(
    epoch: string,
    seq: number,
    type: string,
    subject: string,
    payload: Uint8Array,
    side: string,
    receivedAt: number,
    bytes: number,
  ) {
    this.epoch = epoch;
    this.seq = seq;
    this.type = type;
    this.subject = subject;
    this.payload = payload;
    this.side = side;
    this.receivedAt = receivedAt;
    this.bytes = bytes;
  }
}

export interface GapPosition {
  epoch: string;
  seq: number;
  /** ISO time. */
  at: string;
}

export interface GapEntry {
  kind: "gap";
  reason: "overflow" | "session-reset" | "takeover" | "start" | "leadership-lost";
  subject: string;
  /** The first and last position the gap covers (dropped events), or around it (a reset). */
  from?: GapPosition | undefined;
  to?: GapPosition | undefined;
  counts: { events: number; bytes: number; byType: Record<string, number> };
  detail?: Record<string, unknown>;
  createdAt: number;
  bytes: number;
}

export type Entry = EventEntry | GapEntry;

export interface PublisherOptions {
  acks: Pick<AckPublisher, "publish">;
  source: string;
  /** Cti-Version header. */
  version: number;
  window: number;
  timeoutMs: number;
  maxBytes: number;
  /** Checked before each batch of publishes: false stops publishing (lease not held). */
  canPublish: () => boolean;
  /** Header values that do not change per entry (Cti-Lease). */
  fixedHeaders: () => Record<string, string>;
  onAck: (entry: Entry, ack: Ack, latencyMs: number) => void;
  onDrop: (entry: EventEntry) => void;
  onError: (error: unknown, entry: Entry) => void;
}

const GAP_OVERHEAD = 512;

/**
 * Where buffered payloads live: copied one after another into chunks of 1 MiB, a chunk freed by the
 * garbage collector once no entry in it is left. One small allocation per event (what `slice` does)
 * left the heap and the allocator holding far more than the buffer after an outage.
 */
class PayloadSlab {
  #chunk = new Uint8Array(0);
  #used = 0;
  constructor(readonly chunkSize = 1 << 20) {}

  copy(p: Uint8Array): Uint8Array {
    if (p.length > this.chunkSize >> 3) return p.slice(); // a large one gets its own buffer
    if (this.#used + p.length > this.#chunk.length) {
      this.#chunk = new Uint8Array(this.chunkSize);
      this.#used = 0;
    }
    const out = this.#chunk.subarray(this.#used, this.#used + p.length);
    out.set(p);
    this.#used += p.length;
    return out;
  }
}

export class Publisher {
  #o: PublisherOptions;
  /** Unacknowledged entries in order: [head, sent) are in flight, [sent, length) wait. */
  #q: (Entry | undefined)[] = [];
  #head = 0;
  #sent = 0;
  #acked = new Set<Entry>();
  #inFlight = 0;
  #bytes = 0;
  /** Set by a failed publish: nothing new goes out until every publish in flight has settled. */
  #failed = false;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #retryDelay = 0;
  #stopped = false;
  #idle: (() => void)[] = [];
  /** Order of the last event stored (to count events stored after a later one: never, we hope). */
  #lastStoredOrder = 0;
  #nextOrder = 0;
  #slab = new PayloadSlab();
  reordered = 0;
  duplicates = 0;
  dropped = 0;
  published = 0;

  constructor(o: PublisherOptions) {
    this.#o = o;
  }

  /** Bytes buffered (waiting and in flight). */
  get bufferedBytes(): number {
    return this.#bytes;
  }

  /** What the buffer holds (tests, diagnostics). */
  contents(): { events: number; gaps: number; bytes: number; counted: number } {
    let events = 0;
    let gaps = 0;
    let counted = 0;
    for (let i = this.#head; i < this.#q.length; i++) {
      const e = this.#q[i];
      if (e === undefined) continue;
      if (e.kind === "event") events++;
      else gaps++;
      counted += e.bytes;
    }
    return { events, gaps, bytes: this.#bytes, counted };
  }

  /** Entries not yet acknowledged. */
  get pending(): number {
    return this.#q.length - this.#head;
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  /**
   * Adds an entry at the end (a GAP entry always fits; an event past the limit is dropped into a
   * GAP). An event's payload is copied (the caller's bytes may be a view of a buffer it reuses).
   */
  enqueue(e: Entry): void {
    if (this.#stopped) return;
    if (e.kind === "event") e.order = ++this.#nextOrder;
    if (e.kind === "event" && (this.#bytes + e.bytes > this.#o.maxBytes || this.#overflowing(e))) {
      this.#drop(e);
    } else {
      if (e.kind === "event") e.payload = this.#slab.copy(e.payload);
      this.#q.push(e);
      this.#bytes += e.bytes;
    }
    this.pump();
  }

  /** Puts a GAP entry first, before anything not yet sent (a takeover's marker). */
  enqueueFirst(e: GapEntry): void {
    this.#q.splice(this.#sent, 0, e);
    this.#bytes += e.bytes;
    this.pump();
  }

  /**
   * An overflow GAP entry is open at the end and not yet sent: events keep going into it until the
   * buffer is back under half its limit (else small events slipping in between drops would split
   * the gap into many markers).
   */
  #overflowing(e: EventEntry): boolean {
    const last = this.#q[this.#q.length - 1];
    return last?.kind === "gap" && this.#q.length - 1 >= this.#sent && this.#open(last, e.bytes);
  }

  /** An overflow GAP entry at the end stays open while the buffer is over half its limit. */
  #open(g: GapEntry, more = 0): boolean {
    return g.reason === "overflow" && this.#bytes + more > this.#o.maxBytes / 2;
  }

  #drop(e: EventEntry): void {
    this.dropped++;
    this.#o.onDrop(e);
    const last = this.#q[this.#q.length - 1];
    let gap: GapEntry;
    if (last?.kind === "gap" && last.reason === "overflow" && this.#q.length - 1 >= this.#sent) {
      gap = last;
    } else {
      gap = {
        kind: "gap",
        reason: "overflow",
        subject: "",
        counts: { events: 0, bytes: 0, byType: {} },
        createdAt: Date.now(),
        bytes: GAP_OVERHEAD,
        from: { epoch: e.epoch, seq: e.seq, at: new Date(e.receivedAt).toISOString() },
      };
      this.#q.push(gap);
      this.#bytes += gap.bytes;
    }
    gap.to = { epoch: e.epoch, seq: e.seq, at: new Date(e.receivedAt).toISOString() };
    gap.counts.events++;
    gap.counts.bytes += e.payload.length;
    gap.counts.byType[e.type] = (gap.counts.byType[e.type] ?? 0) + 1;
    if (gap.detail?.bufferLimitBytes === undefined) gap.detail = { ...gap.detail, bufferLimitBytes: this.#o.maxBytes };
  }

  /** Sets the subject of GAP entries (the source's GAP subject). */
  gapSubject = "";

  /** Submits what the window allows. */
  pump(): void {
    if (this.#stopped || this.#failed) return;
    if (this.#sent >= this.#q.length || this.#inFlight >= this.#o.window) return;
    // After a failure, one publish in flight until the bus answers again (each new event calls
    // pump: without this, each would send one more into a connection that may be gone).
    if (this.#retryDelay > 0 && this.#inFlight > 0) return;
    if (!this.#o.canPublish()) return;
    const fixed = this.#o.fixedHeaders();
    while (this.#sent < this.#q.length && this.#inFlight < this.#o.window) {
      const e = this.#q[this.#sent] as Entry;
      // An overflow GAP still open (events still dropping into it) goes out once it is closed.
      if (e.kind === "gap" && this.#sent === this.#q.length - 1 && this.#open(e)) return;
      this.#sent++;
      if (this.#acked.has(e)) continue; // a retry pass over entries stored meanwhile
      this.#submit(e, fixed);
      // After a failure, one at a time until the bus answers again.
      if (this.#retryDelay > 0) break;
    }
  }

  #submit(e: Entry, fixed: Record<string, string>): void {
    const h = natsHeaders();
    for (const k in fixed) h.set(k, fixed[k] as string);
    let subject: string;
    let payload: Uint8Array;
    let msgID: string;
    if (e.kind === "event") {
      subject = e.subject;
      payload = e.payload;
      msgID = `${this.#o.source}:${e.epoch}:${e.seq}`;
      h.set("Cti-Type", e.type);
      h.set("Cti-Version", String(this.#o.version));
      h.set("Cti-Side", e.side);
      h.set("Cti-Received-At", new Date(e.receivedAt).toISOString());
      // Source, epoch and sequence are in the Nats-Msg-Id (each header costs the server per message).
    } else {
      subject = e.subject || this.gapSubject;
      payload = new TextEncoder().encode(JSON.stringify(gapJson(this.#o.source, e)));
      msgID = `${this.#o.source}:gap:${e.createdAt}:${e.reason}:${e.from?.epoch ?? ""}:${e.from?.seq ?? ""}`;
      h.set("Cti-Type", "GAP");
      h.set("Cti-Version", String(this.#o.version));
    }
    h.set("Nats-Msg-Id", msgID);
    this.#inFlight++;
    const t0 = performance.now();
    this.#o.acks.publish(subject, payload, h, this.#o.timeoutMs).then(
      (ack) => {
        this.#inFlight--;
        this.#retryDelay = 0;
        if (ack.duplicate) this.duplicates++;
        else if (e.kind === "event" && e.order !== undefined) {
          // Acks come in stream order: an event stored after a later one is out of order in the stream.
          if (e.order < this.#lastStoredOrder) this.reordered++;
          else this.#lastStoredOrder = e.order;
        }
        this.#acked.add(e);
        this.published++;
        this.#o.onAck(e, ack, performance.now() - t0);
        this.#advance();
        this.#settled();
      },
      (err: unknown) => {
        this.#inFlight--;
        if (!this.#stopped) this.#o.onError(err, e);
        this.#failed = true;
        this.#settled();
      },
    );
  }

  /** Drops acknowledged entries from the head. */
  #advance(): void {
    const q = this.#q;
    while (this.#head < this.#sent) {
      const e = q[this.#head];
      if (e === undefined || !this.#acked.has(e)) break;
      this.#acked.delete(e);
      this.#bytes -= e.bytes;
      q[this.#head++] = undefined;
    }
    if (this.#head > 4096 && this.#head * 2 > q.length) {
      this.#q = q.slice(this.#head);
      this.#sent -= this.#head;
      this.#head = 0;
    }
  }

  #settled(): void {
    if (this.#failed && this.#inFlight === 0 && this.#retryTimer === undefined && !this.#stopped) {
      // Everything in flight has settled: start again from the oldest unacknowledged entry, after
      // a pause that grows while the bus keeps failing (50 ms ... 2 s).
      this.#retryDelay = Math.min(2000, this.#retryDelay === 0 ? 50 : this.#retryDelay * 2);
      this.#retryTimer = setTimeout(() => {
        this.#retryTimer = undefined;
        this.#failed = false;
        this.#sent = this.#head;
        this.pump();
      }, this.#retryDelay);
    }
    if (!this.#failed) this.pump();
    if (this.#inFlight === 0 && (this.#sent >= this.#q.length || this.#stopped)) {
      for (const w of this.#idle.splice(0)) w();
    }
  }

  /** Resolves when nothing is waiting or in flight, or after `timeoutMs` (false then). */
  drain(timeoutMs: number): Promise<boolean> {
    if (this.pending === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        clearInterval(poll);
        resolve(false);
      }, timeoutMs);
      const poll = setInterval(() => {
        this.pump();
        if (this.pending === 0) {
          clearTimeout(t);
          clearInterval(poll);
          resolve(true);
        }
      }, 20);
    });
  }

  /**
   * The connection to NATS dropped. What is in flight may have gone with the server, and a newer
   * entry sent once the connection is back would be stored before it: nothing new goes out until
   * everything in flight has settled (acknowledged or timed out), then publishing starts again from
   * the oldest unacknowledged entry, in order.
   */
  interrupt(): void {
    if (this.#stopped) return;
    this.#failed = true;
    this.#settled();
  }

  /** Stops publishing; returns what was never acknowledged (counts), which is lost. */
  stop(): { events: number; bytes: number } {
    this.#stopped = true;
    if (this.#retryTimer !== undefined) clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
    let events = 0;
    for (let i = this.#head; i < this.#q.length; i++) {
      const e = this.#q[i];
      if (e?.kind === "event" && !this.#acked.has(e)) events++;
    }
    const out = { events, bytes: this.#bytes };
    this.#q = [];
    this.#head = this.#sent = 0;
    this.#bytes = 0;
    this.#acked.clear();
    for (const w of this.#idle.splice(0)) w();
    return out;
  }
}

/** The JSON of a GAP marker. */
export function gapJson(source: string, g: GapEntry): Record<string, unknown> {
  return {
    type: "GAP",
    source,
    reason: g.reason,
    from: g.from ?? null,
    to: g.to ?? null,
    counts: g.counts,
    at: new Date(g.createdAt).toISOString(),
    ...(g.detail ? { detail: g.detail } : {}),
  };
}

export function newGap(
  reason: GapEntry["reason"],
  from?: GapPosition,
  to?: GapPosition,
  detail?: Record<string, unknown>,
): GapEntry {
  return {
    kind: "gap",
    reason,
    subject: "",
    from,
    to,
    counts: { events: 0, bytes: 0, byType: {} },
    createdAt: Date.now(),
    bytes: GAP_OVERHEAD,
    ...(detail ? { detail } : {}),
  };
}
