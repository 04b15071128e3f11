/**
 * What the live server sends a page over its WebSocket (the page sends nothing: it only reads).
 *
 * - Text messages are JSON notes (`ServerNote`): first `hello` with the snapshot of agents and calls,
 *   then `status` (the CTI session: connecting, open on side A/B, lost), `reset` (a new CTI session:
 *   calls are announced again) and `warning` (a frame the server's session could not decode).
 * - Binary messages are CTI frames as they came from the CTI Server: a 16-byte head (the sequence
 *   number and the time the server received the frame, both float64 big-endian), then the frame.
 *
 * Frames and resets carry consecutive sequence numbers from 1. The snapshot is the state after
 * sequence `snapshot.seq`; everything after it follows in order, so a page applies exactly the
 * items above it, once. A page that sees a gap (a number skipped) reconnects for a new snapshot.
 */
import type { Snapshot } from "./state.js";

/** Bumped when a page and a server of different versions could not understand each other. */
export const WIRE_VERSION = 1;

/** Bytes before the frame in a binary message. */
export const FRAME_HEAD = 16;

/** WebSocket close codes the server uses (4000-4999: the application's own). */
export const CLOSE_SLOW = 4008;
export const CLOSE_READ_ONLY = 1008;
export const CLOSE_SHUTDOWN = 1001;

export type Side = "A" | "B";

export interface SessionStatus {
  /** connecting: no session yet; open: events flow; lost: dropped, the client reconnects; closed: the server stops. */
  state: "connecting" | "open" | "lost" | "closed";
  /** The side of the open (or last) session. */
  side: Side | null;
  /** The addresses, as configured. */
  sides: { A: string; B?: string };
  /** CTI protocol version of the session (the page decodes frames at it). */
  version: number;
  /** Server time (ms) of the last change. */
  since: number;
  /** Why the session is not open (the last error). */
  detail?: string;
}

export type ServerNote =
  | {
      t: "hello";
      wire: number;
      /** Server time (ms) when sent: the page corrects its clock by it for times in state. */
      serverTime: number;
      session: SessionStatus;
      snapshot: Snapshot;
    }
  | { t: "status"; session: SessionStatus }
  | { t: "reset"; seq: number; at: number; reason: string; side: Side | null }
  | { t: "warning"; at: number; code: string; message: string };

/** A binary message: the head and the frame. */
export function packFrame(seq: number, at: number, frame: Uint8Array): Uint8Array {
  const out = new Uint8Array(FRAME_HEAD + frame.length);
  const dv = new DataView(out.buffer);
  dv.setFloat64(0, seq);
  dv.setFloat64(8, at);
  out.set(frame, FRAME_HEAD);
  return out;
}

/** The parts of a binary message; undefined if it is too short to hold a head. */
export function unpackFrame(bytes: Uint8Array): { seq: number; at: number; frame: Uint8Array } | undefined {
  if (bytes.length < FRAME_HEAD) return undefined;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { seq: dv.getFloat64(0), at: dv.getFloat64(8), frame: bytes.subarray(FRAME_HEAD) };
}
