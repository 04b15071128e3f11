// `ctiwire tail`: open a session and print every event (NDJSON with --json), with a live status line.
import { type ClientEvent, CtiClient, type CtiClientError, type CtiClientOptions, frameOf } from "@ctiwire/client";
import {
  messageToJSON,
  type ProtocolVersion,
  R_ERROR,
  R_JSON_LENGTH,
  R_JSON_START,
  type TranscodeBatch,
  Transcoder,
} from "ctiwire";
import { formatEvent, timeOfDay } from "./format.js";
import { TailStats } from "./stats.js";

export interface Output {
  /** `done` (streams): called once the data is handed on, after which its buffer may be reused. */
  write(s: string | Uint8Array, done?: (error?: Error | null) => void): unknown;
  isTTY?: boolean;
  /** Streams (process.stdout): 'drain' after a write returned false, 'close'. */
  once?(event: "drain" | "close", listener: () => void): unknown;
  removeListener?(event: "drain" | "close", listener: () => void): unknown;
}

export interface TailOptions {
  client: CtiClientOptions;
  json: boolean;
  /** ms; undefined: until stopped. */
  durationMs?: number;
  /** Live status line (only where the stream is a TTY). */
  status: boolean;
  stdout: Output;
  stderr: Output;
  /** Resolves to stop early (Ctrl-C, stdout closed). */
  stop?: Promise<unknown>;
  /** Resolves when stdout is closed by its reader: nothing more is written to it. */
  stdoutClosed?: Promise<unknown>;
  /** ms: give up (an error) when no session opened within it. Default: as long as the tail runs. */
  connectTimeoutMs?: number;
  /** Called once the session is open (the demo uses it to schedule a failover). */
  onOpen?: (client: CtiClient) => void;
}

export interface TailResult {
  events: number;
  resets: number;
  seconds: number;
  summary: string;
}

/** Codes of socket errors that retrying cannot fix: no such host, TLS and certificate failures. */
const UNFIXABLE = new Set([
  "ENOTFOUND",
  "EPROTO",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "CERT_REVOKED",
  "CERT_UNTRUSTED",
  "CERT_REJECTED",
  "HOSTNAME_MISMATCH",
]);

/** Why an attempt's failure cannot be fixed by retrying (a sentence), or undefined. */
export function unfixable(error: CtiClientError): string | undefined {
  const cause = error.cause as { code?: unknown } | undefined;
  const code = typeof cause?.code === "string" ? cause.code : undefined;
  if (code === undefined) return undefined;
  if (code === "ENOTFOUND") return "the host name does not resolve";
  if (code.startsWith("ERR_SSL_") || code.startsWith("ERR_TLS_") || UNFIXABLE.has(code)) {
    return `a TLS failure (${code}): check --tls, the port and the server's certificate`;
  }
  return undefined;
}

