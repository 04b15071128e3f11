/**
 * The CTI Server: TCP listeners for side A (and B), sessions with the wire format of their
 * negotiated version, OPEN_REQ validation (Ch 4), heartbeats, IdleTimeout, CLOSE, client-monitor
 * notifications, event fan-out and the client's requests, plus fault injection for tests.
 */
import { EventEmitter } from "node:events";
import * as net from "node:net";
import * as tls from "node:tls";
import {
  AgentState,
  type CtiMessage,
  decode,
  StatusCode as E,
  FrameSplitter,
  isCtiProtocolError,
  isProtocolVersion,
  LATEST_PROTOCOL_VERSION,
  messageSpec,
  messageTypeNumber,
  type ProtocolVersion,
  CTIServiceMask as SVC,
} from "ctiwire";
import { encodeMessage, type Props } from "./build.js";
import { type SimulatorClock, systemClock } from "./clock.js";
import { handleRequest, NULL_ID, type RequestHost } from "./requests.js";
import type { Session, Side } from "./session.js";

/** No guide prints its layout (Ch 4 describes a header-only message), so it goes out as raw bytes. */
const STANDBY_ACTIVE_EVENT_MSG = messageTypeNumber("STANDBY_ACTIVE_EVENT_MSG")!;

/** OPEN_REQ is read before a version is agreed: its number and the offsets of the fields every version puts first. */
const OPEN_REQ = messageTypeNumber("OPEN_REQ")!;
const openReqField = (name: string) =>
  messageSpec("OPEN_REQ", LATEST_PROTOCOL_VERSION)!.fixed.find((f) => f.name === name)!.offset;
const INVOKE_ID_AT = openReqField("InvokeID");
const VERSION_NUMBER_AT = openReqField("VersionNumber");

export type { Side };

import {
  type Agent,
  agentStateMaskBit,
  CALL_EVENT_MASK_BITS,
  ContactCenter,
  DEFAULT_TIMING,
  PT_ENTERPRISE_AGENT,
  type SimEvent,
  TEAM_CONFIG,
  type Timing,
} from "./contact-center.js";

export interface SimulatorOptions {
  /** Address to listen on (default 127.0.0.1). */
  host?: string;
  /** Side A port (0 = ephemeral, the default). */
  port?: number;
  /** Side B port: when given (0 = ephemeral), the simulator is duplex. */
  portB?: number;
  /** Number of agents (default 10). */
  agents?: number;
  /** Mean call arrival rate (default 0.5; 0 = no scripted calls). */
  callsPerSecond?: number;
  /** Seed of the PRNG that drives agents and calls (default 1). */
  seed?: number;
  /** PeripheralID of the simulated ACD (default 5000). */
  peripheralID?: number;
  /** Time source (default: the system clock). Use ManualClock for reproducible tests. */
  clock?: SimulatorClock;
  /** TLS (secured GED-188) instead of plain TCP. */
  tls?: { key: string | Buffer; cert: string | Buffer };
  /** Which side is active at start (default A). */
  activeSide?: Side;
  /** Close sessions idle for longer than their IdleTimeout (default true). */
  idleTimeoutEnforced?: boolean;
  /** Extra load: AGENT_STATE_EVENTs per second re-reporting agents' current states (default 0). */
  eventRate?: number;
  // --- additions ---------------------------------------------------------------------------
  /** When set, OPEN_REQ ClientID/ClientPassword must match (else E_CTI_INVALID_PASSWORD). */
  credentials?: { clientID: string; password: string };
  /** Start with the scripted contact center paused (control requests still work). */
  paused?: boolean;
  /** Durations of the script, ms ([min, max] ranges). */
  timing?: Partial<Timing>;
  /** Probability that a scripted agent puts a call on hold (default 0.2). */
  holdChance?: number;
  /** Probability that a scripted agent transfers a call to another agent (default 0.1). */
  transferChance?: number;
  /** Probability that a scripted agent goes NOT_READY after wrap-up (default 0.1). */
  notReadyChance?: number;
  /** Calls waiting for an agent beyond this many are abandoned, oldest first (default 100). */
  maxQueue?: number;
  /** A session whose unsent output exceeds this many bytes is dropped (default 1 MiB). */
  maxBufferedBytes?: number;
  /** Agents per agent team; the first agent of each team is its supervisor (default 5). */
  teamSize?: number;
  /**
   * Every frame read from a session ("in"), every write to its socket ("out") and the connection's
   * end ("end", once, after its last bytes), as they happen (`simulate --pcap`).
   */
  onWire?: (info: WireInfo) => void;
}

