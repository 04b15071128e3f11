// The `ctiwire` command: simulate, tail, decode, demo. Arguments: node:util parseArgs only.
import { closeSync, createReadStream, openSync, readFileSync, readSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import { type CtiClientOptions, parseEndpoint } from "@ctiwire/client";
import type { WireInfo } from "@ctiwire/simulator";
import {
  CTIServiceMask,
  LATEST_PROTOCOL_VERSION,
  PROTOCOL_VERSIONS,
  type ProtocolVersion,
  R_ERROR,
  R_OFFSET,
  RECORD_WORDS,
  type TranscodeBatch,
  Transcoder,
} from "ctiwire";
import { BRIDGE_HELP, BridgeUsageError, bridgeCommand } from "./bridge.js";
import { decodeCapture, isCapture } from "./capture.js";
import { dissectorLua } from "./dissector.js";
import { detectVersion, FrameDumper, HexTextDecoder, looksLikeHexText, parseHexText } from "./dump.js";
import { PcapRecorder } from "./record.js";
import { SERVE_HELP, serveCommand, startLiveView } from "./serve.js";
import { startSimulator } from "./simulator.js";
import { type Output, tail } from "./tail.js";
import { TAIL_NATS_HELP, TailNatsUsageError, tailNatsCommand } from "./tail-nats.js";

export interface Io {
  stdout: Output;
  stderr: Output;
  /** Resolves on Ctrl-C (the bin wires SIGINT/SIGTERM). */
  interrupted?: Promise<unknown>;
  /** Resolves when stdout is closed by its reader (EPIPE: `| head`): the command ends quietly. */
  stdoutClosed?: Promise<unknown>;
  /** Standard input, read in chunks (`decode -`). */
  stdin?: () => AsyncIterable<Uint8Array>;
}

const HELP: Record<string, string> = {
  demo: `  ctiwire demo [--duration 10s] [--agents N] [--calls-per-second N] [--seed N] [--version N] [--json]
      start the simulator on loopback (sides A and B), tail it and serve the live view (its URL is
      printed with the simulator's ports); ends after --duration or on Ctrl-C
`,
  simulate: `  ctiwire simulate [--port N] [--port-b N] [--agents N] [--calls-per-second N] [--seed N] [--host H]
                   [--duration D] [--pcap FILE.pcapng]
      serve the simulated CTI Server (side A; duplex with --port-b) until Ctrl-C (or --duration);
      --pcap: record its sessions as a capture (synthetic Ethernet/IPv4/TCP headers)
`,
  tail: `  ctiwire tail --side-a host:port [--side-b host:port] [--version N] [--json] [--duration 30s]
              [--connect-timeout 30s] [--client-id ID] [--password PW] [--peripheral-id N]
              [--services NAME,...] [--heartbeat SECONDS] [--tls] [--no-status]
      open a session and print every event (NDJSON with --json), with a live status line on a terminal;
      ends with an error (exit 1) when no session opened within --duration or --connect-timeout, or
      on an error retrying cannot fix (bad address, TLS or certificate failure, OPEN_REQ refused)
  ctiwire tail --simulate [--duration 10s] [...]     tail an embedded simulator (= demo)
${TAIL_NATS_HELP}`,
  decode: `  ctiwire decode <hex... | file | capture.pcap(ng) | -> [--version N] [--json] [--port N]
      annotated dump of frames: each field with offset, bytes, name and value; a file or stdin (-)
      holds binary frames or hex text. --json: one JSON object per frame (NDJSON, the transcoder's).
      Without --version, a leading OPEN_REQ gives the version, else the latest. A pcap or pcapng
      capture: every TCP connection to a CTI Server port (--port, default 42027/43027/42030/43030)
      reassembled, its frames in capture order with time, connection and side; gaps reported.
      Exit 1 if the input is malformed (the first problem on stderr)
`,
  serve: SERVE_HELP,
  bridge: BRIDGE_HELP,
  dissector: `  ctiwire dissector > ged188.lua
      a Wireshark Lua dissector for GED-188 generated from the schema (tshark -X lua_script:ged188.lua;
      preferences ged188.version, ged188.ports, ged188.heuristic)
`,
};

export const USAGE = `ctiwire: the Cisco CTI Server protocol (GED-188) from the command line

${HELP.demo}${HELP.simulate}${HELP.tail}${HELP.decode}${HELP.serve}${HELP.bridge}${HELP.dissector}
  ctiwire <command> --help     one command's usage
  ctiwire --version            the version of ctiwire

Exit status: 0 done, 1 failed (bad input, no session, ...), 2 usage error.
`;

/** The help of one command. */
export function commandHelp(command: string): string {
  const h = HELP[command];
  return h === undefined ? USAGE : `usage:\n${h}`;
}

/** The package version (package.json, one directory above src/ and dist/). */
export function toolVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version?: string };
    return pkg.version ?? "unknown";
  } catch {
    return "unknown";
  }
}

