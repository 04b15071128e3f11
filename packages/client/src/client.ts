import type * as tls from "node:tls";
import {
  AgentStateMask,
  assertProtocolVersion,
  CallEventMask,
  CTIServiceMask,
  LATEST_PROTOCOL_VERSION,
  maskNames,
  maskValue,
  messageTypeNumber,
  PGStatusCode,
  tableOf,
} from "ctiwire";
import { buildMessage } from "./build.js";
import { type Clock, systemClock, type TimerHandle } from "./clock.js";
import type { CtiMessage, MessageByName, MessageName } from "./codec.js";
import { TypedEmitter } from "./emitter.js";
import { CtiClientError } from "./errors.js";
import { EventQueue } from "./event-queue.js";
import { DEFAULT_DELAYS_MS, type ReconnectOptions, reconnectPlan, type Side } from "./reconnect.js";
import { type Endpoint, isSideUnavailableStatus, Session } from "./session.js";

/** Message type of STANDBY_ACTIVE_EVENT_MSG (v24+; the guide gives it no layout, so it decodes as UNKNOWN). */
export const STANDBY_ACTIVE_EVENT_TYPE = messageTypeNumber("STANDBY_ACTIVE_EVENT_MSG")!;
/** Message type of STOPPING_REQUESTS_TO_THIS_SIDE_IND (v24+, client to server; no layout in the guide). */
export const STOPPING_REQUESTS_TO_THIS_SIDE_IND_TYPE = messageTypeNumber("STOPPING_REQUESTS_TO_THIS_SIDE_IND")!;

export const DEFAULT_PORTS = { A: 42027, B: 43027 } as const;
export const DEFAULT_TLS_PORTS = { A: 42030, B: 43030 } as const;

export interface CtiClientOptions {
  /** Side A: "host:port", "host" (default port 42027, TLS 42030) or { host, port }. */
  sideA: string | Endpoint;
  /** Side B of a duplex pair (default port 43027, TLS 43030). */
  sideB?: string | Endpoint;
  /** Protocol version 17..25 (default 25). */
  version?: number;
  clientID: string;
  clientPassword?: string | Uint8Array;
  clientSignature?: string;
  /** OPEN_REQ PeripheralID (required for Client Events service). Default 0xFFFFFFFF; also the default PeripheralID of requests. */
  peripheralID?: number;
  /** ServicesRequested: a number or CTIServiceMask flag names. Default CTI_SERVICE_ALL_EVENTS. CTI_SERVICE_ACTIVE_STANDBY is added when `activeStandby`. */
  services?: number | readonly string[];
  /** CallMsgMask: number or CallEventMask names. Default: every call event. */
  callMsgMask?: number | readonly string[];
  /** AgentStateMask: number or AgentStateMask names. Default: every agent state. */
  agentStateMask?: number | readonly string[];
  /** ConfigMsgMask. Default 0. */
  configMsgMask?: number;
  agentExtension?: string;
  agentID?: string;
  agentInstrument?: string;
  /** Heartbeat interval in ms (default 30000); 0 or a negative value disables heartbeats (IdleTimeout 0xFFFFFFFF then). */
  heartbeatIntervalMs?: number;
  /** OPEN_REQ IdleTimeout in seconds. Default max(4 × interval, 20 s); must be at least that (Chapter 4). */
  idleTimeoutSeconds?: number;
  /** Unconfirmed heartbeats before the connection is reset (Chapter 4: three). */
  maxMissedHeartbeats?: number;
  /** Default timeout of requests, ms (default 10000). */
  requestTimeoutMs?: number;
  /** TCP (and TLS) connect timeout per attempt, ms (default 5000). */
  connectTimeoutMs?: number;
  /** Wait for OPEN_CONF, ms (default 10000). */
  openTimeoutMs?: number;
  /** Wait for CLOSE_CONF, ms (default 5000: Chapter 4). */
  closeTimeoutMs?: number;
  /** The Chapter 2 algorithm's parameters, or false: no reconnect (the client closes when the connection drops). */
  reconnect?: ReconnectOptions | false;
  /** v24+: request CTI_SERVICE_ACTIVE_STANDBY and keep a standby session on the other side (default: true from v24 with two sides). */
  activeStandby?: boolean;
  /** TLS (ports 42030/43030 by default): true or node:tls connect options (ca, cert, key, rejectUnauthorized, ...). */
  tls?: boolean | tls.ConnectionOptions;
  /** Async iterator high-water mark, in messages (default 1024): at it, socket reading pauses. */
  highWaterMark?: number;
  /** String encoding on the wire (default latin1). */
  encoding?: "latin1" | "utf8";
  /**
   * Keep the bytes of the frame each message came in, for `frameOf(message)` (a recorder, a bridge
   * publishing frames as they came, `ctiwire tail --json` transcoding them). Default false.
   */
  keepFrames?: boolean;
  /** Injectable time and randomness (tests). */
  clock?: Clock;
  random?: () => number;
}

