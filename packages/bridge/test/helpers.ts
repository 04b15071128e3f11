// What the bridge's tests share: a simulator, a configuration, reading the stream back, waiting on a
// condition (polled: the tests wait on what happens, never on a fixed sleep).
import { CtiClient, frameOf } from "@ctiwire/client";
import { startSimulator } from "@ctiwire/simulator";
import { type JetStreamClient, type JsMsg, jetstream, jetstreamManager } from "@nats-io/jetstream";
import { connect, type NatsConnection } from "@nats-io/transport-node";
import { messageToJSON } from "ctiwire";
import { pino } from "pino";
import { Bridge, type BridgeConfig, parseConfig } from "../src/index.js";

export type Simulator = Awaited<ReturnType<typeof startSimulator>>;

/** A contact center in fast motion (calls within a second), as the demo has it. */
export const FAST = {
  ring: [50, 200] as [number, number],
  talk: [200, 600] as [number, number],
  hold: [100, 300] as [number, number],
  wrapup: [50, 200] as [number, number],
  notReady: [50, 200] as [number, number],
  loginStagger: 5,
};

export function sim(opts: Parameters<typeof startSimulator>[0] = {}): Promise<Simulator> {
  return startSimulator({ agents: 8, callsPerSecond: 4, seed: 7, timing: FAST, ...opts });
}

/** Polls `fn` until it returns a truthy value (every 10 ms) or fails after `timeoutMs`. */
export async function waitFor<T>(fn: () => T | Promise<T>, what: string, timeoutMs = 30_000): Promise<NonNullable<T>> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v as NonNullable<T>;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end)
      throw new Error(`timed out waiting for ${what}${last ? ` (last error: ${String(last)})` : ""}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A configuration (YAML text) parsed as the bridge would. */
export function config(yaml: string): BridgeConfig {
  return parseConfig(yaml, { env: {} });
}

export function yamlConfig(
  natsUrl: string,
  sources: { name: string; sideA: string; sideB?: string; version?: number }[],
  extra = "",
): string {
  const src = sources
    .map(
      (s) =>
        `  - name: ${s.name}\n    sideA: "${s.sideA}"\n${s.sideB ? `    sideB: "${s.sideB}"\n` : ""}    version: ${s.version ?? 25}\n    heartbeat: 5s\n`,
    )
    .join("");
  return `nats:\n  servers: ["${natsUrl}"]\nhttp: false\nlog:\n  level: silent\n${extra}\nsources:\n${src}`;
}

export const silent = pino({ level: "silent" });

export async function startBridge(cfg: BridgeConfig): Promise<Bridge> {
  const b = new Bridge(cfg, { logger: silent });
  await b.start();
  return b;
}

export interface StoredMsg {
  seq: number;
  subject: string;
  headers: Record<string, string>;
  data: Uint8Array;
  json: () => Record<string, unknown>;
}

function toStored(m: JsMsg): StoredMsg {
  const headers: Record<string, string> = {};
  if (m.headers) for (const [k, v] of m.headers) headers[k] = v[0] ?? "";
  // Source, epoch and sequence, from the Nats-Msg-Id (<source>:<epoch>:<seq>, or <source>:gap:...).
  const [source, epoch, seq] = (headers["Nats-Msg-Id"] ?? "").split(":");
  if (source) headers["Cti-Source"] = source;
  if (epoch !== undefined && epoch !== "gap" && seq !== undefined) {
    headers["Cti-Epoch"] = epoch;
    headers["Cti-Seq"] = seq;
  }
  const data = m.data;
  return { seq: m.seq, subject: m.subject, headers, data, json: () => JSON.parse(new TextDecoder().decode(data)) };
}

/** Every message of the stream now (an ordered consumer read up to the last sequence). */
export async function readStream(nc: NatsConnection, stream = "CTI", filter?: string): Promise<StoredMsg[]> {
  const jsm = await jetstreamManager(nc);
  const info = await jsm.streams.info(stream);
  const last = info.state.last_seq;
  const out: StoredMsg[] = [];
  if (info.state.messages === 0) return out;
  const js: JetStreamClient = jetstream(nc);
  const c = await js.consumers.get(stream, filter ? { filter_subjects: filter } : {});
  const it = await c.consume();
  for await (const m of it) {
    out.push(toStored(m));
    if (m.seq >= last || m.info.pending === 0) break;
  }
  await it.close().catch(() => {});
  await c.delete?.().catch(() => {});
  return out;
}

export async function streamCount(nc: NatsConnection, stream = "CTI"): Promise<number> {
  const jsm = await jetstreamManager(nc);
  try {
    return (await jsm.streams.info(stream)).state.messages;
  } catch {
    return 0;
  }
}

export function natsClient(url: string, extra: Record<string, unknown> = {}): Promise<NatsConnection> {
  return connect({ servers: url, maxReconnectAttempts: -1, reconnectTimeWait: 100, ...extra });
}

/**
 * A witness: a plain CtiClient on the same simulator (ALL_EVENTS), recording each event's JSON as
 * the bridge should publish it. The simulator sends the same events to every ALL_EVENTS session.
 */
export async function witness(
  sideA: string,
  version = 25,
  sideB?: string,
): Promise<{ client: CtiClient; events: string[] }> {
  const client = new CtiClient({
    sideA,
    ...(sideB !== undefined ? { sideB } : {}),
    version,
    clientID: "witness",
    heartbeatIntervalMs: 5000,
    keepFrames: true,
  });
  const events: string[] = [];
  client.on("message", (m) => {
    if (frameOf(m) !== undefined) events.push(JSON.stringify(messageToJSON(m)));
  });
  await client.connect({ timeoutMs: 10_000 });
  return { client, events };
}

/**
 * Pauses the simulator and waits until the witness has every event sent before the pause: the
 * simulator answers the witness's heartbeat after the events it wrote to the same socket.
 */
export async function quiesce(s: Simulator, w: { client: CtiClient }): Promise<void> {
  s.pause();
  await w.client.heartbeat();
}