/** "10s", "500ms", "2m", "1.5" (seconds) → ms. */
export function parseDuration(s: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(s.trim());
  if (!m) throw new UsageError(`not a duration: ${s} (use e.g. 10s, 500ms, 2m)`);
  const n = Number(m[1]);
  const unit = m[2] ?? "s";
  return Math.round(n * (unit === "ms" ? 1 : unit === "s" ? 1000 : unit === "m" ? 60_000 : 3_600_000));
}

export class UsageError extends Error {}

/** An integer option in [min, max], or a UsageError with our message. */
function int(v: string | undefined, name: string, min = 0, max = 0xffffffff, what?: string): number | undefined {
  if (v === undefined) return undefined;
  const n = /^\s*\d+\s*$/.test(v) ? Number(v) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`--${name}: not ${what ?? `an integer from ${min} to ${max}`}: ${v}`);
  }
  return n;
}

function port(v: string | undefined, name: string): number | undefined {
  return int(v, name, 0, 65535, "a port number (0-65535)");
}

function protocolVersion(v: string | undefined): number | undefined {
  const [first, last] = [PROTOCOL_VERSIONS[0], PROTOCOL_VERSIONS[PROTOCOL_VERSIONS.length - 1]];
  return int(v, "version", first, last, `a protocol version (${first}-${last})`);
}

function num(v: string | undefined, name: string, max = 1e6): number | undefined {
  if (v === undefined) return undefined;
  const n = /^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : Number.NaN;
  if (!Number.isFinite(n) || n < 0 || n > max) throw new UsageError(`--${name}: not a number from 0 to ${max}: ${v}`);
  return n;
}

/** setTimeout takes at most 2^31-1 ms. */
const MAX_DURATION_MS = 2 ** 31 - 1;

function duration(v: string | undefined, name: string): number | undefined {
  if (v === undefined) return undefined;
  let ms: number;
  try {
    ms = parseDuration(v);
  } catch (e) {
    throw new UsageError(`--${name}: ${(e as Error).message}`);
  }
  if (ms > MAX_DURATION_MS) throw new UsageError(`--${name}: too long (at most 24 days): ${v}`);
  return ms;
}

/** "host:port" (or "[v6]:port", "host") checked as the client reads it, or a UsageError. */
function endpoint(v: string | undefined, name: string): string | undefined {
  if (v === undefined) return undefined;
  try {
    parseEndpoint(v, 42027);
  } catch {
    throw new UsageError(`--${name}: not host:port (a port from 1 to 65535): ${v}`);
  }
  return v;
}

