// High availability: one leader per source through the lease in KV. The leader killed (SIGKILL) → a
// standby takes over within the lease TTL plus a CTI connect and publishes the GAP marker first. Two
// leaders at once are impossible: bridges racing for the lease, and a paused leader whose lease
// expired cannot publish once it runs again.
import type { NatsConnection } from "@nats-io/transport-node";
import { afterEach, describe, expect, it } from "vitest";
import type { Bridge } from "../src/index.js";
import {
  config,
  natsClient,
  readStream,
  type Simulator,
  type StoredMsg,
  sim,
  startBridge,
  streamCount,
  waitFor,
  yamlConfig,
} from "./helpers.js";
import { NatsServer } from "./nats-server.js";
import { BridgeProcess, configFile } from "./processes.js";

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => {});
});

const TTL_MS = 2000;

async function setup(): Promise<{ nats: NatsServer; s: Simulator; nc: NatsConnection; file: string }> {
  const nats = await NatsServer.start();
  cleanups.push(() => nats.dispose());
  const s = await sim({ eventRate: 400 });
  cleanups.push(() => s.close());
  const nc = await natsClient(nats.url);
  cleanups.push(() => nc.close());
  const yaml = yamlConfig(
    nats.url,
    [{ name: "pg1", sideA: `127.0.0.1:${s.portA}` }],
    `ha:\n  ttl: ${TTL_MS}ms\n`,
  ).replace("level: silent", "level: info");
  return { nats, s, nc, file: configFile(yaml) };
}

function start(file: string): BridgeProcess {
  const p = new BridgeProcess(file);
  cleanups.push(async () => {
    p.signal("SIGCONT");
    p.signal("SIGKILL");
    await p.exit;
  });
  return p;
}

/** Bridge sessions open on the simulator now (the witness-free count of CTI sessions). */
function bridgeSessions(s: Simulator): number {
  return s.sessions().filter((x) => x.clientID === "ctiwire-bridge").length;
}

const isGap = (m: StoredMsg, reason: string) => m.headers["Cti-Type"] === "GAP" && m.json().reason === reason;