export async function tail(o: TailOptions): Promise<TailResult> {
  // --json: each event's frame goes through the transcoder (the client keeps the frames).
  const client = new CtiClient(o.json ? { ...o.client, keepFrames: true } : o.client);
  const transcoder = o.json
    ? new Transcoder({ version: client.version as ProtocolVersion, encoding: o.client.encoding })
    : null;
  const stats = new TailStats();
  const started = Date.now();
  let outClosed = false;
  o.stdoutClosed?.then(() => {
    outClosed = true;
  });
  const out = o.stdout;
  // Where the status line goes: stdout for the readable form, stderr for NDJSON (stdout stays pure).
  const statusOut = o.json ? o.stderr : o.stdout;
  const live = o.status && statusOut.isTTY === true;
  let statusShown = false;
  const clearStatus = () => {
    if (statusShown && !(outClosed && statusOut === out)) statusOut.write("\r\x1b[2K");
    statusShown = false;
  };
  const drawStatus = () => {
    if (!live || (outClosed && statusOut === out)) return;
    statusOut.write(`\r\x1b[2K\x1b[7m ${stats.line()} \x1b[0m`);
    statusShown = true;
  };
  /** Writes a line to stdout; false when stdout's buffer is full (wait for drain()). */
  const print = (line: string): boolean => {
    if (outClosed) return true;
    if (live && !o.json) clearStatus();
    return out.write(line + "\n") !== false;
  };
  const drain = () =>
    new Promise<void>((resolve) => {
      if (!out.once || !out.removeListener || outClosed) return resolve();
      const done = () => {
        out.removeListener?.("drain", done);
        out.removeListener?.("close", done);
        resolve();
      };
      out.once("drain", done);
      out.once("close", done);
    });
  const note = (line: string) => {
    if (o.json) {
      if (live) clearStatus();
      o.stderr.write(line + "\n");
    } else print(line);
  };

  let opened = false;
  let lastFailure: string | undefined;
  let fatal: Error | undefined;
  let stopFatal: () => void = () => {};
  const fatalStop = new Promise<void>((r) => (stopFatal = r));
  client.on("open", (i) => {
    opened = true;
    stats.side = i.side;
    const granted = i.servicesNotGranted.length ? ` (not granted: ${i.servicesNotGranted.join(", ")})` : "";
    const pg = i.pgStatus.flags.length ? ` PG status: ${i.pgStatus.flags.join("|")}` : "";
    note(
      `# session open on side ${i.side} (v${client.version}, ${i.sessionType === 2 ? "standby" : "active"})${granted}${pg}`,
    );
  });
  client.on("disconnect", (d) =>
    note(`# side ${d.side} lost: ${d.error.message}${d.reconnecting ? "; reconnecting" : ""}`),
  );
  client.on("attempt-failed", (a) => {
    note(`# attempt ${a.attempt} on side ${a.side} failed: ${a.error.message}`);
    lastFailure = a.error.message;
    const why = unfixable(a.error);
    if (why && !fatal) {
      fatal = new Error(`${a.error.message.trim()}: ${why}; not retrying`);
      stopFatal();
    }
  });
  client.on("waiting", (w) => note(`# waiting ${w.ms / 1000} s before the next attempts`));
  client.on("side-switch", (s) => note(`# active side is now ${s.to} (was ${s.from ?? "-"})`));
  client.on("standby", (s) => note(`# standby session held on side ${s.side}`));
  client.on("warning", (w) => note(`# warning: ${(w as Error).message ?? String(w)}`));

  let timer: ReturnType<typeof setInterval> | undefined;
  if (live) timer = setInterval(drawStatus, 250);
  let durationTimer: ReturnType<typeof setTimeout> | undefined;
  let durationOver = false;
  const stopped = new Promise<void>((resolve) => {
    if (o.durationMs !== undefined) {
      durationTimer = setTimeout(() => {
        durationOver = true;
        resolve();
      }, o.durationMs);
    }
    o.stop?.then(() => resolve());
    fatalStop.then(() => resolve());
  });

  const consume = (async () => {
    for await (const e of client.events() as AsyncIterable<ClientEvent>) {
      stats.add(e);
      let ok: boolean;
      if (o.json) {
        const head = `{"t":${Date.now()},"side":${JSON.stringify(client.side)},`;
        const frame = e.type === "SESSION_RESET" ? undefined : frameOf(e);
        const line = frame && transcoder ? jsonLine(head, transcoder.push(frame)) : undefined;
        const rec = e.type === "SESSION_RESET" ? { ...e, cause: e.cause?.message } : messageToJSON(e);
        ok =
          outClosed ||
          out.write(line ?? `${JSON.stringify({ t: Date.now(), side: client.side, ...(rec as object) })}\n`) !== false;
      } else if (e.type === "SESSION_RESET") {
        ok = print(
          `${timeOfDay(Date.now())} ${e.side} ── SESSION_RESET (${e.reason}; was side ${e.previousSide ?? "-"}${e.cause ? `: ${e.cause.message}` : ""}): events in the gap are lost; calls in progress are announced again`,
        );
      } else {
        ok = print(`${timeOfDay(Date.now())} ${client.side} ${formatEvent(e)}`);
      }
      // A slow reader of stdout: stop pulling events (the client then pauses the socket).
      if (!ok) await drain();
    }
  })();

  let error: unknown;
  const connected = client.connect(o.connectTimeoutMs !== undefined ? { timeoutMs: o.connectTimeoutMs } : {}).then(
    (info) => o.onOpen?.(client) ?? info,
    (e) => {
      error = e;
    },
  );
  await Promise.race([stopped, connected.then(() => (error ? undefined : stopped))]);
  clearTimeout(durationTimer);
  await client.close();
  await consume.catch(() => {});
  if (timer) clearInterval(timer);
  clearStatus();
  const seconds = (Date.now() - started) / 1000;
  const summary = `# ${stats.events} events in ${seconds.toFixed(1)} s (${(stats.events / Math.max(seconds, 0.001)).toFixed(0)} ev/s); ${stats.line()}`;
  if (o.json) o.stderr.write(summary + "\n");
  else print(summary);
  if (fatal) throw fatal;
  if (error && (error as { code?: string }).code !== "CLOSED") throw error;
  // --duration ran out before any session opened: the tail saw nothing, and says so.
  if (!opened && durationOver) {
    const last = lastFailure;
    throw new Error(`no session within ${(o.durationMs ?? 0) / 1000} s${last ? ` (last attempt: ${last})` : ""}`);
  }
  return { events: stats.events, resets: stats.resets, seconds, summary };
}

const encoder = new TextEncoder();

/** `head` (the opening of an object, ending in a comma) joined to the one message of a batch; undefined if it holds none. */
function jsonLine(head: string, batch: TranscodeBatch): Uint8Array | undefined {
  if (batch.count !== 1 || batch.records[R_ERROR]! >= 0) return undefined;
  const start = batch.records[R_JSON_START]!;
  const body = batch.json.subarray(start + 1, start + batch.records[R_JSON_LENGTH]!); // without its "{"
  const h = encoder.encode(head);
  const line = new Uint8Array(h.length + body.length + 1);
  line.set(h);
  line.set(body, h.length);
  line[line.length - 1] = 0x0a;
  return line;
}