const TAIL_OPTIONS = {
  "side-a": { type: "string" },
  "side-b": { type: "string" },
  version: { type: "string" },
  json: { type: "boolean" },
  duration: { type: "string" },
  "client-id": { type: "string" },
  password: { type: "string" },
  "peripheral-id": { type: "string" },
  services: { type: "string" },
  heartbeat: { type: "string" },
  tls: { type: "boolean" },
  "no-status": { type: "boolean" },
  "connect-timeout": { type: "string" },
  simulate: { type: "boolean" },
  agents: { type: "string" },
  "calls-per-second": { type: "string" },
  seed: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command !== undefined && command in HELP && rest.some((a) => a === "--help" || a === "-h")) {
      io.stdout.write(commandHelp(command));
      return 0;
    }
    switch (command) {
      case "decode":
        return await decodeCommand(rest, io);
      case "simulate":
        return await simulateCommand(rest, io);
      case "serve":
        return await serveCommand(rest, io);
      case "tail":
        if (rest.some((a) => a === "--nats" || a.startsWith("--nats="))) return await tailNatsCommand(rest, io);
        return await tailCommand(rest, io, false);
      case "bridge":
        return await bridgeCommand(rest, io);
      case "dissector":
        if (rest.length > 0) throw new UsageError("dissector takes no arguments");
        await new Writer(io.stdout, io.stdoutClosed).write(dissectorLua());
        return 0;
      case "demo":
        return await tailCommand(rest, io, true);
      case "help":
      case "--help":
      case "-h":
        io.stdout.write(rest[0] !== undefined && rest[0] in HELP ? commandHelp(rest[0]) : USAGE);
        return 0;
      case "--version":
      case "-V":
      case "version":
        io.stdout.write(`ctiwire ${toolVersion()}\n`);
        return 0;
      case undefined:
        throw new UsageError("give a command");
      default:
        throw new UsageError(`unknown command: ${command}`);
    }
  } catch (e) {
    if (
      e instanceof UsageError ||
      e instanceof BridgeUsageError ||
      e instanceof TailNatsUsageError ||
      (e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")
    ) {
      const help = command !== undefined && command in HELP ? commandHelp(command) : USAGE;
      io.stderr.write(`ctiwire: ${(e as Error).message}\n\n${help}`);
      return 2;
    }
    io.stderr.write(`ctiwire: ${(e as Error).message}\n`);
    return 1;
  }
}

/**
 * Writes with backpressure: when the stream's buffer is full, waits for 'drain'. Resolves false
 * once stdout is closed by its reader (then the command ends quietly).
 */
export class Writer {
  closed = false;
  #out: Output;

  constructor(out: Output, closed?: Promise<unknown>) {
    this.#out = out;
    closed?.then(() => {
      this.closed = true;
    });
  }

  async write(s: string | Uint8Array): Promise<boolean> {
    if (this.closed) return false;
    const out = this.#out;
    if (out.write(s) === false && out.once && out.removeListener) await this.#drained();
    // Let an EPIPE reported meanwhile mark the stream closed before the next write.
    return !this.closed;
  }

  /**
   * Writes bytes the caller reuses once this resolves (the transcoder's output buffer): on a stream,
   * after the stream has handed them on; other outputs take them at once.
   */
  async writeBorrowed(b: Uint8Array): Promise<boolean> {
    if (this.closed) return false;
    const out = this.#out;
    if (!out.once || !out.removeListener) {
      out.write(b);
      return !this.closed;
    }
    await new Promise<void>((resolve) => {
      const done = () => {
        out.removeListener?.("close", done);
        resolve();
      };
      out.once?.("close", done);
      out.write(b, done);
    });
    return !this.closed;
  }

  #drained(): Promise<void> {
    const out = this.#out;
    return new Promise<void>((resolve) => {
      const done = () => {
        out.removeListener?.("drain", done);
        out.removeListener?.("close", done);
        resolve();
      };
      out.once?.("drain", done);
      out.once?.("close", done);
    });
  }
}

async function* chunksOf(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  for await (const c of source) if (c.length > 0) yield c;
}

/** The input of `decode`: hex arguments, a file, or stdin; files and stdin in chunks. */
function decodeInput(positionals: string[], io: Io): AsyncIterable<Uint8Array> {
  const first = positionals[0] as string;
  if (first === "-") {
    if (positionals.length > 1) throw new UsageError("decode: - (stdin) takes no other arguments");
    return chunksOf(io.stdin?.() ?? []);
  }
  if (positionals.length === 1 && isFile(first)) return chunksOf(createReadStream(first, { highWaterMark: 65536 }));
  const bytes = parseHexText(positionals.join(""));
  if (!bytes) {
    throw new UsageError(
      positionals.length === 1 && !/^[0-9a-fA-Fx\s:,]+$/.test(first)
        ? `decode: no such file: ${first}`
        : `decode: neither a file nor hex: ${positionals.join(" ")}`,
    );
  }
  return [bytes] as unknown as AsyncIterable<Uint8Array>;
}