/** What `onWire` gets: bytes read or written, or the connection's end. */
export type WireInfo = WireBytes | WireEnd;

interface WireSession {
  sessionID: number;
  side: Side;
  remoteAddress: string;
  remotePort: number;
}

/** Bytes of a session: a frame read ("in") or a write ("out"); not to be kept: copy them. */
export interface WireBytes extends WireSession {
  direction: "in" | "out";
  bytes: Uint8Array;
}

/**
 * The end of a session's connection. "close": a FIN from `by`, then the other side's (the client
 * half-closed, or the simulator ended the socket after CLOSE_CONF or a rejected OPEN_REQ). "reset":
 * the connection was aborted by `by`: the client's RST, or the simulator destroyed the socket
 * (a client dropped, an idle timeout, a failover, the simulator's close), whatever was still unsent
 * being lost.
 */
export interface WireEnd extends WireSession {
  direction: "end";
  how: "close" | "reset";
  by: "client" | "server";
}

export interface DropOptions {
  /** Write the first half of a frame before closing, so the client sees a truncated frame. */
  midFrame?: boolean;
  /** Reset (RST) instead of a graceful FIN. */
  reset?: boolean;
}

export interface SessionInfo {
  sessionID: number;
  side: Side;
  version: number;
  clientID: string;
  servicesGranted: number;
  standby: boolean;
  agentID?: string;
  remoteAddress: string;
  remotePort: number;
}

export interface SessionCloseInfo extends SessionInfo {
  status: number;
}

export interface RequestInfo {
  sessionID: number;
  side: Side;
  message: CtiMessage;
}

export interface SimulatorStats {
  /** Sessions currently open. */
  sessions: number;
  framesIn: number;
  framesOut: number;
  /** Unsolicited events written to sessions. */
  eventsSent: number;
  /** TCP connections currently open (sessions or not). */
  connections: number;
}

/** Every bit the CTI Service Masks table names (others → E_CTI_INVALID_SERVICE_MASK). */
const KNOWN_SERVICE_BITS = 0x80000000 | 0x02000000 | 0x00780000 | 0x0000bfff;
/**
 * Services the simulator grants: every named service. CONFIG_MSG_AGENT_SERVICE_MASK (0x200) is a
 * ConfigMsgMask bit the table lists among the services, so it is not granted.
 */
const SUPPORTED = KNOWN_SERVICE_BITS & ~0x200;
const KNOWN_AGENT_STATE_BITS = 0x3fff;
const KNOWN_CONFIG_BITS = 0x13f;

function clip(s: string | undefined, max: number): string {
  if (s === undefined) return "";
  return s.length > max - 1 ? s.slice(0, max - 1) : s;
}

function latin1(b: Uint8Array | undefined): string {
  if (!b) return "";
  let s = "";
  for (const c of b) {
    if (c === 0) break;
    s += String.fromCharCode(c);
  }
  return s;
}

export class Simulator extends EventEmitter {
  readonly address: string;
  readonly stats: SimulatorStats = { sessions: 0, framesIn: 0, framesOut: 0, eventsSent: 0, connections: 0 };
  readonly contactCenter: ContactCenter;
  #portA = 0;
  #portB: number | undefined;
  readonly #o: SimulatorOptions;
  readonly #clock: SimulatorClock;
  readonly #servers: { side: Side; server: net.Server }[] = [];
  /** Every connection, in accept order. */
  readonly #sessions = new Map<number, Session>();
  #nextSessionID = 1;
  #nextMonitorID = 1;
  #heartbeatsStopped = false;
  #activeSide: Side;
  #closed = false;
  #nextID = 1;
  readonly #host: RequestHost;

  constructor(o: SimulatorOptions) {
    super();
    this.#o = o;
    this.address = o.host ?? "127.0.0.1";
    this.#clock = o.clock ?? systemClock;
    this.#activeSide = o.activeSide ?? "A";
    this.contactCenter = new ContactCenter(
      {
        agents: o.agents ?? 10,
        callsPerSecond: o.callsPerSecond ?? 0.5,
        seed: o.seed ?? 1,
        peripheralID: o.peripheralID ?? 5000,
        clock: this.#clock,
        timing: { ...DEFAULT_TIMING, ...o.timing },
        holdChance: o.holdChance ?? 0.2,
        transferChance: o.transferChance ?? 0.1,
        notReadyChance: o.notReadyChance ?? 0.1,
        maxQueue: o.maxQueue ?? 100,
        eventRate: o.eventRate ?? 0,
        teamSize: o.teamSize,
      },
      (ev) => this.#broadcast(ev),
    );
    const sim = this;
    this.#host = {
      contactCenter: this.contactCenter,
      get heartbeatsStopped() {
        return sim.#heartbeatsStopped;
      },
      send: (s, name, props, event) => this.#send(s, name, props, event),
      close: (s) => {
        s.closeStatus = E.E_CTI_NO_ERROR;
        this.#endSession(s, E.E_CTI_NO_ERROR);
        this.#closeAfterFlush(s);
      },
      activeSessions: () => [...this.#sessions.values()].filter((x) => x.open && !x.standby && !x.closed),
      nextMonitorID: () => this.#nextMonitorID++,
      nextID: () => this.#nextID++,
      now: () => this.#clock.now(),
    };
  }

