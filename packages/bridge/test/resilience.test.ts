// NATS down or slow, CTI failover: every event is acknowledged by JetStream or inside a GAP marker,
// and the CTI session never stalls.
import { spawn } from "node:child_process";
import type { NatsConnection } from "@nats-io/transport-node";
import { afterEach, describe, expect, it } from "vitest";
import {
  config,
  natsClient,
  quiesce,
  readStream,
  type Simulator,
  type StoredMsg,
  sim,
  startBridge,
  streamCount,
  waitFor,
  witness,
  yamlConfig,
} from "./helpers.js";
import { NatsServer } from "./nats-server.js";

const noSystem = (s: string) => !s.startsWith('{"type":"SYSTEM_EVENT"');
const text = (m: StoredMsg) => new TextDecoder().decode(m.data);

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => {});
});

async function setup(simOpts: Parameters<typeof sim>[0], extra = "", version = 25) {
  const nats = await NatsServer.start();
  cleanups.push(() => nats.dispose());
  const s = await sim({ paused: true, ...simOpts });
  cleanups.push(() => s.close());
  const w = await witness(`127.0.0.1:${s.portA}`, version, s.portB !== undefined ? `127.0.0.1:${s.portB}` : undefined);
  cleanups.push(() => w.client.close());
  const cfg = config(
    yamlConfig(
      nats.url,
      [
        {
          name: "pg1",
          sideA: `127.0.0.1:${s.portA}`,
          ...(s.portB !== undefined ? { sideB: `127.0.0.1:${s.portB}` } : {}),
          version,
        },
      ],
      extra,
    ),
  );
  const bridge = await startBridge(cfg);
  cleanups.push(() => bridge.stop(2000));
  await waitFor(() => bridge.sources[0]!.sessionOpen, "the CTI session");
  const nc = await natsClient(nats.url);
  cleanups.push(() => nc.close());
  return { nats, s, w, bridge, nc, src: bridge.sources[0]! };
}

/**
 * Holds the simulator still, reads the stream once it has every event the witness has (with this
 * session's SYSTEM_EVENT and the start marker), and checks its events are the witness's, in order.
 */
async function allInOrder(
  s: Simulator,
  w: Awaited<ReturnType<typeof witness>>,
  nc: NatsConnection,
): Promise<{ msgs: StoredMsg[]; events: StoredMsg[] }> {
  await quiesce(s, w);
  const expected = w.events.filter(noSystem);
  const msgs = await all(nc, expected.length + 2);
  const events = msgs.filter((m) => m.headers["Cti-Type"] !== "GAP");
  expect(events.map(text).filter(noSystem)).toEqual(expected);
  return { msgs, events };
}

async function all(nc: NatsConnection, n: number): Promise<StoredMsg[]> {
  await waitFor(async () => (await streamCount(nc)) >= n, `${n} messages in the stream`, 60_000);
  return readStream(nc);
}