describe("leader lease", () => {
  it("SIGKILL of the leader: the standby takes over within TTL + connect, GAP marker first", async () => {
    const { s, nc, file } = await setup();
    const a = start(file);
    await waitFor(() => a.logged("CTI session open"), "the first bridge leading", 20_000);
    const b = start(file);
    await waitFor(() => b.logged("standby: another bridge leads this source"), "the second bridge standing by", 20_000);
    expect(bridgeSessions(s)).toBe(1); // standbys hold no CTI session
    await waitFor(async () => (await streamCount(nc)) > 300, "events published by the leader");
    const killedAt = Date.now();
    a.signal("SIGKILL");
    await a.exit;
    const msgs = await waitFor(async () => {
      const m = await readStream(nc);
      const at = m.findIndex((x) => isGap(x, "takeover"));
      return at >= 0 && m.length > at + 50 ? m : undefined;
    }, "the takeover GAP marker and events after it");
    const gapAt = msgs.findIndex((x) => isGap(x, "takeover"));
    const gap = msgs[gapAt]!;
    const tookMs = Date.parse(gap.json().at as string) - killedAt;
    const firstEventMs = Date.parse(msgs[gapAt + 1]!.headers["Cti-Received-At"]!) - killedAt;
    console.log(`takeover: GAP marker ${tookMs} ms after the SIGKILL, first event ${firstEventMs} ms`);
    expect(tookMs).toBeLessThan(TTL_MS + 1500);
    expect(firstEventMs).toBeLessThan(TTL_MS + 3000);
    // The marker before any event of the new leader, with its fencing token; the old leader's before it.
    const oldLease = Number(msgs[0]!.headers["Cti-Lease"]);
    const newLease = Number(gap.headers["Cti-Lease"]);
    expect(newLease).toBeGreaterThan(oldLease);
    expect(msgs.slice(0, gapAt).every((m) => Number(m.headers["Cti-Lease"]) === oldLease)).toBe(true);
    expect(msgs.slice(gapAt).every((m) => Number(m.headers["Cti-Lease"]) === newLease)).toBe(true);
    // The marker says where the old leader stopped (its last position written with the lease).
    const from = gap.json().from as { epoch: string; seq: number };
    const lastOld = msgs[gapAt - 1]!;
    expect(from.epoch).toBe(lastOld.headers["Cti-Epoch"]);
    expect(from.seq).toBeLessThanOrEqual(Number(lastOld.headers["Cti-Seq"]));
    expect(gap.json()).toMatchObject({ type: "GAP", source: "pg1", reason: "takeover" });
    expect(bridgeSessions(s)).toBe(1);
    b.signal("SIGTERM");
    expect(await b.exit).toBe(0);
  });

  it("two leaders at once are impossible: three bridges racing for the lease", async () => {
    const { nats, s, nc } = await setup();
    let open = 0;
    let maxOpen = 0;
    s.on("session-open", (i: { clientID: string }) => {
      if (i.clientID !== "ctiwire-bridge") return;
      open++;
      maxOpen = Math.max(maxOpen, open);
    });
    s.on("session-close", (i: { clientID: string }) => {
      if (i.clientID === "ctiwire-bridge") open--;
    });
    const cfg = config(
      yamlConfig(nats.url, [{ name: "pg1", sideA: `127.0.0.1:${s.portA}` }], `ha:\n  ttl: ${TTL_MS}ms\n`),
    );
    const bridges: Bridge[] = await Promise.all(
      [0, 1, 2].map((k) => startBridge({ ...cfg, ha: { ...cfg.ha, instance: `racer-${k}` } })),
    );
    for (const b of bridges) cleanups.push(() => b.stop(1000));
    await waitFor(() => bridges.some((b) => b.sources[0]!.sessionOpen), "a leader");
    await waitFor(async () => (await streamCount(nc)) > 200, "events");
    const leaders = bridges.filter((b) => b.sources[0]!.leading);
    expect(leaders.length).toBe(1);
    expect(bridges.filter((b) => b.sources[0]!.state === "standby").length).toBe(2);
    // The leader stops (SIGTERM's path: CLOSE_REQ, drain, lease released): one of the others takes over.
    await leaders[0]!.stop();
    await waitFor(() => bridges.some((b) => b !== leaders[0] && b.sources[0]!.sessionOpen), "a new leader");
    await waitFor(async () => (await readStream(nc)).some((m) => isGap(m, "takeover")), "the takeover marker");
    expect(bridges.filter((b) => b.sources[0]!.leading).length).toBe(1);
    expect(maxOpen).toBe(1);
    const msgs = await readStream(nc);
    const tokens = msgs.map((m) => Number(m.headers["Cti-Lease"]));
    // One token after the other, never interleaved.
    expect(tokens).toEqual([...tokens].sort((x, y) => x - y));
    expect(new Set(tokens).size).toBe(2);
  });

  it("a paused leader whose lease expired publishes nothing once it runs again, and steps down", async () => {
    const { nc, file } = await setup();
    const a = start(file);
    await waitFor(() => a.logged("CTI session open"), "the first bridge leading", 20_000);
    const b = start(file);
    await waitFor(() => b.logged("standby: another bridge leads this source"), "the second bridge standing by", 20_000);
    await waitFor(async () => (await streamCount(nc)) > 200, "events from the first leader");
    a.signal("SIGSTOP"); // a stalled process (GC pause, VM freeze) still holding its sockets
    const gapSeq = await waitFor(async () => {
      const m = await readStream(nc);
      return m.find((x) => isGap(x, "takeover"))?.seq;
    }, "the standby's takeover");
    const oldToken = (await readStream(nc))[0]!.headers["Cti-Lease"];
    a.signal("SIGCONT");
    // Once running it finds its lease gone: it steps down (and closes its CTI session).
    await waitFor(() => a.logged("stepped down"), "the old leader stepping down", 20_000);
    await waitFor(async () => (await streamCount(nc)) > gapSeq + 100, "events from the new leader");
    const msgs = await readStream(nc);
    const late = msgs.filter((m) => m.seq > gapSeq && m.headers["Cti-Lease"] === oldToken);
    expect(late).toEqual([]);
    const down = a.lines.find((l) => l.msg === "stepped down")!;
    expect(down.unpublished).toBeGreaterThan(0); // it had events, and held them back
    b.signal("SIGTERM");
    a.signal("SIGTERM");
    expect(await b.exit).toBe(0);
    expect(await a.exit).toBe(0);
  });
});
