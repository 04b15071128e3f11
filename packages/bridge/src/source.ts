/**
 * One source (one CTI Server, sides A/B): waits for its leader lease (HA), then holds the CTI session
 * and publishes every event. CTI events are taken by listeners (synchronous, never pausing the
 * socket) into the publisher's bounded buffer: a slow or absent bus never stalls the CTI session.
 */
import {
  CtiClient as Client,
  type CtiClient,
  type CtiClientOptions,
  frameOf,
  type SessionReset,
} from "@ctiwire/client";
import type { JetStreamClient, JetStreamManager } from "@nats-io/jetstream";
import type { KV } from "@nats-io/kv";
import type { NatsConnection, Subscription } from "@nats-io/transport-node";
import {
  type CtiMessage,
  messageToJSON,
  type ProtocolVersion,
  R_AGENT_ID,
  R_CONNECTION_CALL_ID,
  R_ERROR,
  R_JSON_LENGTH,
  R_JSON_START,
  R_PERIPHERAL_ID,
  R_SKILL_GROUP_NUMBER,
  Transcoder,
} from "ctiwire";
import type { Logger } from "pino";
import { type Ack, AckPublisher } from "./ack-publisher.js";
import type { BridgeConfig, SourceConfig } from "./config.js";
import { Lease, type LeaseValue } from "./lease.js";
import type { Metrics } from "./metrics.js";
import { type Entry, EventEntry, type GapEntry, newGap, Publisher } from "./publisher.js";
import { handleRequest, RequestValidator } from "./requests.js";
import { agentKey, callKey, KvWriter } from "./state.js";
import { compileTemplate, tokenOf } from "./subject.js";

export interface SourceDeps {
  cfg: BridgeConfig;
  src: SourceConfig;
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  agents?: KV | undefined;
  calls?: KV | undefined;
  leases?: KV | undefined;
  metrics: Metrics;
  log: Logger;
  /** Test hook: options merged into the CtiClient's. */
  clientOptions?: Partial<CtiClientOptions> | undefined;
  /**
   * Whether this bridge is the source's preferred leader among the bridges alive (the sources dealt
   * round-robin to the bridges in name order): a free lease is taken at once by its preferred bridge,
   * by any other after half a TTL (so that a source is never left without a leader).
   */
  preferred?: ((exclude?: string) => boolean) | undefined;
  /** ms since the NATS connection came back (Infinity when it never went away). */
  sinceReconnect?: (() => number) | undefined;
}

export type SourceState = "idle" | "standby" | "leading" | "stopping" | "stopped";

interface StateBuild {
  bucket: "agents" | "calls";
  key: string;
  /** The value given the event's stream sequence; null: delete. */
  value: ((streamSeq: number) => string) | null;
}

interface CallRecord {
  begin?: string;
  data?: string;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

export class SourceRunner {
  readonly name: string;
  state: SourceState = "idle";
  #d: SourceDeps;
  #log: Logger;
  #lease: Lease | undefined;
  #client: CtiClient | undefined;
  #publisher: Publisher | undefined;
  #subject: ReturnType<typeof compileTemplate>;
  #gapSubject: string;
  #transcoder: Transcoder | undefined;
  #validator: RequestValidator;
  #agentsWriter: KvWriter | undefined;
  #callsWriter: KvWriter | undefined;
  #calls = new Map<number, CallRecord>();
  /** Agent keys written (for the rebuild after a gap). */
  #agentKeys = new Set<string>();
  #sub: Subscription | undefined;
  #epochBase = "";
  #sessions = 0;
  #epoch = "";
  #seq = 0;
  /** The last event handed to the publisher and the last one acknowledged. */
  #lastIn: EventEntry | undefined;
  #lastAcked: LeaseValue["last"];
  #stopping = false;
  #wake: (() => void) | undefined;
  #loop: Promise<void> | undefined;
  #sessionOpen = false;
  #publishErrors = 0;
  #acks: AckPublisher | undefined;
  /** The fencing tokens of this leadership (a lapsed lease taken again gets a new one). */
  #tokens = new Set<string>();
  #typeCounters = new Map<string, { in: { inc(): void }; out: { inc(): void } }>();
  #latency: { observe(v: number): void } | undefined;
  #publishErrorLoggedAt = 0;