  get portA(): number {
    return this.#portA;
  }

  get portB(): number | undefined {
    return this.#portB;
  }

  get activeSide(): Side {
    return this.#activeSide;
  }

  get peripheralID(): number {
    return this.contactCenter.peripheralID;
  }

  /** Open sessions (info for tests). */
  sessions(): SessionInfo[] {
    return [...this.#sessions.values()].filter((s) => s.open).map((s) => this.#info(s));
  }

  async listen(): Promise<void> {
    const sides: { side: Side; port: number }[] = [{ side: "A", port: this.#o.port ?? 0 }];
    if (this.#o.portB !== undefined) sides.push({ side: "B", port: this.#o.portB });
    for (const { side, port } of sides) {
      const onConn = (socket: net.Socket) => this.#accept(side, socket);
      const server = this.#o.tls
        ? tls.createServer({ key: this.#o.tls.key, cert: this.#o.tls.cert }, onConn)
        : net.createServer(onConn);
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, this.address, () => {
          server.off("error", reject);
          resolve();
        });
      });
      const addr = server.address() as net.AddressInfo;
      if (side === "A") this.#portA = addr.port;
      else this.#portB = addr.port;
      this.#servers.push({ side, server });
    }
    this.contactCenter.start();
    if (this.#o.paused) this.contactCenter.pause();
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.contactCenter.stop();
    for (const s of this.#sessions.values()) {
      this.#clearIdle(s);
      this.#wireEnd(s, "reset", "server");
      s.socket.destroy();
    }
    await Promise.all(this.#servers.map(({ server }) => new Promise<void>((resolve) => server.close(() => resolve()))));
  }

  // -------------------------------------------------------------------------------------------
  // fault injection

  dropConnections(side?: Side, opts: DropOptions = {}): void {
    for (const s of [...this.#sessions.values()]) {
      if (side && s.side !== side) continue;
      if (s.closed) continue;
      s.closeStatus ??= E.E_CTI_CLIENT_DISCONNECTED;
      if (opts.midFrame) {
        const frame = encodeMessage("HEARTBEAT_CONF", s.version ?? LATEST_PROTOCOL_VERSION, {
          invokeID: 0xdead,
        }) as Uint8Array;
        const half = frame.subarray(0, Math.floor(frame.length / 2));
        this.#wire(s, "out", half);
        s.socket.write(half);
        this.#wireEnd(s, "close", "server");
        s.socket.end();
        s.socket.destroySoon?.();
      } else {
        this.#wireEnd(s, "reset", "server");
        if (opts.reset && typeof s.socket.resetAndDestroy === "function") s.socket.resetAndDestroy();
        else s.socket.destroy();
      }
      this.#endSession(s, s.closeStatus);
    }
  }

  stopHeartbeats(on: boolean): void {
    this.#heartbeatsStopped = on;
  }

  /**
   * Makes the standby side active (v24 active/standby): its ACTIVE_STANDBY sessions get
   * STANDBY_ACTIVE_EVENT_MSG (type 277) and start receiving events. On the old active side,
   * ACTIVE_STANDBY sessions stay open as standby sessions and all others are closed (as when a
   * CTI Server fails over). With `closeOld: true` every old-side session is closed.
   */
  switchActiveSide(opts: { closeOld?: boolean } = {}): void {
    const old = this.#activeSide;
    this.#activeSide = old === "A" ? "B" : "A";
    for (const s of [...this.#sessions.values()]) {
      if (s.closed) continue;
      if (s.side === this.#activeSide) {
        if (s.open && s.standby) {
          s.standby = false;
          this.#sendRaw(s, { type: "UNKNOWN", messageType: STANDBY_ACTIVE_EVENT_MSG, body: new Uint8Array(0) });
          if (s.services & SVC.CTI_SERVICE_ALL_EVENTS) this.#sendSystemEvents(s);
          this.#sendTeamConfig(s);
        }
      } else {
        const keep = !opts.closeOld && s.open && (s.services & SVC.CTI_SERVICE_ACTIVE_STANDBY) !== 0;
        if (keep) s.standby = true;
        else {
          s.closeStatus ??= E.E_CTI_CTI_SERVER_OFFLINE;
          this.#wireEnd(s, "reset", "server");
          s.socket.destroy();
          this.#endSession(s, s.closeStatus);
        }
      }
    }
  }

  pause(): void {
    this.contactCenter.pause();
  }

  resume(): void {
    this.contactCenter.resume();
  }

  // -------------------------------------------------------------------------------------------
  // connections and framing

  #accept(side: Side, socket: net.Socket): void {
    if (this.#closed) {
      socket.destroy();
      return;
    }
    socket.setNoDelay(true);
    const s: Session = {
      id: this.#nextSessionID++,
      side,
      socket,
      frames: new FrameSplitter({ version: LATEST_PROTOCOL_VERSION }),
      open: false,
      standby: false,
      closed: false,
      services: 0,
      callMsgMask: 0,
      agentStateMask: 0,
      clientID: "",
      clientSignature: "",
      peripheralID: NULL_ID,
      monitors: [],
      sessionMonitors: new Map(),
      registeredServices: new Map(),
      recordings: new Set(),
      remoteAddress: (socket.remoteAddress ?? "").replace(/^::ffff:/, ""),
      remotePort: socket.remotePort ?? 0,
    };
    this.#sessions.set(s.id, s);
    this.stats.connections++;
    socket.on("data", (chunk: Buffer) => this.#onData(s, chunk));
    // The client's FIN (Node answers with the server's, the socket not being half-open).
    socket.on("end", () => this.#wireEnd(s, "close", "client"));
    socket.on("error", () => {});
    socket.on("close", (hadError) => {
      // Not ended by the simulator nor by a FIN: the client's RST (ECONNRESET).
      this.#wireEnd(s, hadError ? "reset" : "close", "client");
      this.stats.connections--;
      s.closed = true;
      this.#endSession(s, s.closeStatus ?? E.E_CTI_CLIENT_DISCONNECTED);
      this.#sessions.delete(s.id);
    });
  }

  #onData(s: Session, chunk: Buffer): void {
    if (s.closed) return;
    let frames: ReturnType<FrameSplitter["push"]>;
    try {
      frames = s.frames.push(chunk);
    } catch (e) {
      // MESSAGE_TOO_LONG: a MessageLength above the limit; the stream cannot be followed further.
      if (!isCtiProtocolError(e)) throw e;
      // The frame is not read, so its InvokeID is not known: the FAILURE_CONF carries 0.
      this.#failure(s, 0, E.E_CTI_INVALID_MESSAGE_LENGTH);
      this.#kill(s, E.E_CTI_INVALID_MESSAGE_LENGTH);
      return;
    }
    for (const f of frames) {
      this.#wire(s, "in", f.bytes);
      this.stats.framesIn++;
      this.#touch(s);
      this.#onFrame(s, f.bytes);
      if (s.closed) return;
    }
  }

  /** Any message received restarts the idle timer. */
  #touch(s: Session): void {
    if (!s.open || s.idleTimeoutMs === undefined || this.#o.idleTimeoutEnforced === false) return;
    this.#clearIdle(s);
    s.idleTimer = this.#clock.setTimeout(() => {
      s.idleTimer = undefined;
      if (s.closed) return;
      this.#kill(s, E.E_CTI_TIMEOUT, true);
    }, s.idleTimeoutMs);
  }

  #clearIdle(s: Session): void {
    if (s.idleTimer !== undefined) this.#clock.clearTimeout(s.idleTimer);
    s.idleTimer = undefined;
  }

  /**
   * Closes the connection once what was written is flushed, as a real CTI Server does after it
   * rejects OPEN_REQ or confirms CLOSE_REQ. end() alone would leave the socket half-open: a client
   * that never half-closes would have its heartbeats swallowed and never fail over. The timer
   * bounds the wait for a peer that does not read.
   */
  #closeAfterFlush(s: Session): void {
    s.closed = true;
    const socket = s.socket;
    if (socket.destroyed) return;
    this.#wireEnd(s, "close", "server");
    const t = setTimeout(() => socket.destroy(), 2000);
    t.unref?.();
    socket.once("close", () => clearTimeout(t));
    socket.end(() => socket.destroy());
  }

  #kill(s: Session, status: number, reset = false): void {
    s.closeStatus ??= status;
    this.#wireEnd(s, "reset", "server");
    if (reset && typeof s.socket.resetAndDestroy === "function") s.socket.resetAndDestroy();
    else s.socket.destroy();
    this.#endSession(s, s.closeStatus);
  }

  #endSession(s: Session, status: number): void {
    this.#clearIdle(s);
    if (!s.open) return;
    s.open = false;
    this.stats.sessions--;
    if (s.agent && s.agent.sessionID === s.id) this.contactCenter.setManual(s.agent, false, 0);
    const info: SessionCloseInfo = { ...this.#info(s), status };
    for (const m of this.#sessions.values()) {
      if (m === s || !m.open || m.standby || !(m.services & SVC.CTI_SERVICE_CLIENT_MONITOR)) continue;
      this.#send(m, "CLIENT_SESSION_CLOSED_EVENT", { ...this.#sessionProps(s), status }, true);
    }
    this.emit("session-close", info);
  }

  #wire(s: Session, direction: "in" | "out", bytes: Uint8Array): void {
    const on = this.#o.onWire;
    // After the end (a client still sending into a half-closed connection) nothing more is recorded.
    if (on === undefined || s.wireEnded) return;
    const { id: sessionID, side, remoteAddress, remotePort } = s;
    on({ sessionID, side, direction, bytes, remoteAddress, remotePort });
  }

  /** The connection's end, reported once: the first of the ways it ends is what happened on the wire. */
  #wireEnd(s: Session, how: WireEnd["how"], by: WireEnd["by"]): void {
    if (s.wireEnded) return;
    s.wireEnded = true;
    const on = this.#o.onWire;
    if (on === undefined) return;
    const { id: sessionID, side, remoteAddress, remotePort } = s;
    on({ sessionID, side, direction: "end", how, by, remoteAddress, remotePort });
  }

