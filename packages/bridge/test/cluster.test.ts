// Past one machine: a 3-node NATS cluster (three nats-server processes on loopback), the stream and
// the KV buckets with three replicas. The node leading the stream is killed mid-stream: the bridge
// goes on through the other two, every event once and in order.
import { jetstreamManager } from "@nats-io/jetstream";
import { afterEach, describe, expect, it } from "vitest";
import { config, natsClient, quiesce, readStream, sim, startBridge, streamCount, waitFor, witness } from "./helpers.js";
import { NatsCluster } from "./nats-server.js";

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => {});
});

const noSystem = (s: string) => !s.startsWith('{"type":"SYSTEM_EVENT"');

describe("3-node cluster", () => {
  it("R3 stream and buckets; the stream leader's node killed: every event once, in order", async () => {
    const cluster = await NatsCluster.start(3);
    cleanups.push(() => cluster.dispose());
    const s = await sim({ paused: true, eventRate: 500 });
    cleanups.push(() => s.close());
    const w = await witness(`127.0.0.1:${s.portA}`);
    cleanups.push(() => w.client.close());
    const cfg = config(`nats:
  servers: ${JSON.stringify(cluster.urls)}
stream:
  replicas: 3
http: false
log: { level: silent }
sources:
  - name: pg1
    sideA: "127.0.0.1:${s.portA}"
    heartbeat: 5s
`);
    expect(cfg.kv.replicas).toBe(3);
    const bridge = await startBridge(cfg);
    cleanups.push(() => bridge.stop(2000));
    await waitFor(() => bridge.sources[0]!.sessionOpen, "the CTI session");
    const nc = await natsClient(cluster.urls.join(","));
    cleanups.push(() => nc.close());
    const jsm = await jetstreamManager(nc);
    const info = await jsm.streams.info("CTI");
    expect(info.config.num_replicas).toBe(3);
    for (const b of ["KV_cti_agents", "KV_cti_calls", "KV_cti_leases"]) {
      expect((await jsm.streams.info(b)).config.num_replicas).toBe(3);
    }
    s.resume();
    await waitFor(async () => (await streamCount(nc)) > 500, "events published");
    const leader = (await jsm.streams.info("CTI")).cluster?.leader;
    expect(leader).toMatch(/^n[123]$/); // the nodes are named n1, n2, n3
    const victim = cluster.nodes[Number(leader!.slice(1)) - 1]!;
    await victim.stop("SIGKILL");
    const n = w.events.length;
    await waitFor(() => w.events.length > n + 1500, "events after the node died", 60_000);
    await quiesce(s, w);
    const expected = w.events.filter(noSystem);
    try {
      await waitFor(async () => (await streamCount(nc)) >= expected.length + 2, "every event stored", 60_000);
    } catch (e) {
      const src = bridge.sources[0]!;
      const p = src.publisher!;
      console.error("diagnostics:", {
        state: src.state,
        lease: src.lease?.valid(),
        buffer: p.contents(),
        published: p.published,
      });
      throw e;
    }
    // (An ordered consumer's creation can time out while the cluster settles: read again then.)
    const msgs = await waitFor(() => readStream(nc), "reading the stream back", 60_000);
    const events = msgs.filter((m) => m.headers["Cti-Type"] !== "GAP");
    expect(events.map((m) => new TextDecoder().decode(m.data)).filter(noSystem)).toEqual(expected);
    expect(msgs.filter((m) => m.headers["Cti-Type"] === "GAP").map((m) => m.json().reason)).toEqual(["start"]);
    const after = await jsm.streams.info("CTI");
    expect(after.cluster?.leader).not.toBe(leader); // a new stream leader took over
    const p = bridge.sources[0]!.publisher!;
    console.log(`stream leader ${leader} killed: ${p.duplicates} duplicate acks, ${p.dropped} dropped`);
    expect(p.reordered).toBe(0);
    expect(p.dropped).toBe(0);
    expect(bridge.sources[0]!.client!.state).toBe("open");
  });
});