describe("NATS down, slow, restarted", () => {
  it("nats-server restarted mid-stream: events wait in the buffer, then all are published once, in order", async () => {
    const { nats, s, w, bridge, nc, src } = await setup({ eventRate: 1000 });
    s.resume();
    await waitFor(async () => (await streamCount(nc)) > 500, "a first part published");
    await nats.stop();
    const during = w.events.length;
    await waitFor(() => w.events.length > during + 300, "events while NATS is down");
    expect(src.publisher!.pending).toBeGreaterThan(0); // waiting in the buffer
    await nats.restart();
    await waitFor(() => w.events.length > during + 900, "more events after the restart");
    const { msgs } = await allInOrder(s, w, nc);
    expect(msgs.filter((m) => m.headers["Cti-Type"] === "GAP").map((m) => m.json().reason)).toEqual(["start"]);
    // The CTI session never noticed.
    expect(src.client!.state).toBe("open");
    expect(src.publisher!.dropped).toBe(0);
    expect(src.publisher!.reordered).toBe(0);
    expect(bridge.readiness().ready).toBe(true);
  });

  it("a quick nats-server restart (back before the publishes in flight time out): every event once, in stream order", async () => {
    // A publish timeout far longer than the restart and a window larger than the events of the
    // outage: what was in flight is still waiting when the connection comes back, and the window
    // has room for newer events (as at a low event rate with the defaults).
    const { nats, s, w, nc, src } = await setup({ eventRate: 1000 }, "publish:\n  timeout: 60s\n  window: 10000\n");
    s.resume();
    await waitFor(async () => (await streamCount(nc)) > 500, "a first part published");
    // Stopped and started again at once, events flowing: publishes in flight at the stop are lost
    // with the server, and nothing newer may be stored before them once it is back.
    await nats.restart();
    const n = w.events.length;
    await waitFor(() => w.events.length > n + 500, "events after the restart");
    await allInOrder(s, w, nc);
    expect(src.publisher!.reordered).toBe(0);
    expect(src.publisher!.dropped).toBe(0);
  });

  it("NATS away for longer than the lease TTL: the lease is taken again, nothing lost, no takeover", async () => {
    const { nats, s, w, nc, src } = await setup({ eventRate: 500 }, "ha:\n  ttl: 2s\n");
    s.resume();
    await waitFor(async () => (await streamCount(nc)) > 200, "a first part published");
    await nats.stop();
    const during = w.events.length;
    // Longer than the TTL: the lease's key has expired by the time NATS is back.
    await waitFor(() => w.events.length > during + 1500, "3 s of events while NATS is down");
    await nats.restart();
    const n = w.events.length;
    await waitFor(() => w.events.length > n + 300, "events after the restart");
    const { msgs, events } = await allInOrder(s, w, nc);
    expect(msgs.filter((m) => m.headers["Cti-Type"] === "GAP").map((m) => m.json().reason)).toEqual(["start"]);
    // Later events carry the new fencing token.
    const tokens = events.map((m) => Number(m.headers["Cti-Lease"]));
    expect(tokens[tokens.length - 1]).toBeGreaterThan(tokens[0]!);
    expect(tokens).toEqual([...tokens].sort((a, b) => a - b));
    expect(src.client!.state).toBe("open");
    expect(src.leading).toBe(true);
  });

  it("past the buffer's limit events are dropped, counted in a GAP marker published once NATS is back", async () => {
    const { nats, s, w, nc, src } = await setup({ eventRate: 2000 }, "buffer:\n  maxBytes: 64KiB\n");
    s.resume();
    await waitFor(async () => (await streamCount(nc)) > 200, "a first part published");
    await nats.stop();
    await waitFor(() => src.publisher!.dropped > 200, "drops");
    // Bounded: what waits stays under the limit (plus one GAP entry).
    expect(src.publisher!.bufferedBytes).toBeLessThanOrEqual(64 * 1024 + 512);
    await nats.restart();
    const n = w.events.length;
    await waitFor(() => w.events.length > n + 300, "events after the restart");
    await quiesce(s, w);
    const expected = w.events.filter(noSystem);
    // Every event has reached the bridge (in the stream or dropped) and its buffer has drained, so a
    // second overflow marker (drops while the buffer refills after the restart) is in the stream too.
    await all(nc, expected.length - src.publisher!.dropped + 3);
    const msgs = await waitFor(async () => {
      if (src.publisher!.pending !== 0) return undefined;
      const m = await readStream(nc);
      const inStream = m.filter((x) => x.headers["Cti-Type"] !== "GAP").length;
      return inStream + src.publisher!.dropped === expected.length + 1 ? m : undefined;
    }, "every event in the stream or dropped, and the buffer drained");
    const dropped = src.publisher!.dropped;
    const gaps = msgs.filter((m) => m.headers["Cti-Type"] === "GAP").map((m) => m.json());
    const overflow = gaps.filter((g) => g.reason === "overflow");
    expect(overflow.length).toBeGreaterThanOrEqual(1);
    const counted = overflow.reduce((a, g) => a + (g.counts as { events: number }).events, 0);
    expect(counted).toBe(dropped);
    // Every event: in the stream, or inside a GAP marker's range, and nothing twice.
    const events = msgs.filter((m) => m.headers["Cti-Type"] !== "GAP");
    const seqs = events.map((m) => Number(m.headers["Cti-Seq"]));
    const inGaps = new Set<number>();
    for (const g of overflow) {
      const from = (g.from as { seq: number }).seq;
      const to = (g.to as { seq: number }).seq;
      for (let k = from; k <= to; k++) inGaps.add(k);
    }
    const covered = [...seqs, ...inGaps].sort((a, b) => a - b);
    expect(covered).toEqual(covered.map((_, k) => k + 1));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs.length + dropped).toBe(expected.length + 1); // + this session's SYSTEM_EVENT
    // The GAP marker sits where the events are missing.
    const gapAt = msgs.findIndex((m) => m.json().reason === "overflow");
    const before = msgs.slice(0, gapAt).filter((m) => m.headers["Cti-Seq"]);
    expect(Number(before[before.length - 1]!.headers["Cti-Seq"])).toBe((overflow[0]!.from as { seq: number }).seq - 1);
    expect(src.client!.state).toBe("open");
  });

  it("a slow NATS consumer does not slow the bridge", async () => {
    const { nats, s, w, nc, src } = await setup({ eventRate: 2000 });
    // A subscriber on every subject that stops reading (SIGSTOP): the server's slow consumer, not ours.
    const child = spawn(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `import { connect } from "@nats-io/transport-node";
         const nc = await connect({ servers: "${nats.url}" });
         nc.subscribe("cti.>", { callback: () => {} });
         await nc.flush();
         console.log("subscribed");`,
      ],
      { cwd: new URL("..", import.meta.url).pathname, stdio: ["ignore", "pipe", "inherit"] },
    );
    cleanups.push(async () => child.kill("SIGKILL"));
    await new Promise<void>((resolve) =>
      child.stdout!.on("data", (d: Buffer) => d.includes("subscribed") && resolve()),
    );
    child.kill("SIGSTOP");
    // What waits in the bridge's buffer, sampled: a bridge held back by the stopped subscriber would
    // pile up the events as they come (2,000 a second); one that publishes on holds about its window.
    let most = 0;
    const sampler = setInterval(() => {
      most = Math.max(most, src.publisher!.pending);
    }, 5);
    cleanups.push(async () => clearInterval(sampler));
    s.resume();
    await waitFor(() => w.events.length > 6000, "6000 events");
    await quiesce(s, w);
    const expected = w.events.filter(noSystem);
    // Every event acknowledged while the subscriber is still stopped.
    await all(nc, expected.length + 2);
    clearInterval(sampler);
    expect(most).toBeLessThan(expected.length / 2);
    expect(src.publisher!.dropped).toBe(0);
    expect(src.client!.state).toBe("open");
    child.kill("SIGKILL");
  });
});