/** Bounds of the first connect (`connect(options)`); by default there are none. */
export interface ConnectOptions {
  /**
   * Give up when no session is open after this many ms: `connect()` rejects with CONNECT_FAILED
   * (the last attempt's error as `cause`) and the client closes. Default: no limit.
   */
  timeoutMs?: number;
  /**
   * Give up after this many connection attempts (an attempt is one side tried once): `connect()`
   * rejects with CONNECT_FAILED and the client closes. Default: `reconnect.maxAttempts`, else no limit.
   */
  maxAttempts?: number;
}

export interface PgStatus {
  value: number;
  /** PGStatusCode flag names set in `value` ([] = normal). */
  flags: string[];
}

export interface OpenInfo {
  side: Side;
  openConf: MessageByName<"OPEN_CONF">;
  servicesRequested: number;
  servicesGranted: number;
  /** Names of services requested but not granted (the server may grant less; not an error). */
  servicesNotGranted: string[];
  pgStatus: PgStatus;
  /** 0 unknown, 1 active, 2 standby (OPEN_CONF SessionType, v24+). */
  sessionType: number;
  /** True when this is not the first session of the client. */
  reopened: boolean;
}

/** Delivered after every session but the first: events in the gap are lost, calls in progress are announced again. */
export interface SessionReset {
  type: "SESSION_RESET";
  reason: "reconnect" | "side-switch";
  side: Side;
  previousSide: Side | undefined;
  /** Clock time of the new session. */
  at: number;
  /** Why the previous session ended, if it ended by an error. */
  cause?: CtiClientError;
}

export type ClientEvent = CtiMessage | SessionReset;

export type ClientState = "idle" | "connecting" | "open" | "reconnecting" | "closing" | "closed";

export type ClientEventMap = {
  /** Every unsolicited message of the active session (and confirmations nobody waits for any more). */
  message: CtiMessage;
  open: OpenInfo;
  "session-reset": SessionReset;
  /** The active session ended; `reconnecting` says whether the algorithm runs now. */
  disconnect: { side: Side; error: CtiClientError; reconnecting: boolean };
  attempt: { side: Side; attempt: number; at: number };
  "attempt-failed": { side: Side; attempt: number; error: CtiClientError };
  waiting: { ms: number; random: boolean; at: number };
  "pg-status": PgStatus;
  "side-switch": { from: Side | undefined; to: Side };
  /** A standby session (v24 active/standby) was opened on `side`. */
  standby: { side: Side; openConf: MessageByName<"OPEN_CONF"> };
  /** The client is closed (by close(), by a fatal OPEN refusal, or by a drop without reconnect). */
  close: { error?: CtiClientError };
  /** Decode problems of single frames and the like: the session goes on. */
  warning: unknown;
} & { [N in MessageName]: MessageByName<N> };

export type RequestFields<N extends MessageName> = Partial<Omit<MessageByName<N>, "type" | "messageType" | "invokeID">>;
type ConfName<N extends string> = N extends `${infer P}_REQ` ? Extract<`${P}_CONF`, MessageName> : never;
/** The confirmation type of a request name (the *_CONF of a *_REQ), CtiMessage where there is none. */
export type ResponseOf<N extends MessageName> = [ConfName<N>] extends [never] ? CtiMessage : MessageByName<ConfName<N>>;

export interface RequestOptions {
  /** ms; default the client's requestTimeoutMs. */
  timeoutMs?: number;
}

function invalidEndpoint(e: unknown, why: string): CtiClientError {
  return new CtiClientError("INVALID_REQUEST", `not an endpoint: ${JSON.stringify(e)} (${why})`);
}

function checkPort(e: unknown, port: number): number {
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw invalidEndpoint(e, "the port must be 1-65535");
  return port;
}

/**
 * "host", "host:port", "[v6]" or "[v6]:port" (a bare IPv6 address without brackets is taken whole,
 * on the default port). Anything else, e.g. "127.0.0.1:abc", throws INVALID_REQUEST: read as a host
 * name it would only fail to resolve, attempt after attempt.
 */
export function parseEndpoint(e: string | Endpoint, defaultPort: number): Endpoint {
  if (typeof e !== "string") {
    if (typeof e?.host !== "string" || e.host === "") throw invalidEndpoint(e, "no host");
    return { host: e.host, port: checkPort(e, e.port ?? defaultPort) };
  }
  const m = /^\[([^\]]+)\](?::(\d+))?$/.exec(e) ?? /^([^:[\]\s]+)(?::(\d+))?$/.exec(e);
  if (m) return { host: m[1] as string, port: checkPort(e, m[2] ? Number(m[2]) : defaultPort) };
  // A bare IPv6 address: two colons or more, hex digits and dots only.
  if (/^[0-9a-f:.]+$/i.test(e) && (e.match(/:/g)?.length ?? 0) >= 2) return { host: e, port: defaultPort };
  throw invalidEndpoint(e, 'expected "host", "host:port" or "[ipv6]:port"');
}

function mask(table: Parameters<typeof maskValue>[0], v: number | readonly string[] | undefined, dflt: number): number {
  if (v === undefined) return dflt;
  return typeof v === "number" ? v >>> 0 : maskValue(table, v);
}

