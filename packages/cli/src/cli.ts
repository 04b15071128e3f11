// The `ctiwire` command: simulate, tail, decode, demo. Arguments: node:util parseArgs only.
import { readFileSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import type { CtiClientOptions } from "@ctiwire/client";
import { CTIServiceMask } from "@ctiwire/protocol";
import { dumpFrames, parseHexText } from "./dump.js";
import { startSimulator } from "./simulator.js";
import { type Output, tail } from "./tail.js";

export interface Io {
  stdout: Output;
  stderr: Output;
  /** Resolves on Ctrl-C (the bin wires SIGINT/SIGTERM). */
  interrupted?: Promise<unknown>;
  stdin?: () => Uint8Array;
}

export const USAGE = `ctiwire: the Cisco CTI Server protocol (GED-188) from the command line

  ctiwire demo [--duration 10s] [--agents N] [--calls-per-second N] [--seed N] [--version N] [--json]
      start the simulator on loopback (sides A and B) and tail it; ends after --duration or on Ctrl-C
  ctiwire simulate [--port N] [--port-b N] [--agents N] [--calls-per-second N] [--seed N] [--host H]
      serve the simulated CTI Server (side A; duplex with --port-b) until Ctrl-C
  ctiwire tail --side-a host:port [--side-b host:port] [--version N] [--json] [--duration 30s]
              [--client-id ID] [--password PW] [--peripheral-id N] [--services NAME,...]
              [--heartbeat SECONDS] [--tls] [--no-status]
      open a session and print every event (NDJSON with --json), with a live status line on a terminal
  ctiwire tail --simulate [--duration 10s] [...]     tail an embedded simulator (= demo)
  ctiwire decode <hex | file | -> [--version N]
      annotated dump of frames: each field with offset, bytes, name and value
`;

/** "10s", "500ms", "2m", "1.5" (seconds) → ms. */
export function parseDuration(s: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(s.trim());
  if (!m) throw new UsageError(`not a duration: ${s} (use e.g. 10s, 500ms, 2m)`);
  const n = Number(m[1]);
  const unit = m[2] ?? "s";
  return Math.round(n * (unit === "ms" ? 1 : unit === "s" ? 1000 : unit === "m" ? 60_000 : 3_600_000));
}

export class UsageError extends Error {}

function int(v: string | undefined, name: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name}: not a non-negative integer: ${v}`);
  return n;
}

function num(v: string | undefined, name: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new UsageError(`--${name}: not a number: ${v}`);
  return n;
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
  simulate: { type: "boolean" },
  agents: { type: "string" },
  "calls-per-second": { type: "string" },
  seed: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "decode":
        return decodeCommand(rest, io);
      case "simulate":
        return await simulateCommand(rest, io);
      case "tail":
        return await tailCommand(rest, io, false);
      case "demo":
        return await tailCommand(rest, io, true);
      case undefined:
      case "help":
      case "--help":
      case "-h":
        io.stdout.write(USAGE);
        return command === undefined ? 1 : 0;
      default:
        throw new UsageError(`unknown command: ${command}`);
    }
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.stderr.write(`ctiwire: ${(e as Error).message}\n\n${USAGE}`);
      return 2;
    }
    io.stderr.write(`ctiwire: ${(e as Error).message}\n`);
    return 1;
  }
}

function decodeCommand(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args,
    options: { version: { type: "string" } },
    allowPositionals: true,
  });
  if (positionals.length === 0) throw new UsageError("decode: give hex, a file, or - for stdin");
  let bytes: Uint8Array | undefined;
  const first = positionals[0] as string;
  if (first === "-") {
    const raw = io.stdin?.() ?? new Uint8Array(0);
    bytes = parseHexText(new TextDecoder("latin1").decode(raw)) ?? raw;
  } else if (positionals.length === 1 && isFile(first)) {
    const raw = new Uint8Array(readFileSync(first));
    bytes = parseHexText(new TextDecoder("latin1").decode(raw)) ?? raw;
  } else {
    bytes = parseHexText(positionals.join(""));
    if (!bytes) throw new UsageError(`decode: neither a file nor hex: ${first}`);
  }
  const version = int(values.version, "version");
  for (const line of dumpFrames(bytes, version !== undefined ? { version } : {})) io.stdout.write(line + "\n");
  return 0;
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
    },
  });
  const sim = await startSimulator({
    host: values.host ?? "127.0.0.1",
    port: int(values.port, "port") ?? 42027,
    ...(values["port-b"] !== undefined ? { portB: int(values["port-b"], "port-b") as number } : {}),
    agents: int(values.agents, "agents") ?? 10,
    callsPerSecond: num(values["calls-per-second"], "calls-per-second") ?? 0.5,
    seed: int(values.seed, "seed") ?? 1,
  });
  const host = values.host ?? "127.0.0.1";
  io.stdout.write(
    `ctiwire simulator: side A on ${host}:${sim.portA}${sim.portB !== undefined ? `, side B on ${host}:${sim.portB}` : ""} (Ctrl-C to stop)\n`,
  );
  const duration = values.duration !== undefined ? parseDuration(values.duration) : undefined;
  await Promise.race([
    io.interrupted ?? new Promise(() => {}),
    ...(duration !== undefined ? [new Promise((r) => setTimeout(r, duration))] : []),
  ]);
  await sim.close();
  io.stdout.write("ctiwire simulator: stopped\n");
  return 0;
}

async function tailCommand(args: string[], io: Io, demo: boolean): Promise<number> {
  const { values } = parseArgs({ args, options: TAIL_OPTIONS });
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  const simulate = demo || values.simulate === true;
  const version = int(values.version, "version") ?? 25;
  let durationMs = values.duration !== undefined ? parseDuration(values.duration) : undefined;
  if (simulate && durationMs === undefined) durationMs = 10_000;
  let sim: Awaited<ReturnType<typeof startSimulator>> | undefined;
  let sideA = values["side-a"];
  let sideB = values["side-b"];
  if (simulate) {
    sim = await startSimulator({
      host: "127.0.0.1",
      port: 0,
      portB: 0,
      agents: int(values.agents, "agents") ?? 12,
      callsPerSecond: num(values["calls-per-second"], "calls-per-second") ?? 2,
      seed: int(values.seed, "seed") ?? 1,
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
  }
  if (!sideA) throw new UsageError("tail: --side-a host:port is required (or --simulate)");
  const heartbeat = num(values.heartbeat, "heartbeat");
  const client: CtiClientOptions = {
    sideA,
    ...(sideB ? { sideB } : {}),
    version,
    clientID: values["client-id"] ?? "ctiwire-tail",
    ...(values.password !== undefined ? { clientPassword: values.password } : {}),
    ...(values["peripheral-id"] !== undefined
      ? { peripheralID: int(values["peripheral-id"], "peripheral-id") as number }
      : {}),
    services: values.services ? values.services.split(",").map((s) => s.trim()) : ["CTI_SERVICE_ALL_EVENTS"],
    heartbeatIntervalMs: heartbeat !== undefined ? heartbeat * 1000 : 30_000,
    ...(values.tls ? { tls: true } : {}),
  };
  if (Array.isArray(client.services)) {
    for (const s of client.services) {
      if (CTIServiceMask[s as keyof typeof CTIServiceMask] === undefined)
        throw new UsageError(`--services: unknown service ${s}`);
    }
  }
  try {
    await tail({
      client,
      json: values.json === true,
      ...(durationMs !== undefined ? { durationMs } : {}),
      status: values["no-status"] !== true,
      stdout: io.stdout,
      stderr: io.stderr,
      ...(io.interrupted ? { stop: io.interrupted } : {}),
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
    await sim?.close();
  }
  return 0;
}