  constructor(d: SourceDeps) {
    this.#d = d;
    this.name = d.src.name;
    this.#log = d.log.child({ source: d.src.name });
    this.#subject = compileTemplate(d.cfg.subject);
    this.#gapSubject = compileTemplate(d.cfg.gapSubject)({ source: d.src.name });
    this.#validator = new RequestValidator(d.src.version);
    if (d.leases) this.#lease = new Lease(d.leases, tokenOf(d.src.name), d.cfg.ha.instance, d.cfg.ha.ttlMs);
  }

  /** NATS is back: a leader renews at once (and takes a lapsed lease again before anyone else). */
  /**
   * NATS went away, or came back: what was in flight has no answer coming, and publishing anything
   * newer before it is settled could store events out of order; the publisher starts again from the
   * oldest unacknowledged event, in order.
   */
  onDisconnect(): void {
    this.#republish("NATS disconnected");
  }

  onReconnect(): void {
    this.#republish("NATS reconnected: answers to earlier publishes cannot come");
    if (this.state === "leading") this.#wake?.();
  }

  #republish(why: string): void {
    this.#publisher?.interrupt();
    this.#acks?.failAll(why);
  }

  get leading(): boolean {
    return this.state === "leading";
  }

  get sessionOpen(): boolean {
    return this.#sessionOpen;
  }

  get client(): CtiClient | undefined {
    return this.#client;
  }

  get publisher(): Publisher | undefined {
    return this.#publisher;
  }

  get lease(): Lease | undefined {
    return this.#lease;
  }