async function decodeCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      version: { type: "string" },
      json: { type: "boolean" },
      port: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
  });
  if (positionals.length === 0) throw new UsageError("decode: give hex, a file, or - for stdin");
  const version = protocolVersion(values.version);
  if (positionals.length === 1 && isFile(positionals[0]!) && isCapture(fileHead(positionals[0]!))) {
    return captureCommand(positionals[0]!, version, values, io);
  }
  const source = decodeInput(positionals, io);
  if (values.json) return decodeJson(source, version, io);
  const dumper = new FrameDumper(version !== undefined ? { version } : {});
  const out = new Writer(io.stdout, io.stdoutClosed);
  let hex: HexTextDecoder | undefined;
  let first = true;
  let inputError: string | undefined;
  try {
    for await (const chunk of source) {
      if (first) {
        first = false;
        if (looksLikeHexText(chunk)) hex = new HexTextDecoder();
      }
      const text = dumper.push(hex ? hex.push(chunk) : chunk);
      if (text && !(await out.write(text))) return 0;
      if (dumper.stopped) break;
    }
    if (hex) {
      const text = dumper.push(hex.finish());
      if (text && !(await out.write(text))) return 0;
    }
  } catch (e) {
    if ((e as { code?: string }).code === "EISDIR" || (e as { code?: string }).code === "EACCES") throw e;
    inputError = (e as Error).message;
  }
  const text = dumper.finish(); // what the input held before its end (or before a non-hex byte)
  if (text && !(await out.write(text))) return 0;
  const p = dumper.problems;
  const firstProblem = inputError ?? p.first;
  if (firstProblem === undefined) return 0;
  const more = p.count - (inputError === undefined ? 1 : 0); // the problems the dump shows besides the first
  io.stderr.write(
    `ctiwire decode: ${firstProblem}${more > 0 ? ` (and ${more} more problem${more > 1 ? "s" : ""})` : ""}\n`,
  );
  return 1;
}

