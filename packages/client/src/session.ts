import * as net from "node:net";
import * as tls from "node:tls";
import type { Clock, TimerHandle } from "./clock.js";
import {
  type CtiMessage,
  encode,
  FrameDecoder,
  FrameSplitter,
  isCtiProtocolError,
  type MessageByName,
} from "./codec.js";
import { type ClientErrorCode, CtiClientError, statusName } from "./errors.js";
import type { Side } from "./reconnect.js";

export interface Endpoint {
  host: string;
  port: number;
}

/**
 * The frame each message came in, for clients made with `keepFrames`: a non-enumerable property
 * under a private symbol, so it lives as long as its message and nothing that lists or copies the
 * message (JSON, spread, structuredClone) sees it. A WeakMap did the same at a high price: every
 * young-generation collection walked its table (the bridge's latency tail: packages/bridge/README.md).
 */
const FRAME = Symbol("ctiwire.frame");

/**
 * The bytes of the frame a message came in (header included), where the client was made with
 * `keepFrames: true`; undefined otherwise (and for SESSION_RESET, which no frame carries).
 */
export function frameOf(message: object): Uint8Array | undefined {
  return (message as { [FRAME]?: Uint8Array })[FRAME];
}

/** What a Session needs from the client. */
export interface SessionOptions {
  side: Side;
  endpoint: Endpoint;
  version: number;
  tls: false | tls.ConnectionOptions;
  clock: Clock;
  encoding: "latin1" | "utf8";
  /** Keep each message's frame (frameOf): the stream is split by a FrameSplitter that decodes. */
  keepFrames: boolean;
  connectTimeoutMs: number;
  openTimeoutMs: number;
  closeTimeoutMs: number;
  /** 0: no heartbeats. */
  heartbeatIntervalMs: number;
  maxMissedHeartbeats: number;
  nextInvokeID: () => number;
  onMessage: (session: Session, message: CtiMessage) => void;
  onClose: (session: Session, error: CtiClientError) => void;
  onWarning: (session: Session, error: unknown) => void;
}

interface Pending {
  request: string;
  resolve: (m: CtiMessage) => void;
  reject: (e: CtiClientError) => void;
  timer: TimerHandle | undefined;
}

type SessionState = "new" | "connecting" | "opening" | "open" | "closing" | "closed";

const OPEN_REJECTED_AS_UNAVAILABLE = new Set([
  15, // E_CTI_CTI_SERVER_OFFLINE (also a standby server's answer to clients below v24)
  92, // E_CTI_SERVER_NOT_MASTER
  107, // E_CTI_INVALID_CLIENT_FOR_STANDBY
]);

/** True when a FAILURE_CONF status to OPEN_REQ means "try the other side" rather than "your request is wrong". */
export function isSideUnavailableStatus(status: number | undefined): boolean {
  return status !== undefined && OPEN_REJECTED_AS_UNAVAILABLE.has(status);
}

function isResponse(type: string): boolean {
  return type.endsWith("_CONF") || type.endsWith("_RESP");
}

/**
 * One TCP (or TLS) connection and the CTI session on it: OPEN_REQ/OPEN_CONF, heartbeats, request
 * correlation by InvokeID, CLOSE_REQ/CLOSE_CONF. The client owns one active Session (and, with
 * active/standby, one standby Session).
 */
export class Session {
  readonly side: Side;
  readonly opts: SessionOptions;
  state: SessionState = "new";
  openConf: MessageByName<"OPEN_CONF"> | undefined;
  /** OPEN_CONF SessionType: 0 unknown (or before v24), 1 active, 2 standby. Promotion sets 1. */
  sessionType = 0;
  #socket: net.Socket | undefined;
  #frames: FrameDecoder | FrameSplitter;
  #pending = new Map<number, Pending>();
  #heartbeatIDs = new Set<number>();
  #heartbeatTimer: TimerHandle | undefined;
  #lastSentAt = 0;
  #paused = false;
  #closeError: CtiClientError | undefined;
  messagesReceived = 0;
  /** Messages that arrived with or after OPEN_CONF before the client adopted the session. */
  backlog: CtiMessage[] = [];

  constructor(opts: SessionOptions) {
    this.opts = opts;
    this.side = opts.side;
    const o = { version: opts.version, encoding: opts.encoding, onError: (e: unknown) => opts.onWarning(this, e) };
    this.#frames = opts.keepFrames ? new FrameSplitter({ ...o, decode: true }) : new FrameDecoder(o);
  }