  #info(s: Session): SessionInfo {
    return {
      sessionID: s.id,
      side: s.side,
      version: s.version ?? 0,
      clientID: s.clientID,
      servicesGranted: s.services,
      standby: s.standby,
      agentID: s.agent?.agentID,
      remoteAddress: s.remoteAddress,
      remotePort: s.remotePort,
    };
  }

  // -------------------------------------------------------------------------------------------
  // sending

  #write(s: Session, bytes: Uint8Array, event: boolean): void {
    // Ended (the client's FIN was answered with the server's): a write would not reach the wire.
    if (s.closed || s.socket.destroyed || s.socket.writableEnded) return;
    this.#wire(s, "out", bytes);
    s.socket.write(bytes);
    this.stats.framesOut++;
    if (event) this.stats.eventsSent++;
    if (s.socket.writableLength > (this.#o.maxBufferedBytes ?? 1 << 20)) {
      // a client that does not read: drop it rather than buffer without bound
      this.#kill(s, E.E_CTI_CLIENT_DISCONNECTED);
    }
  }

  #send(s: Session, name: string, props: Props, event = false): void {
    const bytes = encodeMessage(name, s.version ?? LATEST_PROTOCOL_VERSION, props);
    if (bytes) this.#write(s, bytes, event);
  }

  #sendRaw(s: Session, m: { type: "UNKNOWN"; messageType: number; body: Uint8Array }): void {
    const body = m.body;
    const out = new Uint8Array(8 + body.length);
    const dv = new DataView(out.buffer);
    dv.setUint32(0, body.length);
    dv.setUint32(4, m.messageType);
    out.set(body, 8);
    this.#write(s, out, true);
  }

  #failure(s: Session, invokeID: number, status: number): void {
    this.#send(s, "FAILURE_CONF", { invokeID, status });
  }

  #wants(s: Session, ev: SimEvent): { monitorID: number }[] {
    const out: { monitorID: number }[] = [];
    if (ev.teamID !== undefined) {
      // team configuration changes go to the team's supervisor sessions only
      const t = this.contactCenter.teamByID(ev.teamID);
      if (t && s.agent && t.supervisor === s.agent && s.services & SVC.CTI_SERVICE_SUPERVISOR)
        out.push({ monitorID: 0 });
      return out;
    }
    const isAgent = ev.name === "AGENT_STATE_EVENT";
    const passes = (callMask: number, agentMask: number) => {
      if (isAgent) return (agentMask & agentStateMaskBit(ev.agentState ?? 0)) !== 0;
      const bit = CALL_EVENT_MASK_BITS[ev.name];
      return bit === undefined || (callMask & bit) !== 0;
    };
    const all = (s.services & SVC.CTI_SERVICE_ALL_EVENTS) !== 0;
    const mine =
      (s.services & SVC.CTI_SERVICE_CLIENT_EVENTS) !== 0 &&
      s.agent !== undefined &&
      ev.devices.includes(s.agent.extension);
    // devicesOnly: an ALL_EVENTS session (even one of the agent's) had the event already
    const reached = ev.devicesOnly ? mine && !all : all || mine;
    if (reached && passes(s.callMsgMask, s.agentStateMask)) out.push({ monitorID: 0 });
    for (const m of s.monitors) {
      const team = m.teamID !== undefined ? this.contactCenter.teamByID(m.teamID) : undefined;
      const hit =
        (m.device !== undefined && ev.devices.includes(m.device)) ||
        (m.callID !== undefined && m.callID === ev.callID && !ev.devicesOnly) ||
        (isAgent && team?.members.some((a) => ev.devices.includes(a.extension)));
      if (hit && passes(m.callMsgMask, m.agentStateMask)) out.push({ monitorID: m.id });
    }
    return out;
  }

  #broadcast(ev: SimEvent): void {
    const cache = new Map<number, Uint8Array | null>();
    for (const s of [...this.#sessions.values()]) {
      if (!s.open || s.standby || s.closed || s.version === undefined) continue;
      for (const { monitorID } of this.#wants(s, ev)) {
        if (monitorID === 0) {
          let bytes = cache.get(s.version);
          if (bytes === undefined) {
            bytes = encodeMessage(ev.name, s.version, ev.props);
            cache.set(s.version, bytes);
          }
          if (bytes) this.#write(s, bytes, true);
        } else {
          this.#send(s, ev.name, { ...ev.props, monitorID }, true);
        }
      }
    }
  }

  #sessionProps(s: Session): Props {
    const v = s.version ?? LATEST_PROTOCOL_VERSION;
    const addrMax =
      messageSpec("CLIENT_SESSION_OPENED_EVENT", v)?.floating.find((f) => f.name === "ClientAddress")?.maxSize ?? 16;
    return {
      sessionID: s.id,
      peripheralID: s.peripheralID,
      servicesGranted: s.services,
      callMsgMask: s.callMsgMask,
      agentStateMask: s.agentStateMask,
      clientPort: s.remotePort,
      clientAddress: clip(s.remoteAddress, addrMax),
      clientID: s.clientID,
      clientSignature: s.clientSignature,
      agentExtension: s.agent?.extension,
      agentID: s.agent?.agentID,
      agentInstrument: s.agent?.instrument,
    };
  }

  #sendSystemEvents(s: Session): void {
    this.#send(
      s,
      "SYSTEM_EVENT",
      {
        pgStatus: 0,
        icmCentralControllerTime: Math.floor(this.#clock.now() / 1000),
        systemEventID: 3, // SYS_PERIPHERAL_ONLINE
        systemEventArg1: this.contactCenter.peripheralID,
        systemEventArg2: 0,
        systemEventArg3: 0,
        eventDeviceType: 0xffff,
        eventDeviceID: "",
      },
      true,
    );
  }

  // -------------------------------------------------------------------------------------------
  // requests

  #onFrame(s: Session, frame: Uint8Array): void {
    const dv = new DataView(frame.buffer, frame.byteOffset, frame.length);
    const type = dv.getUint32(4);
    const invokeID = frame.length >= INVOKE_ID_AT + 4 ? dv.getUint32(INVOKE_ID_AT) : 0;
    if (!s.open) {
      if (type !== OPEN_REQ) {
        this.#failure(s, invokeID, E.E_CTI_SESSION_NOT_OPEN);
        return;
      }
      this.#open(s, frame, dv, invokeID);
      return;
    }
    const v = s.version as ProtocolVersion;
    let m: CtiMessage;
    try {
      m = decode(frame, { version: v });
    } catch {
      this.#failure(s, invokeID, E.E_CTI_BAD_MESSAGE_FORMAT);
      return;
    }
    this.emit("request", { sessionID: s.id, side: s.side, message: m } satisfies RequestInfo);
    try {
      handleRequest(this.#host, s, m, invokeID);
    } catch {
      // a defect in a handler must not take the simulator down: the client still gets an answer
      this.#failure(s, invokeID, E.E_CTI_UNSPECIFIED_FAILURE);
    }
  }

  #open(s: Session, frame: Uint8Array, dv: DataView, invokeID: number) {
    const version = frame.length >= VERSION_NUMBER_AT + 4 ? dv.getUint32(VERSION_NUMBER_AT) : 0;
    const reject = (status: number) => {
      this.#failure(s, invokeID, status);
      // "If the CTI Server rejects an OPEN_REQ message, reset the TCP connection": the client
      // should; the simulator closes the connection itself once the FAILURE_CONF is flushed.
      this.#closeAfterFlush(s);
    };
    if (!isProtocolVersion(version)) return reject(E.E_CTI_INVALID_VERSION);
    let m: CtiMessage;
    try {
      m = decode(frame, { version });
    } catch {
      return reject(E.E_CTI_BAD_MESSAGE_FORMAT);
    }
    if (m.type !== "OPEN_REQ") return reject(E.E_CTI_BAD_MESSAGE_FORMAT);
    this.emit("request", { sessionID: s.id, side: s.side, message: m } satisfies RequestInfo);
    const req = m; // narrowed to OPEN_REQ: the generated message type
    const services = req.servicesRequested >>> 0;
    if (req.idleTimeout !== NULL_ID && req.idleTimeout < 20) return reject(E.E_CTI_INVALID_TIMEOUT);
    if ((services & ~KNOWN_SERVICE_BITS) >>> 0 !== 0) return reject(E.E_CTI_INVALID_SERVICE_MASK);
    if (version < 24 && services & SVC.CTI_SERVICE_ACTIVE_STANDBY) return reject(E.E_CTI_INVALID_SERVICE_MASK);
    if ((req.agentStateMask & ~KNOWN_AGENT_STATE_BITS) >>> 0 !== 0) return reject(E.E_CTI_INVALID_AGENT_STATE_MASK);
    if ((req.configMsgMask & ~KNOWN_CONFIG_BITS) >>> 0 !== 0) return reject(E.E_INVALID_CONFIG_MSG_MASK);
    if (req.reserved1 !== 0 || req.reserved2 !== 0 || req.reserved3 !== 0)
      return reject(E.E_CTI_INVALID_RESERVED_FIELD);
    if (req.clientID === undefined || req.clientPassword === undefined) return reject(E.E_CTI_REQUIRED_DATA_MISSING);
    const cred = this.#o.credentials;
    if (cred && (req.clientID !== cred.clientID || latin1(req.clientPassword) !== cred.password)) {
      return reject(E.E_CTI_INVALID_PASSWORD);
    }
    // UniqueInstanceID (E_CTI_DUPLICATE_UNIQUE_INSTANCE_ID) is not checked: the guides print it in
    // OPEN_REQ's table but give it no tag, so no frame can carry it (see the extractor's report).
    const cc = this.contactCenter;
    const peripheralGiven = req.peripheralID !== NULL_ID;
    if (peripheralGiven && req.peripheralID !== cc.peripheralID) return reject(E.E_CTI_INVALID_PERIPHERAL_ID);
    let agent: Agent | undefined;
    if (services & SVC.CTI_SERVICE_CLIENT_EVENTS) {
      const ids = { agentID: req.agentID, extension: req.agentExtension, instrument: req.agentInstrument };
      if (!ids.agentID && !ids.extension && !ids.instrument) return reject(E.E_CTI_REQUIRED_DATA_MISSING);
      if (!peripheralGiven) return reject(E.E_CTI_INVALID_PERIPHERAL_ID);
      const matches = new Set<Agent>();
      for (const q of [{ agentID: ids.agentID }, { extension: ids.extension }, { instrument: ids.instrument }]) {
        if (!Object.values(q)[0]) continue;
        const a = cc.findAgent(q);
        if (!a) return reject(E.E_CTI_INVALID_AGENT_DATA);
        matches.add(a);
      }
      if (matches.size > 1) return reject(E.E_CTI_INCONSISTENT_AGENT_DATA);
      agent = [...matches][0] as Agent;
      for (const o of [...this.#sessions.values()]) {
        if (o === s || !o.open || o.agent !== agent || o.standby) continue;
        if (o.clientID !== req.clientID) return reject(E.E_CTI_DEVICE_IN_USE);
        // same client: the old session ends, the new one opens
        this.#send(o, "FAILURE_EVENT", { status: E.E_CTI_NEW_SESSION_OPENED });
        o.closeStatus = E.E_CTI_NEW_SESSION_OPENED;
        this.#endSession(o, E.E_CTI_NEW_SESSION_OPENED);
        this.#closeAfterFlush(o);
      }
    }
    // "requires CTI_SERVICE_CLIENT_EVENTS ... If the agent is a supervisor, the CTI Server will open
    // the session ... Otherwise, the FAILURE_CONF ... E_CTI_FUNCTION_NOT_AVAILABLE" (Supervisor Service)
    if (services & SVC.CTI_SERVICE_SUPERVISOR && (!agent || cc.teamsSupervisedBy(agent).length === 0)) {
      return reject(E.E_CTI_FUNCTION_NOT_AVAILABLE);
    }
    // Side: the standby side accepts only v24+ clients that support active/standby.
    const standby = s.side !== this.#activeSide;
    if (standby) {
      if (version < 24) return reject(E.E_CTI_CTI_SERVER_OFFLINE);
      if (!(services & SVC.CTI_SERVICE_ACTIVE_STANDBY)) return reject(E.E_CTI_INVALID_CLIENT_FOR_STANDBY);
    }
    // open
    s.version = version;
    s.frames.setVersion(version);
    s.open = true;
    s.standby = standby;
    s.services = services & SUPPORTED;
    s.callMsgMask = req.callMsgMask >>> 0;
    s.agentStateMask = req.agentStateMask >>> 0;
    s.idleTimeoutMs = req.idleTimeout === NULL_ID ? undefined : req.idleTimeout * 1000;
    s.clientID = req.clientID;
    s.clientSignature = req.clientSignature ?? req.clientID;
    s.peripheralID = peripheralGiven ? req.peripheralID : NULL_ID;
    s.agent = agent;
    this.stats.sessions++;
    if (agent) {
      const control = (s.services & SVC.CTI_SERVICE_CLIENT_CONTROL) !== 0;
      if (control) cc.setManual(agent, true, s.id);
      else if (agent.sessionID === 0) agent.sessionID = s.id;
    }
    const signedIn = agent !== undefined && cc.loggedIn(agent);
    this.#send(s, "OPEN_CONF", {
      invokeID,
      servicesGranted: s.services,
      monitorID: 0,
      pgStatus: 0,
      icmCentralControllerTime: Math.floor(this.#clock.now() / 1000),
      peripheralOnline: true,
      peripheralType: PT_ENTERPRISE_AGENT,
      agentState: agent ? agent.state : AgentState.AGENT_STATE_LOGIN,
      departmentID: 0,
      sessionType: standby ? 2 : 1,
      agentExtension: signedIn ? agent?.extension : undefined,
      agentID: signedIn ? agent?.agentID : undefined,
      agentInstrument: signedIn ? agent?.instrument : undefined,
      peripherals: peripheralGiven ? undefined : [{ fltPeripheralID: cc.peripheralID, multilineAgentControl: 0 }],
    });
    this.#touch(s);
    if (!standby && s.services & SVC.CTI_SERVICE_ALL_EVENTS) this.#sendSystemEvents(s);
    if (!standby) this.#sendTeamConfig(s);
    if (!standby) {
      const opened = this.#sessionProps(s);
      for (const o of this.#sessions.values()) {
        if (!o.open || o.standby) continue;
        if (o === s) {
          if (s.services & SVC.CTI_SERVICE_CLIENT_MONITOR) {
            // the sessions already open
            for (const x of this.#sessions.values()) {
              if (x !== s && x.open) this.#send(s, "CLIENT_SESSION_OPENED_EVENT", this.#sessionPropsFor(x, s), true);
            }
          }
        } else if (o.services & SVC.CTI_SERVICE_CLIENT_MONITOR) {
          this.#send(o, "CLIENT_SESSION_OPENED_EVENT", this.#clipFor(opened, o), true);
        }
      }
    }
    this.emit("session-open", this.#info(s));
  }

  /** A supervisor session learns its teams' members (AGENT_TEAM_CONFIG_EVENT, Restore Permanent Configuration). */
  #sendTeamConfig(s: Session): void {
    if (!(s.services & SVC.CTI_SERVICE_SUPERVISOR) || !s.agent) return;
    for (const t of this.contactCenter.teamsSupervisedBy(s.agent)) {
      this.#send(s, "AGENT_TEAM_CONFIG_EVENT", this.contactCenter.teamConfigProps(t, TEAM_CONFIG.RESTORE), true);
    }
  }

  #sessionPropsFor(x: Session, to: Session): Props {
    return this.#clipFor(this.#sessionProps(x), to);
  }

  #clipFor(p: Props, to: Session): Props {
    const max =
      messageSpec("CLIENT_SESSION_OPENED_EVENT", to.version ?? LATEST_PROTOCOL_VERSION)?.floating.find(
        (f) => f.name === "ClientAddress",
      )?.maxSize ?? 16;
    return { ...p, clientAddress: clip(p.clientAddress as string, max) };
  }
}

export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
  const sim = new Simulator(opts);
  await sim.listen();
  return sim;
}