/** `decode --json`: the frames as NDJSON, through the facade's Transcoder. */
async function decodeJson(source: AsyncIterable<Uint8Array>, version: number | undefined, io: Io): Promise<number> {
  const out = new Writer(io.stdout, io.stdoutClosed);
  let hex: HexTextDecoder | undefined;
  let t: Transcoder | undefined;
  let held: Uint8Array | undefined;
  let problems = 0;
  let firstProblem: string | undefined;
  const emit = async (batch: TranscodeBatch): Promise<boolean> => {
    for (let k = 0; k < batch.count && batch.errors.length > 0; k++) {
      const e = batch.records[k * RECORD_WORDS + R_ERROR]!;
      if (e < 0) continue;
      problems++;
      const err = batch.errors[e]!;
      firstProblem ??= `at stream offset ${batch.records[k * RECORD_WORDS + R_OFFSET]}: ${err.code}: ${err.message}`;
    }
    return batch.json.length === 0 || (await out.writeBorrowed(batch.json));
  };
  const feed = async (bytes: Uint8Array): Promise<boolean> => {
    if (t === undefined) {
      // The version is read from the first bytes (a leading OPEN_REQ) unless given.
      const all = held === undefined ? bytes : concat(held, bytes);
      if (version === undefined && all.length < 16) {
        held = all;
        return true;
      }
      held = undefined;
      t = new Transcoder({ version: (version ?? detectVersion(all)) as ProtocolVersion });
      bytes = all;
    }
    return emit(t.push(bytes));
  };
  let inputError: string | undefined;
  try {
    let first = true;
    for await (const chunk of source) {
      if (first) {
        first = false;
        if (looksLikeHexText(chunk)) hex = new HexTextDecoder();
      }
      if (!(await feed(hex ? hex.push(chunk) : chunk))) return 0;
      if (t?.failed) break;
    }
    if (hex && !(await feed(hex.finish()))) return 0;
  } catch (e) {
    if ((e as { code?: string }).code === "EISDIR" || (e as { code?: string }).code === "EACCES") throw e;
    inputError = (e as Error).message;
  }
  if (t === undefined)
    t = new Transcoder({ version: (version ?? detectVersion(held ?? new Uint8Array(0))) as ProtocolVersion });
  if (held !== undefined) await emit(t.push(held));
  if (!t.failed && !(await emit(t.finish()))) return 0;
  if (inputError === undefined && firstProblem === undefined) return 0;
  const first = inputError ?? firstProblem;
  const more = problems - (inputError === undefined ? 1 : 0);
  io.stderr.write(`ctiwire decode: ${first}${more > 0 ? ` (and ${more} more problem${more > 1 ? "s" : ""})` : ""}\n`);
  return 1;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** `decode FILE.pcap|FILE.pcapng`: every CTI frame of the capture (capture.ts). */
async function captureCommand(
  file: string,
  version: number | undefined,
  values: { json?: boolean; port?: string },
  io: Io,
): Promise<number> {
  const ports =
    values.port === undefined ? [42027, 43027, 42030, 43030] : [int(values.port, "port", 1, 65535, "a TCP port")!];
  const out = new Writer(io.stdout, io.stdoutClosed);
  const r = await decodeCapture({ file, version, ports, json: values.json === true, write: (t) => out.write(t) });
  if (r.firstProblem === undefined) return 0;
  const more = r.problems - 1;
  io.stderr.write(
    `ctiwire decode: ${r.firstProblem}${more > 0 ? ` (and ${more} more problem${more > 1 ? "s" : ""})` : ""}\n`,
  );
  return 1;
}

function fileHead(p: string): Uint8Array {
  const fd = openSync(p, "r");
  try {
    const b = new Uint8Array(4);
    const n = readSync(fd, b, 0, 4, 0);
    return b.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

async function simulateCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: "string" },
      "port-b": { type: "string" },
      host: { type: "string" },
      agents: { type: "string" },
      "calls-per-second": { type: "string" },
      seed: { type: "string" },
      duration: { type: "string" },
      pcap: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const host = values.host ?? "127.0.0.1";
  const portA = port(values.port, "port") ?? 42027;
  const portB = port(values["port-b"], "port-b");
  const agents = int(values.agents, "agents", 0, 100_000) ?? 10;
  const callsPerSecond = num(values["calls-per-second"], "calls-per-second", 100_000) ?? 0.5;
  const seed = int(values.seed, "seed") ?? 1;
  const durationMs = duration(values.duration, "duration");
  const recorder = values.pcap !== undefined ? new PcapRecorder(values.pcap, host) : undefined;
  const sim = await startSimulator({
    host,
    port: portA,
    ...(portB !== undefined ? { portB } : {}),
    agents,
    callsPerSecond,
    seed,
    ...(recorder !== undefined
      ? { onWire: (w: WireInfo) => recorder.wire(w, w.side === "A" ? sim.portA : sim.portB!) }
      : {}),
  });
  io.stdout.write(
    `ctiwire simulator: side A on ${host}:${sim.portA}${sim.portB !== undefined ? `, side B on ${host}:${sim.portB}` : ""} (Ctrl-C to stop)\n`,
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    io.interrupted ?? new Promise(() => {}),
    io.stdoutClosed ?? new Promise(() => {}),
    ...(durationMs !== undefined ? [new Promise((r) => (timer = setTimeout(r, durationMs)))] : []),
  ]);
  clearTimeout(timer);
  await sim.close();
  await recorder?.close();
  await new Writer(io.stdout, io.stdoutClosed).write("ctiwire simulator: stopped\n");
  return 0;
}

