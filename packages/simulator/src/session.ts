/** A CTI session's state as the server and the request handlers share it. */
import type * as net from "node:net";
import type { FrameSplitter, ProtocolVersion } from "ctiwire";
import type { Agent } from "./contact-center.js";

export type Side = "A" | "B";

/** A MONITOR_START_REQ (device or call) or MONITOR_AGENT_TEAM_START_REQ (team) monitor. */
export interface Monitor {
  id: number;
  device?: string;
  callID?: number;
  teamID?: number;
  callMsgMask: number;
  agentStateMask: number;
}

export interface Session {
  readonly id: number;
  readonly side: Side;
  readonly socket: net.Socket;
  /** The client's byte stream, cut into frames (at the session's version once OPEN_REQ is read). */
  frames: FrameSplitter;
  version?: ProtocolVersion;
  open: boolean;
  standby: boolean;
  closed: boolean;
  services: number;
  callMsgMask: number;
  agentStateMask: number;
  idleTimeoutMs?: number;
  idleTimer?: unknown;
  clientID: string;
  clientSignature: string;
  agent?: Agent;
  peripheralID: number;
  monitors: Monitor[];
  /** SESSION_MONITOR_START_REQ monitors: MonitorID → the monitored SessionID. */
  sessionMonitors: Map<number, number>;
  /** REGISTER_SERVICE_REQ (Server service): RegisteredServiceID → ServiceName. */
  registeredServices: Map<number, string>;
  /** START_RECORDING_REQ sessions that STOP_RECORDING_REQ may end. */
  recordings: Set<number>;
  closeStatus?: number;
  /** The connection's end was reported to `onWire`. */
  wireEnded?: boolean;
  remoteAddress: string;
  remotePort: number;
}
