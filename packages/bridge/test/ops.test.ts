// Operations: /metrics, /healthz, /readyz; SIGTERM drains, sends CLOSE_REQ and exits 0; secrets never
// logged; the KV state rebuilt after a gap.
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { Kvm } from "@nats-io/kv";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { Bridge } from "../src/index.js";
import { config, natsClient, readStream, sim, streamCount, waitFor, yamlConfig } from "./helpers.js";
import { NatsServer } from "./nats-server.js";
import { BridgeProcess, configFile } from "./processes.js";

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => {});
});

async function get(port: number, path: string): Promise<{ status: number; text: string }> {
  const r = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: r.status, text: await r.text() };
}

function metric(text: string, name: string, labels = ""): number {
  const line = text.split("\n").find((l) => l.startsWith(`${name}${labels ? `{${labels}` : ""}`));
  return line === undefined ? Number.NaN : Number(line.split(" ").pop());
}

describe("operations", () => {
  it("/metrics, /healthz and /readyz", async () => {
    const nats = await NatsServer.start();
    cleanups.push(() => nats.dispose());
    const s = await sim({ eventRate: 200 });
    cleanups.push(() => s.close());
    const cfg = config(
      yamlConfig(nats.url, [{ name: "pg1", sideA: `127.0.0.1:${s.portA}` }]).replace("http: false", "http:\n  port: 0"),
    );
    const lines: string[] = [];
    const bridge = new Bridge(cfg, { logger: pino({ level: "info" }, { write: (l: string) => lines.push(l) }) });
    await bridge.start();
    cleanups.push(() => bridge.stop(1000));
    const port = bridge.httpPort!;
    await waitFor(async () => (await get(port, "/readyz")).status === 200, "ready");
    const nc = await natsClient(nats.url);
    cleanups.push(() => nc.close());
    await waitFor(async () => (await streamCount(nc)) > 100, "events");
    const m = (await get(port, "/metrics")).text;
    expect(metric(m, "ctiwire_bridge_events_in_total", 'source="pg1",type="AGENT_STATE_EVENT"')).toBeGreaterThan(50);
    expect(metric(m, "ctiwire_bridge_events_out_total", 'source="pg1",type="AGENT_STATE_EVENT"')).toBeGreaterThan(50);
    expect(metric(m, "ctiwire_bridge_gaps_total", 'source="pg1",reason="start"')).toBe(1);
    expect(metric(m, "ctiwire_bridge_publish_latency_seconds_count", 'source="pg1"')).toBeGreaterThan(50);
    expect(metric(m, "ctiwire_bridge_buffered_bytes", 'source="pg1"')).toBeGreaterThanOrEqual(0);
    expect(metric(m, "ctiwire_bridge_cti_session_open", 'source="pg1"')).toBe(1);
    expect(metric(m, "ctiwire_bridge_cti_session_side", 'source="pg1",side="A"')).toBe(1);
    expect(metric(m, "ctiwire_bridge_leader", 'source="pg1"')).toBe(1);
    expect(metric(m, "ctiwire_bridge_nats_connected")).toBe(1);
    expect((await get(port, "/healthz")).status).toBe(200);
    const ready = JSON.parse((await get(port, "/readyz")).text);
    expect(ready).toEqual({ ready: true, nats: true, sources: { pg1: { state: "leading", session: true } } });
    // NATS gone: not ready (alive all the same); back: ready again.
    await nats.stop();
    await waitFor(async () => (await get(port, "/readyz")).status === 503, "not ready without NATS");
    expect((await get(port, "/healthz")).status).toBe(200);
    await nats.restart();
    await waitFor(async () => (await get(port, "/readyz")).status === 200, "ready again");
    expect((await get(port, "/nope")).status).toBe(404);
    // Logs are JSON lines (pino).
    expect(lines.map((l) => JSON.parse(l).msg)).toContain("CTI session open");
  });

  it("SIGTERM: drains what is in flight, sends CLOSE_REQ, exits 0; secrets never logged", async () => {
    const nats = await NatsServer.start();
    cleanups.push(() => nats.dispose());
    const s = await sim({ eventRate: 1000, credentials: { clientID: "ctiwire-bridge", password: "pw-cti-8841" } });
    cleanups.push(() => s.close());
    const closeReqs: string[] = [];
    s.on("request", (r: { message: { type: string } }) => {
      if (r.message.type === "CLOSE_REQ") closeReqs.push(r.message.type);
    });
    const file = configFile(
      yamlConfig(nats.url, [{ name: "pg1", sideA: `127.0.0.1:${s.portA}` }])
        .replace("level: silent", "level: debug")
        .replace("    version: 25\n", "    version: 25\n    password: { file: cti-password }\n"),
    );
    writeFileSync(join(dirname(file), "cti-password"), "pw-cti-8841\n");
    const p = new BridgeProcess(file);
    cleanups.push(async () => {
      p.signal("SIGKILL");
      await p.exit;
    });
    await waitFor(() => p.logged("CTI session open"), "the session (the password from the file was right)", 20_000);
    const nc = await natsClient(nats.url);
    cleanups.push(() => nc.close());
    await waitFor(async () => (await streamCount(nc)) > 1000, "events flowing");
    p.signal("SIGTERM");
    expect(await p.exit).toBe(0);
    expect(closeReqs.length).toBe(1);
    // Everything it received before CLOSE_REQ is in the stream, in order, nothing missing.
    const msgs = (await readStream(nc)).filter((m) => m.headers["Cti-Type"] !== "GAP");
    const seqs = msgs.map((m) => Number(m.headers["Cti-Seq"]));
    expect(seqs).toEqual(seqs.map((_, k) => k + 1));
    const stopping = p.lines.find((l) => l.msg === "stopping with events unpublished");
    expect(stopping).toBeUndefined();
    expect(p.lines.some((l) => l.msg === "stopped")).toBe(true);
    expect(p.output).not.toContain("pw-cti-8841");
    expect(p.output).toContain("[redacted]");
  });

  it("after a gap the KV state is rebuilt: agents queried, calls the server no longer knows deleted", async () => {
    const nats = await NatsServer.start();
    cleanups.push(() => nats.dispose());
    const s = await sim({ agents: 6, callsPerSecond: 3 });
    cleanups.push(() => s.close());
    const lines: string[] = [];
    const cfg = config(yamlConfig(nats.url, [{ name: "pg1", sideA: `127.0.0.1:${s.portA}`, version: 23 }]));
    const bridge = new Bridge(cfg, { logger: pino({ level: "info" }, { write: (l: string) => lines.push(l) }) });
    await bridge.start();
    cleanups.push(() => bridge.stop(1000));
    const nc = await natsClient(nats.url);
    cleanups.push(() => nc.close());
    const agents = await waitFor(async () => {
      try {
        return await new Kvm(nc).open("cti_agents");
      } catch {
        return undefined;
      }
    }, "the agents bucket");
    await waitFor(async () => {
      const keys: string[] = [];
      for await (const k of await agents.keys("pg1.>")) keys.push(k);
      // (The listing follows updates made meanwhile: a key may come more than once.)
      return new Set(keys.filter((k) => !k.endsWith("_stream"))).size >= 6;
    }, "every agent in KV");
    s.dropConnections("A");
    const rebuilt = await waitFor(
      () => lines.map((l) => JSON.parse(l)).find((l) => l.msg === "state rebuilt after the gap"),
      "the rebuild",
    );
    // Every agent known is queried.
    expect(rebuilt, lines.filter((l) => /session|rebuilt|GAP/.test(l)).join("")).toMatchObject({
      agentsKnown: 6,
      agentsQueried: 6,
    });
    const e = await agents.get("pg1.5000.1001");
    const v = e!.json<{ rebuilt?: boolean; query?: { type: string }; event?: { type: string } }>();
    // The query's answer, or an event that came after it.
    expect(v.rebuilt === true ? v.query?.type : v.event?.type).toMatch(/QUERY_AGENT_STATE_CONF|AGENT_STATE_EVENT/);
  });
});