  get standby(): boolean {
    return this.sessionType === 2;
  }

  get paused(): boolean {
    return this.#paused;
  }

  get pendingCount(): number {
    return this.#pending.size;
  }

  /** Connects, sends OPEN_REQ, resolves with OPEN_CONF. Rejects with CONNECT_FAILED or OPEN_FAILED (and closes). */
  async open(openReq: Record<string, unknown>): Promise<MessageByName<"OPEN_CONF">> {
    await this.#connect();
    this.state = "opening";
    let conf: CtiMessage;
    try {
      conf = await this.request({ ...openReq, type: "OPEN_REQ" } as CtiMessage, this.opts.openTimeoutMs);
    } catch (e) {
      const err = e as CtiClientError;
      const openErr =
        err.code === "FAILURE_CONF"
          ? new CtiClientError("OPEN_FAILED", `side ${this.side}: OPEN_REQ refused: ${err.statusName ?? err.status}`, {
              side: this.side,
              status: err.status as number,
              request: "OPEN_REQ",
              cause: err,
            })
          : new CtiClientError("OPEN_FAILED", `side ${this.side}: no OPEN_CONF (${err.message})`, {
              side: this.side,
              request: "OPEN_REQ",
              cause: err,
            });
      this.destroy(openErr);
      throw openErr;
    }
    if (conf.type !== "OPEN_CONF") {
      const err = new CtiClientError("OPEN_FAILED", `side ${this.side}: expected OPEN_CONF, got ${conf.type}`, {
        side: this.side,
      });
      this.destroy(err);
      throw err;
    }
    this.openConf = conf;
    this.sessionType = conf.sessionType ?? 0;
    this.state = "open";
    this.#startHeartbeats();
    return conf;
  }

  #connect(): Promise<void> {
    this.state = "connecting";
    const { host, port } = this.opts.endpoint;
    return new Promise((resolve, reject) => {
      let settled = false;
      const fail = (cause: unknown) => {
        if (settled) return;
        settled = true;
        this.opts.clock.clearTimeout(timer);
        const err = new CtiClientError(
          "CONNECT_FAILED",
          `side ${this.side} (${host}:${port}): ${cause instanceof Error ? cause.message : String(cause)}`,
          { side: this.side, cause },
        );
        this.destroy(err);
        reject(err);
      };
      const timer = this.opts.clock.setTimeout(
        () => fail(new Error(`connect timed out after ${this.opts.connectTimeoutMs} ms`)),
        this.opts.connectTimeoutMs,
      );
      const socket = this.opts.tls
        ? tls.connect({ host, port, ...(net.isIP(host) ? {} : { servername: host }), ...this.opts.tls })
        : net.connect({ host, port });
      this.#socket = socket;
      socket.once(this.opts.tls ? "secureConnect" : "connect", () => {
        if (settled) return;
        settled = true;
        this.opts.clock.clearTimeout(timer);
        socket.setNoDelay(true); // Chapter 4: disable Nagle so that every message leaves at once
        resolve();
      });
      socket.on("data", (chunk: Uint8Array) => this.#onData(chunk));
      socket.on("error", (e) => {
        if (!settled) fail(e);
        else {
          this.#endOfStream();
          this.destroy(
            new CtiClientError("CONNECTION_LOST", `side ${this.side}: ${e.message}`, { side: this.side, cause: e }),
          );
        }
      });
      socket.on("close", () => {
        if (!settled) fail(new Error("connection closed"));
        else {
          this.#endOfStream();
          this.destroy(
            new CtiClientError("CONNECTION_LOST", `side ${this.side}: connection closed by the server`, {
              side: this.side,
            }),
          );
        }
      });
    });
  }