function allFlags(table: Parameters<typeof maskValue>[0]): number {
  return maskValue(
    table,
    tableOf(table)
      .entries.filter((e) => e.until === undefined && e.value !== 0)
      .map((e) => e.name),
  );
}

export function pgStatusOf(value: number): PgStatus {
  return { value: value >>> 0, flags: maskNames(PGStatusCode, value) };
}

interface LoopToken {
  cancelled: boolean;
  wake?: () => void;
}

/**
 * A CTI Server session client: Chapter 4 session management over TCP (or TLS), request
 * correlation, duplex sides with the Chapter 2 reconnect algorithm, and v24 active/standby.
 */
export class CtiClient extends TypedEmitter<ClientEventMap> {
  readonly version: number;
  readonly sides: Readonly<Partial<Record<Side, Endpoint>>>;
  readonly heartbeatIntervalMs: number;
  readonly idleTimeoutSeconds: number;
  readonly servicesRequested: number;
  readonly activeStandby: boolean;
  readonly highWaterMark: number;
  #o: CtiClientOptions;
  #clock: Clock;
  #random: () => number;
  #state: ClientState = "idle";
  #active: Session | undefined;
  #standby: Session | undefined;
  #lastSide: Side = "A";
  #opened = 0;
  #invokeID = 0;
  #loop: LoopToken | undefined;
  #connectPromise: Promise<OpenInfo> | undefined;
  #connectResolve: ((i: OpenInfo) => void) | undefined;
  #connectReject: ((e: unknown) => void) | undefined;
  /** connect()'s bounds (first connect only) and its timer. */
  #firstConnect: ConnectOptions = {};
  #connectTimer: TimerHandle | undefined;
  /** The session of the attempt in progress (destroyed when the loop is cancelled). */
  #attempting: Session | undefined;
  #queues = new Set<EventQueue<ClientEvent>>();
  /** The first messages of a session, waiting for #deliverLater (its reading paused meanwhile). */
  #held: { session: Session; messages: CtiMessage[] } | undefined;
  #standbyTimer: TimerHandle | undefined;
  #standbyRetry = 0;
  #pgStatus: PgStatus | undefined;
  /** Why the previous active session ended (the SESSION_RESET cause). */
  #lastError: CtiClientError | undefined;
  #lastAttemptError: CtiClientError | undefined;
  #previousSide: Side | undefined;

  constructor(options: CtiClientOptions) {
    super();
    const version = options.version ?? LATEST_PROTOCOL_VERSION;
    assertProtocolVersion(version);
    this.version = version;
    this.#o = options;
    this.#clock = options.clock ?? systemClock;
    this.#random = options.random ?? Math.random;
    const useTls = options.tls !== undefined && options.tls !== false;
    const ports = useTls ? DEFAULT_TLS_PORTS : DEFAULT_PORTS;
    this.sides = {
      A: parseEndpoint(options.sideA, ports.A),
      ...(options.sideB !== undefined ? { B: parseEndpoint(options.sideB, ports.B) } : {}),
    };
    const hb = options.heartbeatIntervalMs ?? 30_000;
    this.heartbeatIntervalMs = Math.max(hb, 0);
    const minIdle = this.heartbeatIntervalMs > 0 ? Math.max(20, Math.ceil((4 * this.heartbeatIntervalMs) / 1000)) : 0;
    const idle = options.idleTimeoutSeconds ?? (this.heartbeatIntervalMs > 0 ? minIdle : 0xffffffff);
    if (this.heartbeatIntervalMs > 0 && idle < minIdle) {
      throw new CtiClientError(
        "INVALID_REQUEST",
        `idleTimeoutSeconds ${idle} is below ${minIdle}: Chapter 4 wants at least 4 heartbeat intervals and at least 20 s`,
      );
    }
    this.idleTimeoutSeconds = idle;
    this.activeStandby = options.activeStandby ?? (version >= 24 && options.sideB !== undefined);
    if (this.activeStandby && version < 24) {
      throw new CtiClientError("INVALID_REQUEST", "activeStandby needs protocol version 24 or later");
    }
    let services = mask(CTIServiceMask, options.services, CTIServiceMask.CTI_SERVICE_ALL_EVENTS);
    if (this.activeStandby) services = (services | CTIServiceMask.CTI_SERVICE_ACTIVE_STANDBY) >>> 0;
    this.servicesRequested = services;
    this.highWaterMark = Math.max(2, options.highWaterMark ?? 1024);
  }

  get state(): ClientState {
    return this.#state;
  }

  /** The side of the active session (or of the last one). */
  get side(): Side {
    return this.#lastSide;
  }

  get openConf(): MessageByName<"OPEN_CONF"> | undefined {
    return this.#active?.openConf;
  }

  get pgStatus(): PgStatus | undefined {
    return this.#pgStatus;
  }

  /** True while a v24 standby session is held on the other side. */
  get hasStandby(): boolean {
    return this.#standby !== undefined && this.#standby.state === "open";
  }