async function tailCommand(args: string[], io: Io, demo: boolean): Promise<number> {
  const { values } = parseArgs({ args, options: TAIL_OPTIONS });
  const simulate = demo || values.simulate === true;
  const version = protocolVersion(values.version) ?? LATEST_PROTOCOL_VERSION;
  let durationMs = duration(values.duration, "duration");
  const connectTimeoutMs = duration(values["connect-timeout"], "connect-timeout");
  if (simulate && durationMs === undefined) durationMs = 10_000;
  const heartbeat = num(values.heartbeat, "heartbeat", 86_400);
  const peripheralID = int(values["peripheral-id"], "peripheral-id");
  const agents = int(values.agents, "agents", 0, 100_000) ?? 12;
  const callsPerSecond = num(values["calls-per-second"], "calls-per-second", 100_000) ?? 2;
  const seed = int(values.seed, "seed") ?? 1;
  const services = values.services ? values.services.split(",").map((s) => s.trim()) : ["CTI_SERVICE_ALL_EVENTS"];
  for (const s of services) {
    if (CTIServiceMask[s as keyof typeof CTIServiceMask] === undefined)
      throw new UsageError(`--services: unknown service ${s}`);
  }
  let sideA = endpoint(values["side-a"], "side-a");
  let sideB = endpoint(values["side-b"], "side-b");
  if (!simulate && !sideA) throw new UsageError("tail: --side-a host:port is required (or --simulate)");
  let sim: Awaited<ReturnType<typeof startSimulator>> | undefined;
  let view: Awaited<ReturnType<typeof startLiveView>> | undefined;
  if (simulate) {
    sim = await startSimulator({
      host: "127.0.0.1",
      port: 0,
      portB: 0,
      agents,
      callsPerSecond,
      seed,
      // A demo lasts seconds: a contact center in fast motion, so that calls show at once.
      timing: {
        ring: [500, 2000],
        talk: [2000, 6000],
        hold: [1000, 3000],
        wrapup: [500, 2000],
        notReady: [300, 1500],
        loginStagger: 40,
      },
    });
    sideA = `127.0.0.1:${sim.portA}`;
    sideB = sim.portB !== undefined ? `127.0.0.1:${sim.portB}` : undefined;
    (values.json ? io.stderr : io.stdout).write(
      `# simulator on 127.0.0.1:${sim.portA} (side A)${sideB ? ` and ${sideB} (side B)` : ""}; tailing for ${(durationMs ?? 0) / 1000} s (Ctrl-C stops)\n`,
    );
    if (demo) {
      // The live view beside the events: the same contact center in a browser, from its own session.
      view = await startLiveView({
        cti: { sideA: sideA as string, ...(sideB ? { sideB } : {}), version, clientID: "ctiwire-live" },
      });
      (values.json ? io.stderr : io.stdout).write(`# live view on ${view.url} (open it in a browser)\n`);
    }
  }
  const client: CtiClientOptions = {
    sideA: sideA as string,
    ...(sideB ? { sideB } : {}),
    version,
    clientID: values["client-id"] ?? "ctiwire-tail",
    ...(values.password !== undefined ? { clientPassword: values.password } : {}),
    ...(peripheralID !== undefined ? { peripheralID } : {}),
    services,
    heartbeatIntervalMs: heartbeat !== undefined ? heartbeat * 1000 : 30_000,
    ...(values.tls ? { tls: true } : {}),
  };
  const stops = [io.interrupted, io.stdoutClosed].filter((p) => p !== undefined);
  try {
    await tail({
      client,
      json: values.json === true,
      ...(durationMs !== undefined ? { durationMs } : {}),
      ...(connectTimeoutMs !== undefined ? { connectTimeoutMs } : {}),
      status: values["no-status"] !== true,
      stdout: io.stdout,
      stderr: io.stderr,
      ...(stops.length ? { stop: Promise.race(stops) } : {}),
      ...(io.stdoutClosed ? { stdoutClosed: io.stdoutClosed } : {}),
      ...(sim && durationMs !== undefined
        ? {
            onOpen: () => {
              // Half-way through, a failover: from v24 the simulator's standby side B becomes active
              // (STANDBY_ACTIVE_EVENT on the client's standby session); below v24 side A's
              // connections drop and the client reconnects. Either way a SESSION_RESET shows.
              const s = sim;
              setTimeout(
                () => (version >= 24 ? s?.switchActiveSide() : s?.dropConnections("A")),
                durationMs / 2,
              ).unref?.();
            },
          }
        : {}),
    });
  } finally {
    await view?.close();
    await sim?.close();
  }
  return 0;
}
