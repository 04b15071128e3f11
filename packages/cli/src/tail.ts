// `ctiwire tail`: open a session and print every event (NDJSON with --json), with a live status line.
import { type ClientEvent, CtiClient, type CtiClientOptions } from "@ctiwire/client";
import { messageToJSON } from "@ctiwire/codec";
import { formatEvent, timeOfDay } from "./format.js";
import { TailStats } from "./stats.js";

export interface Output {
  write(s: string): unknown;
  isTTY?: boolean;
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
  /** Resolves to stop early (Ctrl-C). */
  stop?: Promise<unknown>;
  /** Called once the session is open (the demo uses it to schedule a failover). */
  onOpen?: (client: CtiClient) => void;
}

export interface TailResult {
  events: number;
  resets: number;
  seconds: number;
  summary: string;
}

export async function tail(o: TailOptions): Promise<TailResult> {
  const client = new CtiClient(o.client);
  const stats = new TailStats();
  const started = Date.now();
  // Where the status line goes: stdout for the readable form, stderr for NDJSON (stdout stays pure).
  const statusOut = o.json ? o.stderr : o.stdout;
  const live = o.status && statusOut.isTTY === true;
  let statusShown = false;
  const clearStatus = () => {
    if (statusShown) statusOut.write("\r\x1b[2K");
    statusShown = false;
  };
  const drawStatus = () => {
    if (!live) return;
    statusOut.write(`\r\x1b[2K\x1b[7m ${stats.line()} \x1b[0m`);
    statusShown = true;
  };
  const print = (line: string) => {
    if (live && !o.json) clearStatus();
    o.stdout.write(line + "\n");
  };
  const note = (line: string) => {
    if (o.json) {
      if (live) clearStatus();
      o.stderr.write(line + "\n");
    } else print(line);
  };

  client.on("open", (i) => {
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
  client.on("attempt-failed", (a) => note(`# attempt ${a.attempt} on side ${a.side} failed: ${a.error.message}`));
  client.on("waiting", (w) => note(`# waiting ${w.ms / 1000} s before the next attempts`));
  client.on("side-switch", (s) => note(`# active side is now ${s.to} (was ${s.from ?? "-"})`));
  client.on("standby", (s) => note(`# standby session held on side ${s.side}`));
  client.on("warning", (w) => note(`# warning: ${(w as Error).message ?? String(w)}`));

  let timer: ReturnType<typeof setInterval> | undefined;
  if (live) timer = setInterval(drawStatus, 250);
  const stopped = new Promise<void>((resolve) => {
    if (o.durationMs !== undefined) setTimeout(resolve, o.durationMs).unref?.();
    o.stop?.then(() => resolve());
  });

  const consume = (async () => {
    for await (const e of client.events() as AsyncIterable<ClientEvent>) {
      stats.add(e);
      if (o.json) {
        const rec = e.type === "SESSION_RESET" ? { ...e, cause: e.cause?.message } : messageToJSON(e);
        o.stdout.write(`${JSON.stringify({ t: Date.now(), side: client.side, ...(rec as object) })}\n`);
      } else if (e.type === "SESSION_RESET") {
        print(
          `${timeOfDay(Date.now())} ${e.side} ── SESSION_RESET (${e.reason}; was side ${e.previousSide ?? "-"}${e.cause ? `: ${e.cause.message}` : ""}): events in the gap are lost; calls in progress are announced again`,
        );
      } else {
        print(`${timeOfDay(Date.now())} ${client.side} ${formatEvent(e)}`);
      }
    }
  })();

  let error: unknown;
  const connected = client.connect().then(
    (info) => o.onOpen?.(client) ?? info,
    (e) => {
      error = e;
    },
  );
  await Promise.race([stopped, connected.then(() => (error ? undefined : stopped))]);
  await client.close();
  await consume.catch(() => {});
  if (timer) clearInterval(timer);
  clearStatus();
  const seconds = (Date.now() - started) / 1000;
  const summary = `# ${stats.events} events in ${seconds.toFixed(1)} s (${(stats.events / Math.max(seconds, 0.001)).toFixed(0)} ev/s); ${stats.line()}`;
  (o.json ? o.stderr : o.stdout).write(summary + "\n");
  // Stopped (Ctrl-C, --duration) before any session opened: not an error of the session.
  if (error && (error as { code?: string }).code !== "CLOSED") throw error;
  return { events: stats.events, resets: stats.resets, seconds, summary };
}