  /** Whether socket reading is paused because an async iterator's consumer is behind. */
  get paused(): boolean {
    return this.#active?.paused ?? false;
  }

  nextInvokeID(): number {
    this.#invokeID = this.#invokeID >= 0xffffffff ? 1 : this.#invokeID + 1;
    return this.#invokeID;
  }

  /**
   * Opens the session: the Chapter 2 algorithm from side A (same side, other side, random wait,
   * back-off). Resolves with the first OPEN_CONF of an active session; rejects on a fatal OPEN
   * refusal (a FAILURE_CONF other than server-offline/standby), after reconnect.maxAttempts, or on close().
   *
   * **By default it never gives up**: while no server answers, the algorithm keeps trying (waits up
   * to 120 s between rounds) and the promise stays pending. Bound it with `options.timeoutMs` and/or
   * `options.maxAttempts`: past the bound it rejects with CONNECT_FAILED (the last attempt's error as
   * `cause`) and the client closes. The bounds apply to this first connect only (reconnects after a
   * drop follow `reconnect`). Later calls return the same promise; their options are ignored.
   */
  connect(options: ConnectOptions = {}): Promise<OpenInfo> {
    if (this.#connectPromise) return this.#connectPromise;
    if (this.#state === "closed" || this.#state === "closing") {
      return Promise.reject(new CtiClientError("CLOSED", "the client is closed"));
    }
    for (const k of ["timeoutMs", "maxAttempts"] as const) {
      const v = options[k];
      if (v !== undefined && !(v >= 0)) {
        return Promise.reject(new CtiClientError("INVALID_REQUEST", `connect(): ${k} must be a number >= 0, not ${v}`));
      }
    }
    this.#firstConnect = options;
    this.#connectPromise = new Promise<OpenInfo>((resolve, reject) => {
      this.#connectResolve = resolve;
      this.#connectReject = reject;
    });
    this.#connectPromise.catch(() => {});
    this.#state = "connecting";
    const timeoutMs = options.timeoutMs;
    if (timeoutMs !== undefined && Number.isFinite(timeoutMs)) {
      this.#connectTimer = this.#clock.setTimeout(() => {
        this.#connectTimer = undefined;
        if (this.#connectReject === undefined) return;
        const last = this.#lastAttemptError;
        this.#fail(
          new CtiClientError(
            "CONNECT_FAILED",
            `no session within ${timeoutMs} ms${last ? ` (last attempt: ${last.message})` : ""}`,
            last ? { cause: last } : {},
          ),
        );
      }, timeoutMs);
      const clear = () => {
        if (this.#connectTimer !== undefined) this.#clock.clearTimeout(this.#connectTimer);
        this.#connectTimer = undefined;
      };
      this.#connectPromise.then(clear, clear);
    }
    void this.#runLoop();
    return this.#connectPromise;
  }

  #sessionFor(side: Side): Session {
    const endpoint = this.sides[side];
    if (!endpoint) throw new Error(`no side ${side}`);
    const o = this.#o;
    return new Session({
      side,
      endpoint,
      version: this.version,
      tls: o.tls === undefined || o.tls === false ? false : o.tls === true ? {} : o.tls,
      clock: this.#clock,
      encoding: o.encoding ?? "latin1",
      keepFrames: o.keepFrames === true,
      connectTimeoutMs: o.connectTimeoutMs ?? 5000,
      openTimeoutMs: o.openTimeoutMs ?? 10_000,
      closeTimeoutMs: o.closeTimeoutMs ?? 5000,
      heartbeatIntervalMs: this.heartbeatIntervalMs,
      maxMissedHeartbeats: o.maxMissedHeartbeats ?? 3,
      nextInvokeID: () => this.nextInvokeID(),
      onMessage: (s, m) => this.#onMessage(s, m),
      onClose: (s, e) => this.#onSessionClose(s, e),
      onWarning: (_s, e) => this.emit("warning", e),
    });
  }

  #openReq(): Record<string, unknown> {
    const o = this.#o;
    const pw = o.clientPassword ?? new Uint8Array(0);
    return buildMessage(
      "OPEN_REQ",
      {
        versionNumber: this.version,
        idleTimeout: this.idleTimeoutSeconds,
        peripheralID: o.peripheralID ?? 0xffffffff,
        servicesRequested: this.servicesRequested,
        callMsgMask: mask(CallEventMask, o.callMsgMask, allFlags(CallEventMask)),
        agentStateMask: mask(AgentStateMask, o.agentStateMask, allFlags(AgentStateMask)),
        configMsgMask: o.configMsgMask ?? 0,
        clientID: o.clientID,
        clientPassword: typeof pw === "string" ? new TextEncoder().encode(pw) : pw,
        clientSignature: o.clientSignature,
        agentExtension: o.agentExtension,
        agentID: o.agentID,
        agentInstrument: o.agentInstrument,
      },
      this.version,
    ) as unknown as Record<string, unknown>;
  }

  /** The Chapter 2 algorithm; ends at the first active session, a fatal refusal, close(), or a promotion. */
  async #runLoop(): Promise<void> {
    const token: LoopToken = { cancelled: false };
    this.#loop = token;
    const sides = (Object.keys(this.sides) as Side[]).sort();
    const ro = this.#o.reconnect === false ? {} : (this.#o.reconnect ?? {});
    let maxAttempts = this.#o.reconnect === false && this.#opened > 0 ? 0 : (ro.maxAttempts ?? Infinity);
    if (this.#opened === 0 && this.#firstConnect.maxAttempts !== undefined) {
      maxAttempts = Math.min(maxAttempts, this.#firstConnect.maxAttempts);
    }
    let attempts = 0;
    for (const step of reconnectPlan(this.#lastSide, sides, this.#random, ro)) {
      if (token.cancelled) return;
      if (step.kind === "wait") {
        if (attempts >= maxAttempts) break;
        this.emit("waiting", { ms: step.ms, random: step.random, at: this.#clock.now() });
        await this.#sleep(step.ms, token);
        continue;
      }
      if (attempts >= maxAttempts) break;
      if (this.#standby && this.#standby.side === step.side) continue; // held as standby: wait for its promotion
      attempts++;
      this.emit("attempt", { side: step.side, attempt: attempts, at: this.#clock.now() });
      const session = this.#sessionFor(step.side);
      let conf: MessageByName<"OPEN_CONF">;
      this.#attempting = session;
      try {
        conf = await session.open(this.#openReq());
      } catch (e) {
        const err = e as CtiClientError;
        if (this.#attempting === session) this.#attempting = undefined;
        this.#lastAttemptError = err;
        if (token.cancelled) return;
        this.emit("attempt-failed", { side: step.side, attempt: attempts, error: err });
        if (err.code === "OPEN_FAILED" && err.status !== undefined && !isSideUnavailableStatus(err.status)) {
          this.#fail(err); // wrong version, password, masks...: retrying cannot help
          return;
        }
        continue;
      }
      if (this.#attempting === session) this.#attempting = undefined;
      if (token.cancelled) {
        void session.close();
        return;
      }
      if (session.standby) {
        if (this.activeStandby && !this.#standby) {
          this.#adoptStandby(session, conf);
          if (token.cancelled) return; // promoted at once
        } else void session.close();
        continue;
      }
      this.#loop = undefined;
      this.#activate(session, conf);
      return;
    }
    if (!token.cancelled) {
      const last = this.#lastAttemptError;
      this.#fail(
        new CtiClientError(
          "CONNECT_FAILED",
          `no session after ${attempts} attempt${attempts === 1 ? "" : "s"}${last ? ` (last: ${last.message})` : ""}`,
          { cause: last },
        ),
      );
    }
  }

  #sleep(ms: number, token: LoopToken): Promise<void> {
    return new Promise((resolve) => {
      const h = this.#clock.setTimeout(() => {
        token.wake = undefined;
        resolve();
      }, ms);
      token.wake = () => {
        this.#clock.clearTimeout(h);
        resolve();
      };
    });
  }

  #cancelLoop(): void {
    const t = this.#loop;
    if (!t) return;
    this.#loop = undefined;
    t.cancelled = true;
    t.wake?.();
    // An attempt in progress (connecting, or waiting for OPEN_CONF) would otherwise hold its socket
    // until its own timeouts: a client that gave up must let the process end.
    const attempting = this.#attempting;
    this.#attempting = undefined;
    attempting?.destroy(new CtiClientError("CLOSED", `side ${attempting.side}: attempt cancelled`));
  }

  #activate(session: Session, conf: MessageByName<"OPEN_CONF">, reason: SessionReset["reason"] = "reconnect"): void {
    this.#flushHeld();
    const previous = this.#previousSide;
    this.#active = session;
    this.#lastSide = session.side;
    this.#previousSide = session.side;
    this.#state = "open";
    const reopened = this.#opened > 0;
    this.#opened++;
    const granted = conf.servicesGranted >>> 0;
    const info: OpenInfo = {
      side: session.side,
      openConf: conf,
      servicesRequested: this.servicesRequested,
      servicesGranted: granted,
      servicesNotGranted: maskNames(CTIServiceMask, this.servicesRequested & ~granted),
      pgStatus: pgStatusOf(conf.pgStatus),
      sessionType: session.sessionType,
      reopened,
    };
    this.emit("open", info);
    this.#setPgStatus(conf.pgStatus);
    if (reopened) {
      const reset: SessionReset = {
        type: "SESSION_RESET",
        reason,
        side: session.side,
        previousSide: previous,
        at: this.#clock.now(),
        ...(this.#lastError ? { cause: this.#lastError } : {}),
      };
      this.emit("session-reset", reset);
      for (const q of this.#queues) q.push(reset);
    }
    this.#lastError = undefined;
    const backlog = session.backlog.splice(0);
    this.#connectResolve?.(info);
    this.#connectResolve = undefined;
    this.#connectReject = undefined;
    this.#ensureStandby(0);
    if (backlog.length > 0) this.#deliverLater(session, backlog);
  }

  /**
   * Messages that came with OPEN_CONF (the server's first events often share its TCP segment) go
   * out on a later turn of the event loop, after the code awaiting connect() has run and attached
   * its listeners or iterators: delivered at once, they reached no iterator. Reading pauses until
   * then, and anything else the client would deliver first (a reset, the close) delivers them
   * before it, so that they keep their place.
   */
  #deliverLater(session: Session, messages: CtiMessage[]): void {
    this.#flushHeld();
    this.#held = { session, messages };
    session.pause();
    setTimeout(() => this.#flushHeld(), 0);
  }

  #flushHeld(): void {
    const held = this.#held;
    if (held === undefined) return;
    this.#held = undefined;
    const { session, messages } = held;
    for (const m of messages) {
      if (session === this.#active) this.#onMessage(session, m);
      else this.#dispatch(m); // the session ended meanwhile: its messages still came first
    }
    if (session === this.#active && !this.#anyQueueFull()) session.resume();
  }

  #setPgStatus(v: number): void {
    const value = v >>> 0;
    if (this.#pgStatus?.value === value) return;
    this.#pgStatus = pgStatusOf(value);
    this.emit("pg-status", this.#pgStatus);
  }

  #adoptStandby(session: Session, conf: MessageByName<"OPEN_CONF">): void {
    this.#standby = session;
    this.#standbyRetry = 0;
    this.emit("standby", { side: session.side, openConf: conf });
    const early = session.backlog.splice(0);
    if (early.some((m) => m.messageType === STANDBY_ACTIVE_EVENT_TYPE)) this.#promote(session);
  }

  /** Keeps a standby session on the other side (v24 active/standby), retrying on the back-off delays. */
  #ensureStandby(delayMs: number): void {
    if (!this.activeStandby || !this.sides.B || this.#standby || this.#standbyTimer !== undefined) return;
    if (this.#state !== "open") return;
    this.#standbyTimer = this.#clock.setTimeout(async () => {
      this.#standbyTimer = undefined;
      const active = this.#active;
      if (!active || this.#standby || this.#state !== "open") return;
      const side: Side = active.side === "A" ? "B" : "A";
      const session = this.#sessionFor(side);
      try {
        const conf = await session.open(this.#openReq());
        if (this.#state !== "open" || this.#standby || !session.standby) {
          void session.close(); // both sides active (or we moved on): no use for it
          if (this.#state === "open" && !this.#standby) this.#retryStandby();
          return;
        }
        this.#adoptStandby(session, conf);
      } catch {
        this.#retryStandby();
      }
    }, delayMs);
  }

  #retryStandby(): void {
    const delays = (this.#o.reconnect !== false && this.#o.reconnect?.delaysMs) || DEFAULT_DELAYS_MS;
    const ms = delays[Math.min(this.#standbyRetry++, delays.length - 1)] ?? 120_000;
    this.#ensureStandby(ms);
  }

  /** STANDBY_ACTIVE_EVENT on the standby session: it becomes the active session. */
  #promote(session: Session): void {
    const old = this.#active;
    this.#standby = undefined;
    session.sessionType = 1;
    this.#cancelLoop();
    if (old && old !== session) {
      this.#active = undefined;
      const switched = new CtiClientError("SIDE_SWITCHED", `side ${old.side} handed over to side ${session.side}`, {
        side: old.side,
      });
      if (old.state === "open" || old.state === "closing") {
        try {
          // No layout in the guide: the body carries an InvokeID, as the other v24 maintenance messages do.
          const body = new Uint8Array(4);
          new DataView(body.buffer).setUint32(0, this.nextInvokeID());
          old.send({
            type: "UNKNOWN",
            messageType: STOPPING_REQUESTS_TO_THIS_SIDE_IND_TYPE,
            body,
          } as unknown as CtiMessage);
        } catch {
          // the old side is gone already
        }
      }
      old.rejectPending(switched);
      if (this.activeStandby && old.state === "open") {
        // A server in maintenance mode disconnects on STOPPING_REQUESTS_TO_THIS_SIDE_IND; one that
        // failed over keeps the session as a standby session. Either way it is the standby now.
        old.sessionType = 2;
        this.#standby = old;
      } else old.destroy(switched, "SIDE_SWITCHED");
    }
    this.emit("side-switch", { from: old?.side ?? this.#previousSide, to: session.side });
    this.#lastError = undefined;
    const conf = session.openConf as MessageByName<"OPEN_CONF">;
    this.#activate(session, conf, "side-switch");
  }

  #onMessage(session: Session, m: CtiMessage): void {
    if (session === this.#active) {
      if (this.#held !== undefined && this.#held.session === session) this.#flushHeld();
      if (m.type === "FAILURE_EVENT" && m.status === 15) {
        this.#dispatch(m);
        session.destroy(
          new CtiClientError("SERVER_OFFLINE", `side ${session.side}: FAILURE_EVENT E_CTI_CTI_SERVER_OFFLINE`, {
            side: session.side,
            status: 15,
          }),
        );
        return;
      }
      if (m.type === "SYSTEM_EVENT") this.#setPgStatus(m.pgStatus);
      this.#dispatch(m);
      return;
    }
    if (session === this.#standby) {
      if (m.messageType === STANDBY_ACTIVE_EVENT_TYPE) this.#promote(session);
      return;
    }
    // Opening: messages that came with or right after OPEN_CONF, before the session was adopted.
    session.backlog.push(m);
  }

  #dispatch(m: CtiMessage): void {
    this.emit("message", m);
    this.emit(m.type as MessageName, m as never);
    if (this.#queues.size === 0) return;
    for (const q of this.#queues) q.push(m);
    if (this.#anyQueueFull()) this.#active?.pause();
  }

  #anyQueueFull(): boolean {
    for (const q of this.#queues) if (q.full) return true;
    return false;
  }

  #onDrain(): void {
    if (this.#held !== undefined || this.#anyQueueFull()) return;
    for (const q of this.#queues) if (q.size > q.lowWaterMark) return;
    this.#active?.resume();
  }

  #onSessionClose(session: Session, error: CtiClientError): void {
    if (session === this.#standby) {
      this.#standby = undefined;
      this.#retryStandby();
      return;
    }
    if (session !== this.#active) return;
    this.#active = undefined;
    this.#lastError = error;
    if (this.#state === "closing" || this.#state === "closed") return;
    const reconnect = this.#o.reconnect !== false;
    this.emit("disconnect", { side: session.side, error, reconnecting: reconnect });
    if (!reconnect) {
      this.#fail(error);
      return;
    }
    this.#state = "reconnecting";
    void this.#runLoop();
  }

  #fail(error: CtiClientError): void {
    this.#cancelLoop();
    this.#connectReject?.(error);
    this.#connectResolve = undefined;
    this.#connectReject = undefined;
    void this.#shutdown(error);
  }

  /**
   * Ends the session: CLOSE_REQ (E_CTI_NO_ERROR), up to closeTimeoutMs for CLOSE_CONF, reset. Pending
   * requests reject with CLOSED; async iterators end.
   */
  async close(): Promise<void> {
    if (this.#state === "closed") return;
    await this.#shutdown(undefined);
  }

  async #shutdown(error: CtiClientError | undefined): Promise<void> {
    if (this.#state === "closed" || this.#state === "closing") return;
    this.#state = "closing";
    this.#cancelLoop();
    if (this.#standbyTimer !== undefined) this.#clock.clearTimeout(this.#standbyTimer);
    this.#standbyTimer = undefined;
    this.#connectReject?.(error ?? new CtiClientError("CLOSED", "the client was closed before a session opened"));
    this.#connectResolve = undefined;
    this.#connectReject = undefined;
    const active = this.#active;
    const standby = this.#standby;
    this.#active = undefined;
    this.#standby = undefined;
    await Promise.all([active?.close(0), standby?.close(0)]);
    this.#flushHeld();
    this.#state = "closed";
    for (const q of this.#queues) q.end(error);
    this.#queues.clear();
    this.emit("close", error ? { error } : {});
  }

  /**
   * The events as an async iterator: every unsolicited message of the active session and a
   * SESSION_RESET marker after each reconnect or side switch. Each call returns a new iterator with
   * its own buffer; socket reading pauses while any buffer holds `highWaterMark` items and resumes
   * below half of it. The iteration ends when the client closes (with the error, if it closed on one).
   */
  events(): AsyncIterableIterator<ClientEvent> {
    const q: EventQueue<ClientEvent> = new EventQueue(
      this.highWaterMark,
      () => this.#onDrain(),
      (x) => {
        this.#queues.delete(x);
        this.#onDrain();
      },
    );
    if (this.#state === "closed") q.end();
    else this.#queues.add(q);
    return q;
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<ClientEvent> {
    return this.events();
  }

  // -------------------------------------------------------------------------------------------
  // Requests

  /**
   * Sends any request (fields missing from the version's layout are dropped; fixed fields left out
   * are 0; PeripheralID defaults to the client's peripheralID, else the first peripheral OPEN_CONF
   * lists, else 0xFFFFFFFF; the agent fields default to the client's options) and resolves with
   * its confirmation. Rejects with a CtiClientError: FAILURE_CONF, CONTROL_FAILURE, TIMEOUT,
   * CONNECTION_LOST, SIDE_SWITCHED, CLOSED, NOT_CONNECTED, INVALID_REQUEST.
   */
  request<N extends MessageName>(
    name: N,
    fields: RequestFields<N> = {},
    options: RequestOptions = {},
  ): Promise<ResponseOf<N>> {
    const session = this.#active;
    if (!session || this.#state !== "open" || session.state !== "open") {
      return Promise.reject(
        new CtiClientError(
          this.#state === "closed" || this.#state === "closing" ? "CLOSED" : "NOT_CONNECTED",
          `${name}: no open session (client ${this.#state})`,
          { request: name },
        ),
      );
    }
    let msg: CtiMessage;
    try {
      const o = this.#o;
      msg = buildMessage(name, fields as Record<string, unknown>, this.version, {
        peripheralID: this.#defaultPeripheralID(session),
        agentInstrument: o.agentInstrument,
        agentID: o.agentID,
        agentExtension: o.agentExtension,
      });
    } catch (e) {
      return Promise.reject(e);
    }
    return session.request(msg, options.timeoutMs ?? this.#o.requestTimeoutMs ?? 10_000) as Promise<ResponseOf<N>>;
  }

  /** The options' peripheralID, else the first peripheral OPEN_CONF lists, else 0xFFFFFFFF. */
  #defaultPeripheralID(session: Session): number {
    return this.#o.peripheralID ?? session.openConf?.peripherals?.[0]?.fltPeripheralID ?? 0xffffffff;
  }

  /** Sends a message that has no confirmation (or whose confirmation you read as an event). */
  send<N extends MessageName>(name: N, fields: RequestFields<N> = {}): void {
    const session = this.#active;
    if (!session || this.#state !== "open") throw new CtiClientError("NOT_CONNECTED", `${name}: no open session`);
    const msg = buildMessage(name, fields as Record<string, unknown>, this.version, {
      peripheralID: this.#o.peripheralID,
    });
    session.send({ ...msg, invokeID: this.nextInvokeID() } as CtiMessage);
  }

  heartbeat(options?: RequestOptions) {
    return this.request("HEARTBEAT_REQ", {}, options);
  }
  queryAgentState(fields: RequestFields<"QUERY_AGENT_STATE_REQ"> = {}, options?: RequestOptions) {
    return this.request("QUERY_AGENT_STATE_REQ", fields, options);
  }
  setAgentState(fields: RequestFields<"SET_AGENT_STATE_REQ"> & { agentState: number }, options?: RequestOptions) {
    return this.request("SET_AGENT_STATE_REQ", fields, options);
  }
  makeCall(fields: RequestFields<"MAKE_CALL_REQ"> & { dialedNumber: string }, options?: RequestOptions) {
    return this.request("MAKE_CALL_REQ", fields, options);
  }
  answerCall(fields: RequestFields<"ANSWER_CALL_REQ"> & { connectionCallID: number }, options?: RequestOptions) {
    return this.request("ANSWER_CALL_REQ", fields, options);
  }
  holdCall(fields: RequestFields<"HOLD_CALL_REQ"> & { connectionCallID: number }, options?: RequestOptions) {
    return this.request("HOLD_CALL_REQ", fields, options);
  }
  retrieveCall(
    fields: RequestFields<"RETRIEVE_CALL_REQ"> & { heldConnectionCallID: number },
    options?: RequestOptions,
  ) {
    return this.request("RETRIEVE_CALL_REQ", fields, options);
  }
  transferCall(fields: RequestFields<"TRANSFER_CALL_REQ">, options?: RequestOptions) {
    return this.request("TRANSFER_CALL_REQ", fields, options);
  }
  conferenceCall(fields: RequestFields<"CONFERENCE_CALL_REQ">, options?: RequestOptions) {
    return this.request("CONFERENCE_CALL_REQ", fields, options);
  }
  clearCall(fields: RequestFields<"CLEAR_CALL_REQ"> & { connectionCallID: number }, options?: RequestOptions) {
    return this.request("CLEAR_CALL_REQ", fields, options);
  }
  clearConnection(
    fields: RequestFields<"CLEAR_CONNECTION_REQ"> & { connectionCallID: number },
    options?: RequestOptions,
  ) {
    return this.request("CLEAR_CONNECTION_REQ", fields, options);
  }
  setCallData(fields: RequestFields<"SET_CALL_DATA_REQ"> & { connectionCallID: number }, options?: RequestOptions) {
    return this.request("SET_CALL_DATA_REQ", fields, options);
  }
  snapshotCall(fields: RequestFields<"SNAPSHOT_CALL_REQ"> & { connectionCallID: number }, options?: RequestOptions) {
    return this.request("SNAPSHOT_CALL_REQ", fields, options);
  }
  snapshotDevice(fields: RequestFields<"SNAPSHOT_DEVICE_REQ"> = {}, options?: RequestOptions) {
    return this.request("SNAPSHOT_DEVICE_REQ", fields, options);
  }
  monitorStart(fields: RequestFields<"MONITOR_START_REQ">, options?: RequestOptions) {
    return this.request("MONITOR_START_REQ", fields, options);
  }
  monitorStop(fields: RequestFields<"MONITOR_STOP_REQ"> & { monitorID: number }, options?: RequestOptions) {
    return this.request("MONITOR_STOP_REQ", fields, options);
  }
}

/**
 * new CtiClient(options) and connect(connectOptions): resolves once the first session is open
 * (never rejects for want of a server unless `connectOptions` bound it).
 */
export async function connect(options: CtiClientOptions, connectOptions: ConnectOptions = {}): Promise<CtiClient> {
  const c = new CtiClient(options);
  await c.connect(connectOptions);
  return c;
}