  /** The server ended the connection: a frame it cut off is reported (TRUNCATED_STREAM) as a warning. */
  #endOfStream(): void {
    if (this.state === "closed") return;
    try {
      this.#frames.finish();
    } catch (e) {
      this.opts.onWarning(this, e);
    }
  }

  #onData(chunk: Uint8Array): void {
    if (this.state === "closed") return;
    try {
      const frames = this.#frames;
      if (frames instanceof FrameSplitter) {
        frames.write(chunk, (f) => {
          Object.defineProperty(f.message!, FRAME, { value: f.bytes });
          this.#onFrame(f.message!);
        });
      } else {
        frames.write(chunk, (m) => this.#onFrame(m));
      }
    } catch (e) {
      if (isCtiProtocolError(e) && (e.code === "MESSAGE_TOO_LONG" || e.code === "FRAMING_LOST")) {
        this.destroy(
          new CtiClientError("PROTOCOL_ERROR", `side ${this.side}: ${e.message}`, { side: this.side, cause: e }),
        );
      } else {
        this.opts.onWarning(this, e);
      }
    }
  }

  #onFrame(m: CtiMessage): void {
    if (this.state === "closed") return;
    this.messagesReceived++;
    const id = (m as { invokeID?: unknown }).invokeID;
    if (typeof id === "number" && isResponse(m.type)) {
      if (this.#heartbeatIDs.has(id)) {
        if (m.type === "FAILURE_CONF") {
          this.destroy(
            new CtiClientError("HEARTBEAT_FAILED", `side ${this.side}: heartbeat refused: ${statusName(m.status)}`, {
              side: this.side,
              status: m.status,
              invokeID: id,
            }),
          );
          return;
        }
        // A confirmation confirms every heartbeat sent before it.
        for (const h of this.#heartbeatIDs) {
          this.#heartbeatIDs.delete(h);
          if (h === id) break;
        }
        return;
      }
      const p = this.#pending.get(id);
      if (p) {
        this.#pending.delete(id);
        if (p.timer !== undefined) this.opts.clock.clearTimeout(p.timer);
        if (m.type === "FAILURE_CONF") {
          p.reject(
            new CtiClientError("FAILURE_CONF", `${p.request} failed: ${statusName(m.status)}`, {
              side: this.side,
              invokeID: id,
              request: p.request,
              status: m.status,
            }),
          );
        } else if (m.type === "CONTROL_FAILURE_CONF") {
          p.reject(
            new CtiClientError("CONTROL_FAILURE", `${p.request} failed: control failure ${m.failureCode}`, {
              side: this.side,
              invokeID: id,
              request: p.request,
              failureCode: m.failureCode,
              peripheralErrorCode: m.peripheralErrorCode,
            }),
          );
        } else {
          p.resolve(m);
        }
        return;
      }
    }
    this.opts.onMessage(this, m);
  }

  /** Sends a message without waiting for an answer. */
  send(m: CtiMessage): void {
    const socket = this.#socket;
    if (!socket || this.state === "closed" || this.state === "new" || this.state === "connecting") {
      throw new CtiClientError("NOT_CONNECTED", `side ${this.side}: not connected`, { side: this.side });
    }
    let bytes: Uint8Array;
    try {
      bytes = encode(m, { version: this.opts.version, encoding: this.opts.encoding });
    } catch (e) {
      throw new CtiClientError("INVALID_REQUEST", `${m.type}: ${(e as Error).message}`, {
        side: this.side,
        request: m.type,
        cause: e,
      });
    }
    this.#lastSentAt = this.opts.clock.now();
    socket.write(bytes);
  }

  /**
   * Sends a request with the next InvokeID and resolves with the confirmation that carries it.
   * FAILURE_CONF and CONTROL_FAILURE_CONF reject; so do the timeout and the end of the connection.
   */
  request(m: CtiMessage, timeoutMs: number): Promise<CtiMessage> {
    const invokeID = this.opts.nextInvokeID();
    const msg = { ...m, invokeID } as CtiMessage;
    return new Promise((resolve, reject) => {
      if (this.state === "closed") {
        reject(
          this.#closeError ?? new CtiClientError("NOT_CONNECTED", `side ${this.side}: closed`, { side: this.side }),
        );
        return;
      }
      const p: Pending = { request: m.type, resolve, reject, timer: undefined };
      if (timeoutMs > 0 && Number.isFinite(timeoutMs)) {
        p.timer = this.opts.clock.setTimeout(() => {
          if (this.#pending.get(invokeID) !== p) return;
          this.#pending.delete(invokeID);
          reject(
            new CtiClientError("TIMEOUT", `${m.type} (invokeID ${invokeID}): no confirmation within ${timeoutMs} ms`, {
              side: this.side,
              invokeID,
              request: m.type,
            }),
          );
        }, timeoutMs);
      }
      this.#pending.set(invokeID, p);
      try {
        this.send(msg);
      } catch (e) {
        this.#pending.delete(invokeID);
        if (p.timer !== undefined) this.opts.clock.clearTimeout(p.timer);
        reject(e);
      }
    });
  }

  #startHeartbeats(): void {
    const interval = this.opts.heartbeatIntervalMs;
    if (!(interval > 0)) return;
    this.#lastSentAt = this.opts.clock.now();
    const tick = () => {
      this.#heartbeatTimer = undefined;
      if (this.state !== "open") return;
      // While reading is paused for backpressure the confirmations sit unread in the socket:
      // the server is evidently alive, so unconfirmed heartbeats are not counted then.
      if (this.#paused) this.#heartbeatIDs.clear();
      if (this.#heartbeatIDs.size >= this.opts.maxMissedHeartbeats) {
        this.destroy(
          new CtiClientError(
            "HEARTBEAT_TIMEOUT",
            `side ${this.side}: ${this.#heartbeatIDs.size} heartbeats unconfirmed (interval ${interval} ms)`,
            { side: this.side },
          ),
        );
        return;
      }
      // Chapter 4: a HEARTBEAT_REQ whenever no message was sent for a heartbeat interval.
      if (this.opts.clock.now() - this.#lastSentAt >= interval || this.#heartbeatIDs.size > 0) {
        const id = this.opts.nextInvokeID();
        this.#heartbeatIDs.add(id);
        try {
          this.send({ type: "HEARTBEAT_REQ", messageType: 5, invokeID: id } as CtiMessage);
        } catch {
          return;
        }
      }
      this.#heartbeatTimer = this.opts.clock.setTimeout(tick, interval);
    };
    this.#heartbeatTimer = this.opts.clock.setTimeout(tick, interval);
  }

  pause(): void {
    if (this.#paused) return;
    this.#paused = true;
    this.#socket?.pause();
  }

  resume(): void {
    if (!this.#paused) return;
    this.#paused = false;
    this.#socket?.resume();
  }

  /**
   * CLOSE_REQ (Status E_CTI_NO_ERROR unless given), then up to closeTimeoutMs for CLOSE_CONF
   * (Chapter 4: "wait up to 5 seconds"), then the connection is reset. Outstanding requests reject
   * with `code`.
   */
  async close(status = 0, code: ClientErrorCode = "CLOSED"): Promise<void> {
    if (this.state === "closed") return;
    if (this.state === "open") {
      this.state = "closing";
      // CLOSE_CONF has to be read: reading paused for a slow consumer (or for the first events'
      // delivery) would otherwise make every close wait out closeTimeoutMs.
      this.resume();
      try {
        await this.request({ type: "CLOSE_REQ", status } as CtiMessage, this.opts.closeTimeoutMs);
      } catch {
        // no CLOSE_CONF in time, or the connection went first: reset anyway
      }
    }
    this.destroy(new CtiClientError(code, `side ${this.side}: session closed`, { side: this.side }));
  }

  /** Rejects every outstanding request with `error`'s code (the session goes on). */
  rejectPending(error: CtiClientError): void {
    for (const [invokeID, p] of this.#pending) {
      if (p.timer !== undefined) this.opts.clock.clearTimeout(p.timer);
      p.reject(
        new CtiClientError(error.code, `${p.request} (invokeID ${invokeID}): ${error.message}`, {
          side: this.side,
          invokeID,
          request: p.request,
          cause: error,
        }),
      );
    }
    this.#pending.clear();
  }

  /** Resets the connection (linger 0 where the runtime has it) and rejects what is outstanding. */
  destroy(error: CtiClientError, pendingCode?: ClientErrorCode): void {
    if (this.state === "closed") return;
    this.state = "closed";
    this.#closeError = error;
    if (this.#heartbeatTimer !== undefined) this.opts.clock.clearTimeout(this.#heartbeatTimer);
    const s = this.#socket;
    if (s && !s.destroyed) {
      const reset = (s as { resetAndDestroy?: () => void }).resetAndDestroy;
      if (typeof reset === "function" && !this.opts.tls && s.readyState === "open") {
        try {
          reset.call(s);
        } catch {
          s.destroy();
        }
      } else s.destroy();
    }
    const code =
      pendingCode ?? (error.code === "CLOSED" || error.code === "SIDE_SWITCHED" ? error.code : "CONNECTION_LOST");
    for (const [invokeID, p] of this.#pending) {
      if (p.timer !== undefined) this.opts.clock.clearTimeout(p.timer);
      p.reject(
        new CtiClientError(code, `${p.request} (invokeID ${invokeID}): ${error.message}`, {
          side: this.side,
          invokeID,
          request: p.request,
          cause: error,
        }),
      );
    }
    this.#pending.clear();
    this.opts.onClose(this, error);
  }
}