  start(): void {
    this.#loop ??= this.#run().catch((e: unknown) => {
      this.#log.error({ err: e }, "source loop failed");
    });
  }

  async #run(): Promise<void> {
    while (!this.#stopping) {
      if (this.#lease) {
        this.state = "standby";
        const got = await this.#waitForLease();
        if (!got) break;
      }
      await this.#lead();
    }
    this.state = "stopped";
  }

  /** Standby: polls the lease until it can be taken. */
  async #waitForLease(): Promise<boolean> {
    const lease = this.#lease as Lease;
    const pollMs = Math.max(50, Math.min(1000, Math.floor(lease.ttlMs / 10)));
    let logged = false;
    let freeSince: number | undefined;
    while (!this.#stopping) {
      try {
        const cur = await lease.current();
        if (cur === undefined) {
          freeSince ??= performance.now();
          // (The bridge that held it last is left out: it just gave it up, or died.)
          // A lease that expired while NATS was away (not released) is left to its holder for half a
          // TTL after the reconnect: it may be alive, with its CTI session and buffer, and take it again.
          const expiredInOutage =
            lease.previous?.released !== true && (this.#d.sinceReconnect?.() ?? Infinity) < lease.ttlMs / 2;
          const defer =
            expiredInOutage ||
            (this.#d.preferred?.(lease.previous?.owner) === false && performance.now() - freeSince < lease.ttlMs / 2);
          if (!defer && (await lease.acquire())) return true;
        } else freeSince = undefined;
        if (cur !== undefined && !logged) {
          this.#log.info({ leader: cur.owner }, "standby: another bridge leads this source");
          logged = true;
        }
      } catch (e) {
        this.#log.debug({ err: String(e) }, "lease check failed");
      }
      await this.#sleep(pollMs);
    }
    return false;
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.#wake = undefined;
        resolve();
      }, ms);
      this.#wake = () => {
        clearTimeout(t);
        this.#wake = undefined;
        resolve();
      };
    });
  }

  /** Leads: the GAP marker first, then the CTI session, until the lease is lost or stop(). */
  async #lead(): Promise<void> {
    const { cfg, src, metrics } = this.#d;
    const lease = this.#lease;
    this.state = "leading";
    metrics.leader.set({ source: this.name }, 1);
    this.#epochBase = lease ? `L${lease.token}` : `T${Date.now().toString(36)}`;
    this.#tokens = new Set([String(lease?.token)]);
    this.#sessions = 0;
    this.#log.info({ lease: lease?.token, previous: lease?.previous?.owner }, "leading");
    this.#acks?.close();
    const acks = new AckPublisher(this.#d.nc);
    this.#acks = acks;
    const publisher = new Publisher({
      acks,
      source: this.name,
      version: src.version,
      window: cfg.publish.window,
      timeoutMs: cfg.publish.timeoutMs,
      maxBytes: cfg.buffer.maxBytes,
      canPublish: () => lease === undefined || lease.valid(),
      fixedHeaders: (): Record<string, string> =>
        lease?.token !== undefined ? { "Cti-Lease": String(lease.token) } : {},
      onAck: (e, ack, ms) => this.#onAck(e, ack, ms),
      onDrop: () => metrics.dropped.inc({ source: this.name, reason: "overflow" }),
      onError: (err) => {
        metrics.publishErrors.inc({ source: this.name });
        // One line per 5 s at most (a window of publishes fails at once when NATS goes away).
        const now = Date.now();
        this.#publishErrors++;
        if (now - this.#publishErrorLoggedAt >= 5000) {
          this.#log.warn({ err: String(err), failures: this.#publishErrors }, "publish failed; retrying in order");
          this.#publishErrorLoggedAt = now;
          this.#publishErrors = 0;
        }
      },
    });
    publisher.gapSubject = this.#gapSubject;
    this.#publisher = publisher;
    if (cfg.kv.enabled && this.#d.agents && this.#d.calls) {
      const onErr = (e: unknown) => this.#log.debug({ err: String(e) }, "KV write failed");
      this.#agentsWriter = new KvWriter(this.#d.agents, this.name, onErr);
      this.#callsWriter = new KvWriter(this.#d.calls, this.name, onErr);
    }
    // The marker first: whatever happened between the last leader's last event and now is lost. A
    // takeover when another bridge was seen leading, or when the stream has this source's markers
    // (every leadership begins with one): a previous leader existed, even if unseen.
    const prev = lease?.previous?.last;
    const earlier = lease?.previous ? undefined : await this.#lastMarker();
    const gap = newGap(
      lease?.previous || earlier ? "takeover" : "start",
      prev ? { epoch: prev.epoch, seq: prev.seq, at: prev.at } : undefined,
      undefined,
      {
        instance: cfg.ha.instance,
        ...(lease?.previous ? { previousLeader: lease.previous.owner, previousStreamSeq: prev?.streamSeq } : {}),
        ...(earlier ? { previousLease: earlier.lease, previousMarkerSeq: earlier.seq } : {}),
      },
    );
    this.#enqueueGap(gap, true);

    this.#transcoder = cfg.payload === "json" ? new Transcoder({ version: src.version as ProtocolVersion }) : undefined;
    const client = new Client({
      sideA: src.sideA,
      ...(src.sideB !== undefined ? { sideB: src.sideB } : {}),
      version: src.version,
      clientID: src.clientID,
      ...(src.password !== undefined ? { clientPassword: src.password } : {}),
      ...(src.peripheralID !== undefined ? { peripheralID: src.peripheralID } : {}),
      services: src.services,
      ...(src.callMsgMask !== undefined ? { callMsgMask: src.callMsgMask } : {}),
      ...(src.agentStateMask !== undefined ? { agentStateMask: src.agentStateMask } : {}),
      heartbeatIntervalMs: src.heartbeatMs,
      ...(src.tls !== undefined ? { tls: src.tls } : {}),
      keepFrames: true,
      ...(this.#d.clientOptions ?? {}),
    });
    this.#client = client;
    client.on("open", (info) => {
      this.#sessions++;
      this.#epoch = `${this.#epochBase}-${this.#sessions}`;
      this.#seq = 0;
      this.#sessionOpen = true;
      metrics.sessionOpen.set({ source: this.name }, 1);
      metrics.sessionSide.set({ source: this.name, side: info.side }, 1);
      metrics.sessionSide.set({ source: this.name, side: info.side === "A" ? "B" : "A" }, 0);
      this.#log.info({ side: info.side, epoch: this.#epoch, notGranted: info.servicesNotGranted }, "CTI session open");
    });
    client.on("session-reset", (r) => this.#onReset(r));
    client.on("disconnect", ({ side, error }) => {
      this.#sessionOpen = false;
      metrics.sessionOpen.set({ source: this.name }, 0);
      this.#log.warn({ side, code: error.code, err: error.message }, "CTI session lost");
    });
    client.on("message", (m) => this.#onEvent(m));
    client.on("warning", (w) => this.#log.debug({ warning: String(w) }, "CTI warning"));
    client.connect().catch((e: unknown) => {
      if (!this.#stopping) this.#log.error({ err: String(e) }, "CTI connect failed");
    });
    this.#subscribeRequests();

    // Renew until the lease is lost or the bridge stops.
    if (lease) {
      const every = Math.max(100, Math.floor(lease.ttlMs / 3));
      while (!this.#stopping) {
        await this.#sleep(every);
        if (this.#stopping) break;
        try {
          const token = lease.token;
          if (!(await lease.renew(this.#lastAcked))) {
            if (await this.#retake(token)) continue;
            this.#log.warn("lease lost: another bridge took over; stepping down");
            break;
          }
          publisher.pump();
        } catch (e) {
          this.#log.warn({ err: String(e), valid: lease.valid() }, "lease renewal failed");
        }
      }
      if (!this.#stopping) await this.#stepDown("leadership-lost");
    } else {
      await new Promise<void>((resolve) => {
        const check = () => (this.#stopping ? resolve() : setTimeout(check, 200));
        check();
      });
    }
  }

  /**
   * The renewal was refused. If the key merely expired (NATS was away for longer than the TTL) and
   * nobody led meanwhile, take the lease again and go on with the same CTI session and buffer: nobody
   * led if the last GAP marker of the source in the stream is still ours (every leadership publishes
   * one before anything else). Else (someone else led) the lease is given back and we step down.
   */
  async #retake(token: number | undefined): Promise<boolean> {
    const lease = this.#lease;
    if (!lease || token === undefined) return false;
    try {
      if ((await lease.current()) !== undefined || !(await lease.acquire())) return false;
      const last = await this.#lastMarker();
      if (last !== undefined && !this.#tokens.has(String(last.lease))) {
        await lease.release(this.#lastAcked);
        return false;
      }
      this.#tokens.add(String(lease.token));
      this.#log.warn(
        { lease: lease.token, previous: token },
        "lease lapsed (NATS away) and taken again: nobody led meanwhile",
      );
      this.#publisher?.pump();
      return true;
    } catch {
      return false;
    }
  }

  /** The last GAP marker of this source in the stream (its stream sequence and lease), if any. */
  async #lastMarker(): Promise<{ seq: number; lease: string | null } | undefined> {
    try {
      const m = await this.#d.jsm.streams.getMessage(this.#d.cfg.stream.name, { last_by_subj: this.#gapSubject });
      return m ? { seq: m.seq, lease: m.header.get("Cti-Lease") || null } : undefined;
    } catch {
      return undefined; // none (or the stream cannot tell now)
    }
  }

  #enqueueGap(g: GapEntry, first = false): void {
    g.subject = this.#gapSubject;
    this.#d.metrics.gaps.inc({ source: this.name, reason: g.reason });
    this.#log.info({ reason: g.reason, from: g.from, to: g.to }, "GAP marker");
    if (first) this.#publisher?.enqueueFirst(g);
    else this.#publisher?.enqueue(g);
  }

  #onReset(r: SessionReset): void {
    const at = new Date().toISOString();
    this.#enqueueGap(
      newGap(
        "session-reset",
        this.#lastIn && {
          epoch: this.#lastIn.epoch,
          seq: this.#lastIn.seq,
          at: new Date(this.#lastIn.receivedAt).toISOString(),
        },
        { epoch: this.#epoch, seq: 1, at },
        {
          cause: r.reason,
          side: r.side,
          previousSide: r.previousSide ?? null,
          ...(r.cause ? { error: r.cause.code } : {}),
        },
      ),
    );
    this.#transcoder?.reset();
    void this.#rebuild();
  }

  #onEvent(m: CtiMessage): void {
    const publisher = this.#publisher;
    const frame = frameOf(m);
    if (!publisher || frame === undefined) return;
    const type = m.type === "UNKNOWN" ? `UNKNOWN_${m.messageType}` : m.type;
    const receivedAt = Date.now();
    const seq = ++this.#seq;
    let payload: Uint8Array;
    let peripheral: number | undefined;
    let call: number | undefined;
    let skillGroup: number | undefined;
    let agent: string | undefined;
    let jsonText: (() => string) | undefined;
    const t = this.#transcoder;
    const batch = t?.push(frame);
    if (batch !== undefined && batch.count === 1 && batch.records[R_ERROR] === -1) {
      const rec = batch.records;
      const start = rec[R_JSON_START] as number;
      payload = batch.json.subarray(start, start + (rec[R_JSON_LENGTH] as number)); // copied if buffered
      const num = (w: number) => (Number.isNaN(rec[w]) ? undefined : (rec[w] as number));
      peripheral = num(R_PERIPHERAL_ID);
      call = num(R_CONNECTION_CALL_ID);
      skillGroup = num(R_SKILL_GROUP_NUMBER);
      const as = rec[R_AGENT_ID] as number;
      if (as >= 0) {
        const raw = decoder.decode(batch.json.subarray(as, as + (rec[R_AGENT_ID + 1] as number)));
        agent = raw.includes("\\") ? (JSON.parse(`"${raw}"`) as string) : raw;
      }
      const p = payload;
      jsonText = () => decoder.decode(p);
    } else {
      if (t !== undefined) {
        t.reset();
        payload = encoder.encode(JSON.stringify(messageToJSON(m)));
        const p = payload;
        jsonText = () => decoder.decode(p);
      } else {
        payload = frame;
        jsonText = () => JSON.stringify(messageToJSON(m));
      }
      const f = m as unknown as Record<string, unknown>;
      const n = (v: unknown) => (typeof v === "number" ? v : undefined);
      peripheral = n(f.peripheralID);
      call = n(f.connectionCallID);
      skillGroup = n(f.skillGroupNumber);
      agent = typeof f.agentID === "string" ? f.agentID : undefined;
    }
    const subject = this.#subject({ source: this.name, type, peripheral, agent, call, skillGroup });
    const e = new EventEntry(
      this.#epoch,
      seq,
      type,
      subject,
      payload,
      this.#client?.side ?? "A",
      receivedAt,
      payload.length + subject.length + 160,
    );
    const st = this.#stateOf(type, peripheral, agent, call, jsonText);
    if (st) e.state = st;
    this.#lastIn = e;
    this.#counters(type).in.inc();
    publisher.enqueue(e);
  }

  #stateOf(
    type: string,
    peripheral: number | undefined,
    agent: string | undefined,
    call: number | undefined,
    json: () => string,
  ): StateBuild | undefined {
    if (!this.#agentsWriter) return undefined;
    const src = JSON.stringify(this.name);
    if (type === "AGENT_STATE_EVENT") {
      const text = json();
      const key = agentKey(this.name, peripheral, agent);
      if (this.#agentKeys.size < 100_000) this.#agentKeys.add(key);
      return {
        bucket: "agents",
        key,
        value: (s) =>
          `{"source":${src},"peripheralID":${peripheral ?? null},"agentID":${JSON.stringify(agent ?? null)},"streamSeq":${s},"at":"${new Date().toISOString()}","event":${text}}`,
      };
    }
    if (call === undefined || !(type.startsWith("CALL_") || type === "BEGIN_CALL_EVENT" || type === "END_CALL_EVENT")) {
      return undefined;
    }
    const key = callKey(this.name, call);
    if (type === "END_CALL_EVENT") {
      this.#calls.delete(call);
      return { bucket: "calls", key, value: null };
    }
    const text = json();
    let rec = this.#calls.get(call);
    if (rec === undefined) {
      if (this.#calls.size >= 100_000) this.#calls.delete(this.#calls.keys().next().value as number);
      rec = {};
      this.#calls.set(call, rec);
    }
    if (type === "BEGIN_CALL_EVENT") rec.begin = text;
    if (type === "CALL_DATA_UPDATE_EVENT") rec.data = text;
    const { begin, data } = rec;
    return {
      bucket: "calls",
      key,
      value: (s) =>
        `{"source":${src},"connectionCallID":${call},"streamSeq":${s},"at":"${new Date().toISOString()}","lastType":"${type}","begin":${begin ?? "null"},"data":${data ?? "null"},"last":${text}}`,
    };
  }

  /** The per-type counters, resolved once per type (label lookups per event cost). */
  #counters(type: string): { in: { inc(): void }; out: { inc(): void } } {
    let c = this.#typeCounters.get(type);
    if (c === undefined) {
      const labels = { source: this.name, type };
      c = { in: this.#d.metrics.eventsIn.labels(labels), out: this.#d.metrics.eventsOut.labels(labels) };
      this.#typeCounters.set(type, c);
    }
    return c;
  }

  #onAck(e: Entry, ack: Ack, ms: number): void {
    const m = this.#d.metrics;
    if (ack.duplicate) m.duplicates.inc({ source: this.name });
    if (e.kind === "gap") {
      m.eventsOut.inc({ source: this.name, type: "GAP" });
      return;
    }
    this.#counters(e.type).out.inc();
    this.#latency ??= m.publishLatency.labels({ source: this.name });
    this.#latency.observe((Date.now() - e.receivedAt) / 1000);
    void ms;
    this.#lastAcked = { epoch: e.epoch, seq: e.seq, at: new Date(e.receivedAt).toISOString(), streamSeq: ack.seq };
    const st = e.state as StateBuild | undefined;
    const agentsW = this.#agentsWriter;
    const callsW = this.#callsWriter;
    if (!agentsW || !callsW) return;
    if (st) {
      const w = st.bucket === "agents" ? agentsW : callsW;
      w.set(st.key, st.value === null ? null : st.value(ack.seq), ack.seq);
      (st.bucket === "agents" ? callsW : agentsW).advance(ack.seq);
    } else {
      agentsW.advance(ack.seq);
      callsW.advance(ack.seq);
    }
  }

  /**
   * After a gap (session reset): the guide's way back to a consistent picture. Calls in progress are
   * announced again by the server (BEGIN_CALL_EVENT); the agents known in KV are queried
   * (QUERY_AGENT_STATE_REQ) and the calls known in KV snapshot (SNAPSHOT_CALL_REQ: a call the server
   * no longer knows ended in the gap and is deleted).
   */
  async #rebuild(): Promise<void> {
    const { cfg, agents, calls } = this.#d;
    const client = this.#client;
    if (!cfg.kv.rebuild || !agents || !calls || !client) return;
    const prefix = tokenOf(this.name);
    let queried = 0;
    let ended = 0;
    const failed: string[] = [];
    let agentKeysN = 0;
    try {
      // The agents this leader wrote, and those the bucket lists (a listing can miss keys written meanwhile).
      const agentKeys = new Set(this.#agentKeys);
      for await (const k of await agents.keys(`${prefix}.>`)) if (!k.endsWith("._stream")) agentKeys.add(k);
      agentKeysN = agentKeys.size;
      for (const k of agentKeys) {
        if (this.#stopping || client.state !== "open") return;
        const [, per, agentID] = k.split(".");
        try {
          const conf = await client.queryAgentState({
            agentID,
            ...(per !== undefined && per !== "_" ? { peripheralID: Number(per) } : {}),
          });
          const seq = this.#lastAcked?.streamSeq ?? 0;
          await agents.put(
            k,
            JSON.stringify({
              source: this.name,
              peripheralID: per === "_" ? null : Number(per),
              agentID,
              streamSeq: seq,
              at: new Date().toISOString(),
              rebuilt: true,
              query: messageToJSON(conf),
            }),
          );
          queried++;
        } catch (e) {
          // unknown agent now, or the session went again: the next events tell
          failed.push(`${agentID}: ${(e as Error).message}`);
        }
      }
      const callKeys = new Set([...this.#calls.keys()].map((c) => callKey(this.name, c)));
      for await (const k of await calls.keys(`${prefix}.*`)) if (!k.endsWith("._stream")) callKeys.add(k);
      for (const k of callKeys) {
        if (this.#stopping || client.state !== "open") return;
        const id = Number(k.split(".")[1]);
        if (!Number.isFinite(id)) continue;
        try {
          await client.snapshotCall({ connectionCallID: id });
        } catch (e) {
          const code = (e as { code?: string }).code;
          if (code === "CONTROL_FAILURE" || code === "FAILURE_CONF") {
            await calls.delete(k);
            this.#calls.delete(id);
            ended++;
          }
        }
      }
      this.#log.info(
        {
          agentsKnown: agentKeysN,
          agentsQueried: queried,
          callsEnded: ended,
          ...(failed.length ? { queriesFailed: failed.slice(0, 10) } : {}),
        },
        "state rebuilt after the gap",
      );
    } catch (e) {
      this.#log.warn({ err: String(e) }, "state rebuild failed");
    }
  }

  #subscribeRequests(): void {
    const { cfg, nc, metrics } = this.#d;
    if (cfg.requests.allow.length === 0) return;
    const base = compileTemplate(cfg.requestSubject)({ source: this.name });
    const allow = new Set(cfg.requests.allow);
    const ctx = {
      source: this.name,
      allow,
      validator: this.#validator,
      client: () => (this.#client?.state === "open" ? this.#client : undefined),
      timeoutMs: cfg.requests.timeoutMs,
    };
    this.#sub = nc.subscribe(`${base}.*`, {
      queue: `ctiwire-bridge.${this.name}`,
      callback: (err, msg) => {
        if (err) {
          this.#log.warn({ err: String(err) }, "request subscription error");
          return;
        }
        const type = msg.subject.slice(base.length + 1);
        void handleRequest(ctx, type, msg.data).then((reply) => {
          const outcome = reply.ok
            ? "ok"
            : reply.error?.code === "INVALID_BODY"
              ? "invalid"
              : reply.error?.code === "NOT_ALLOWED"
                ? "refused"
                : reply.error?.code === "TIMEOUT"
                  ? "timeout"
                  : reply.error?.code === "FAILURE_CONF" || reply.error?.code === "CONTROL_FAILURE"
                    ? "failure"
                    : "error";
          metrics.requests.inc({ source: this.name, type: allow.has(type) ? type : "other", outcome });
          this.#log.info({ type, outcome, code: reply.error?.code }, "request");
          if (msg.reply) msg.respond(encoder.encode(JSON.stringify(reply)));
        });
      },
    });
  }

  /** Leadership lost: the CTI session goes, what was not acknowledged is lost (the successor's GAP covers it). */
  async #stepDown(reason: "leadership-lost"): Promise<void> {
    const m = this.#d.metrics;
    this.#sub?.unsubscribe();
    this.#sub = undefined;
    const lost = this.#publisher?.stop() ?? { events: 0, bytes: 0 };
    this.#acks?.close();
    this.#acks = undefined;
    if (lost.events > 0) m.dropped.inc({ source: this.name, reason }, lost.events);
    this.#log.warn({ unpublished: lost.events }, "stepped down");
    this.#agentsWriter?.stop();
    this.#callsWriter?.stop();
    await this.#closeClient();
    m.leader.set({ source: this.name }, 0);
    this.#lease?.drop();
  }

  async #closeClient(): Promise<void> {
    const c = this.#client;
    this.#client = undefined;
    this.#sessionOpen = false;
    this.#d.metrics.sessionOpen.set({ source: this.name }, 0);
    if (c) await c.close().catch(() => {});
  }

  /**
   * Stops: no more requests; CLOSE_REQ to the CTI Server (no more events); what is buffered and in
   * flight is published (up to `drainMs`); the KV state flushed; the lease released (a standby takes
   * over at once).
   */
  async stop(drainMs = 10_000): Promise<void> {
    if (this.#stopping) {
      await this.#loop;
      return;
    }
    const wasLeading = this.state === "leading";
    this.#stopping = true;
    this.state = "stopping";
    this.#wake?.();
    await this.#sub?.drain().catch(() => {});
    this.#sub = undefined;
    await this.#closeClient();
    if (wasLeading && this.#publisher) {
      const drained = await this.#publisher.drain(drainMs);
      if (!drained) this.#log.warn({ pending: this.#publisher.pending }, "stopping with events unpublished");
      await this.#agentsWriter?.flush(2000);
      await this.#callsWriter?.flush(2000);
    }
    const lost = this.#publisher?.stop();
    this.#acks?.close();
    this.#acks = undefined;
    if (lost && lost.events > 0) this.#d.metrics.dropped.inc({ source: this.name, reason: "shutdown" }, lost.events);
    this.#agentsWriter?.stop();
    this.#callsWriter?.stop();
    if (wasLeading) await this.#lease?.release(this.#lastAcked);
    this.#d.metrics.leader.set({ source: this.name }, 0);
    await this.#loop;
    this.state = "stopped";
  }
}