describe("CTI failover", () => {
  it("side A to B (v25 active/standby): a GAP marker, then events from side B", async () => {
    const { s, w, nc, src } = await setup({ portB: 0, eventRate: 500 });
    s.resume();
    await waitFor(() => w.events.length > 200, "events on side A");
    await waitFor(() => src.client!.hasStandby, "the standby session on side B");
    s.switchActiveSide();
    await waitFor(() => src.client!.side === "B", "the switch");
    const n = w.events.length;
    await waitFor(() => w.events.length > n + 200, "events after the switch");
    await quiesce(s, w);
    await waitFor(async () => {
      const msgs = await readStream(nc);
      return msgs.filter((m) => m.headers["Cti-Side"] === "B").length > 100;
    }, "events from side B in the stream");
    const msgs = await readStream(nc);
    const gapAt = msgs.findIndex((m) => m.headers["Cti-Type"] === "GAP" && m.json().reason === "session-reset");
    expect(gapAt).toBeGreaterThan(0);
    const gap = msgs[gapAt]!.json();
    expect(gap).toMatchObject({ source: "pg1", reason: "session-reset", detail: { cause: "side-switch", side: "B" } });
    expect(msgs.slice(0, gapAt).every((m) => m.headers["Cti-Side"] !== "B")).toBe(true);
    expect(msgs.slice(gapAt + 1).every((m) => m.headers["Cti-Side"] === "B")).toBe(true);
    // A new epoch, its sequence from 1.
    const after = msgs.slice(gapAt + 1);
    expect(after[0]!.headers["Cti-Seq"]).toBe("1");
    expect(after[0]!.headers["Cti-Epoch"]).not.toBe(msgs[gapAt - 1]!.headers["Cti-Epoch"]);
  });

  it("a dropped connection (v23, no standby): GAP marker with the reconnect, then events again", async () => {
    const { s, w, nc, src } = await setup({ eventRate: 300 }, "", 23);
    s.resume();
    await waitFor(async () => (await streamCount(nc)) > 100, "events");
    s.dropConnections("A");
    await waitFor(async () => {
      const msgs = await readStream(nc);
      const at = msgs.findIndex((m) => m.headers["Cti-Type"] === "GAP" && m.json().reason === "session-reset");
      return at > 0 && msgs.length > at + 50;
    }, "GAP marker and events after it");
    await quiesce(s, w);
    const msgs = await readStream(nc);
    const gap = msgs.find((m) => m.json().reason === "session-reset")!.json();
    expect(gap).toMatchObject({ reason: "session-reset", detail: { cause: "reconnect" } });
    expect(src.client!.state).toBe("open");
  });
});
