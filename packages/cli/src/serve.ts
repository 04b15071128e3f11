// `ctiwire serve`: the live view (@ctiwire/live) — one CTI session, the page, and its frames to
// every browser over WebSocket. @ctiwire/live is loaded when a command needs it (serve, demo), so
// that the other commands start without it.
import { parseArgs } from "node:util";
import { parseEndpoint } from "@ctiwire/client";
import type { LiveServer, LiveServerOptions } from "@ctiwire/live";
import { CTIServiceMask, LATEST_PROTOCOL_VERSION, PROTOCOL_VERSIONS } from "ctiwire";
import { type Io, parseDuration, UsageError, Writer } from "./cli.js";

export const SERVE_HELP = `  ctiwire serve --side-a host:port [--side-b host:port] [--version N] [--http PORT] [--host H]
               [--token T] [--allow-origin URL,...] [--client-id ID] [--password PW]
               [--peripheral-id N] [--services NAME,...] [--tls] [--duration D]
  ctiwire serve --nats ws://host:port [--source NAME] [--http PORT] [...]
      the live view: holds one CTI session and serves a wallboard page (agents by state, skill groups,
      calls, events) on http://127.0.0.1:PORT/ (default 8080), its frames decoded in the browser.
      Loopback only unless --host; any other address needs a token (--token or CTIWIRE_LIVE_TOKEN).
      --nats: the page reads the bridge's NATS (its WebSocket listener) instead of a CTI session
`;

const MODULE = "@ctiwire/live";

async function liveModule(): Promise<typeof import("@ctiwire/live")> {
  try {
    return await import(MODULE);
  } catch (e) {
    throw new Error(
      `the live view (${MODULE}) is not available: build it first (npm run build) (${(e as Error).message})`,
    );
  }
}

function endpoint(v: string | undefined, name: string): string | undefined {
  if (v === undefined) return undefined;
  try {
    parseEndpoint(v, 42027);
  } catch {
    throw new UsageError(`--${name}: not host:port (a port from 1 to 65535): ${v}`);
  }
  return v;
}

function int(v: string | undefined, name: string, min: number, max: number): number | undefined {
  if (v === undefined) return undefined;
  const n = /^\s*\d+\s*$/.test(v) ? Number(v) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw new UsageError(`--${name}: not an integer from ${min} to ${max}: ${v}`);
  return n;
}

/** Starts the live view on a CTI Server (the demo's, here on loopback and any free port). */
export async function startLiveView(o: LiveServerOptions): Promise<LiveServer> {
  const live = await liveModule();
  return live.startLiveServer(o);
}

export async function serveCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      "side-a": { type: "string" },
      "side-b": { type: "string" },
      version: { type: "string" },
      http: { type: "string" },
      host: { type: "string" },
      token: { type: "string" },
      "allow-origin": { type: "string" },
      "client-id": { type: "string" },
      password: { type: "string" },
      "peripheral-id": { type: "string" },
      services: { type: "string" },
      tls: { type: "boolean" },
      duration: { type: "string" },
      nats: { type: "string" },
      source: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const sideA = endpoint(values["side-a"], "side-a");
  const sideB = endpoint(values["side-b"], "side-b");
  if (!sideA && !values.nats) throw new UsageError("serve: --side-a host:port is required (or --nats ws://host:port)");
  if (sideA && values.nats) throw new UsageError("serve: --side-a and --nats exclude each other");
  const [first, last] = [PROTOCOL_VERSIONS[0] as number, PROTOCOL_VERSIONS[PROTOCOL_VERSIONS.length - 1] as number];
  const version = int(values.version, "version", first, last) ?? LATEST_PROTOCOL_VERSION;
  const port = int(values.http, "http", 0, 65535) ?? 8080;
  const peripheralID = int(values["peripheral-id"], "peripheral-id", 0, 0xffffffff);
  const services = values.services ? values.services.split(",").map((s) => s.trim()) : ["CTI_SERVICE_ALL_EVENTS"];
  for (const s of services) {
    if (CTIServiceMask[s as keyof typeof CTIServiceMask] === undefined)
      throw new UsageError(`--services: unknown service ${s}`);
  }
  let durationMs: number | undefined;
  if (values.duration !== undefined) {
    try {
      durationMs = parseDuration(values.duration);
    } catch (e) {
      throw new UsageError(`--duration: ${(e as Error).message}`);
    }
  }
  if (values.nats !== undefined && !/^wss?:\/\/[^/\s]+/.test(values.nats)) {
    throw new UsageError(`--nats: not a WebSocket URL (ws://host:port): ${values.nats}`);
  }
  const token = values.token ?? process.env.CTIWIRE_LIVE_TOKEN;
  const host = values.host ?? "127.0.0.1";
  const live = await liveModule();
  if (!live.isLoopback(host) && !token) {
    throw new UsageError(`--host ${host} is not loopback: give a token (--token or CTIWIRE_LIVE_TOKEN)`);
  }
  const out = new Writer(io.stdout, io.stdoutClosed);
  const server = await live.startLiveServer({
    ...(sideA
      ? {
          cti: {
            sideA,
            ...(sideB ? { sideB } : {}),
            version,
            clientID: values["client-id"] ?? "ctiwire-live",
            ...(values.password !== undefined ? { clientPassword: values.password } : {}),
            ...(peripheralID !== undefined ? { peripheralID } : {}),
            services,
            ...(values.tls ? { tls: true } : {}),
          },
        }
      : {
          nats: {
            url: values.nats as string,
            source: values.source ?? "cti",
            version,
          },
        }),
    host,
    port,
    ...(token ? { token } : {}),
    ...(values["allow-origin"] ? { allowOrigins: values["allow-origin"].split(",").map((s) => s.trim()) } : {}),
    log: (line) => void out.write(`# ${line}\n`),
  });
  const what = sideA ? `CTI side A ${sideA}${sideB ? `, side B ${sideB}` : ""}, v${version}` : `NATS ${values.nats}`;
  await out.write(`ctiwire serve: live view on ${server.url} (${what}; Ctrl-C to stop)\n`);
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    io.interrupted ?? new Promise(() => {}),
    io.stdoutClosed ?? new Promise(() => {}),
    ...(durationMs !== undefined ? [new Promise((r) => (timer = setTimeout(r, durationMs)))] : []),
  ]);
  clearTimeout(timer);
  await server.close();
  await out.write("ctiwire serve: stopped\n");
  return 0;
}
