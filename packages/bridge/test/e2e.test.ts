// End to end: the simulator as the CTI Server, a real nats-server, the bridge in-process. Every event
// the CTI Server sends is in the stream once, in order, per source; headers, subjects, JSON and raw
// payloads, KV state.
import { jetstreamManager } from "@nats-io/jetstream";
import { Kvm } from "@nats-io/kv";
import type { NatsConnection } from "@nats-io/transport-node";
import { decode } from "ctiwire";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  config,
  natsClient,
  quiesce,
  readStream,
  type Simulator,
  type StoredMsg,
  sim,
  startBridge,
  waitFor,
  witness,
  yamlConfig,
} from "./helpers.js";
import { NatsServer } from "./nats-server.js";

let nats: NatsServer;
let nc: NatsConnection;

beforeAll(async () => {
  nats = await NatsServer.start();
  nc = await natsClient(nats.url);
});
afterAll(async () => {
  await nc?.close();
  await nats?.dispose();
});

const noSystem = (s: string) => !s.startsWith('{"type":"SYSTEM_EVENT"');

describe("end to end", () => {
  it("publishes every event of two sources once and in order, JSON payloads, headers, KV state", async () => {
    const sims: Simulator[] = [await sim({ paused: true, eventRate: 1500 }), await sim({ paused: true, seed: 9 })];
    const witnesses = await Promise.all(sims.map((s) => witness(`127.0.0.1:${s.portA}`)));
    const cfg = config(
      yamlConfig(nats.url, [
        { name: "pg1", sideA: `127.0.0.1:${sims[0]!.portA}` },
        { name: "pg2", sideA: `127.0.0.1:${sims[1]!.portA}` },
      ]),
    );
    const bridge = await startBridge(cfg);
    try {
      await waitFor(() => bridge.sources.every((s) => s.sessionOpen), "both CTI sessions");
      for (const s of sims) s.resume();
      await waitFor(() => witnesses[0]!.events.length > 3000 && witnesses[1]!.events.length > 200, "events");
      for (const [k, s] of sims.entries()) await quiesce(s, witnesses[k]!);
      const expected = witnesses.map((w) => w.events.filter(noSystem));
      const total = expected[0]!.length + expected[1]!.length;
      // All published: the events, each source's SYSTEM_EVENT and start GAP marker.
      await waitFor(
        async () => (await jetstreamManager(nc).then((j) => j.streams.info("CTI"))).state.messages >= total + 4,
        "the stream to hold every event",
      );
      const all = await readStream(nc);
      for (const [i, name] of ["pg1", "pg2"].entries()) {
        const mine = all.filter((m) => m.subject.startsWith(`cti.${name}.`));
        expect(mine[0]!.subject).toBe(`cti.${name}.GAP`); // the start marker first
        expect(mine[0]!.json()).toMatchObject({ type: "GAP", source: name, reason: "start" });
        const events = mine.filter((m) => m.headers["Cti-Type"] !== "GAP");
        const lines = events.map((m) => new TextDecoder().decode(m.data)).filter(noSystem);
        expect(lines.length).toBe(expected[i]!.length);
        expect(lines).toEqual(expected[i]); // same bytes, same order, none twice
        // Subjects and headers.
        for (const m of events.slice(0, 50)) {
          expect(m.subject).toBe(`cti.${name}.${m.headers["Cti-Type"]}`);
          expect(m.headers["Cti-Version"]).toBe("25");
          expect(m.headers["Cti-Side"]).toBe("A");
          expect(Date.parse(m.headers["Cti-Received-At"] ?? "")).toBeGreaterThan(0);
          expect(m.headers["Nats-Msg-Id"]).toMatch(new RegExp(`^${name}:L\\d+-1:\\d+$`)); // source:epoch:seq
        }
        const seqs = events.map((m) => Number(m.headers["Cti-Seq"]));
        expect(seqs).toEqual(seqs.map((_, k) => k + 1));
      }
      // The load events carry their number: consecutive.
      const load = all
        .filter((m) => m.subject === "cti.pg1.AGENT_STATE_EVENT")
        .map((m) => /"ctiClientSignature":"load:(\d+)"/.exec(new TextDecoder().decode(m.data))?.[1])
        .filter((x) => x !== undefined)
        .map(Number);
      expect(load.length).toBeGreaterThan(1000);
      expect(load).toEqual(load.map((_, k) => load[0]! + k));

      // KV: every agent of pg1 with its last AGENT_STATE_EVENT and the stream sequence of it.
      const kvm = new Kvm(nc);
      const agents = await kvm.open("cti_agents");
      const lastByAgent = new Map<string, StoredMsg>();
      for (const m of all) {
        if (m.subject === "cti.pg1.AGENT_STATE_EVENT") lastByAgent.set(m.json().agentID as string, m);
      }
      await waitFor(async () => {
        for (const [agent, m] of lastByAgent) {
          const e = await agents.get(`pg1.5000.${agent}`);
          if (!e || e.json<{ streamSeq: number }>().streamSeq !== m.seq) return false;
        }
        return true;
      }, "the agents bucket to reflect the stream");
      const e = await agents.get(`pg1.5000.${[...lastByAgent.keys()][0]}`);
      const v = e!.json<{ event: Record<string, unknown>; source: string }>();
      expect(v.source).toBe("pg1");
      expect(v.event.type).toBe("AGENT_STATE_EVENT");
      // Calls: the ones that ended are gone; the watermark says up to where the bucket is complete.
      const calls = await kvm.open("cti_calls");
      const ended = all.filter((m) => m.subject === "cti.pg1.END_CALL_EVENT").map((m) => m.json().connectionCallID);
      expect(ended.length).toBeGreaterThan(0);
      await waitFor(async () => (await calls.get(`pg1.${ended[0]}`))?.operation !== "PUT", "ended call deleted");
      const wm = await waitFor(async () => {
        const w = await agents.get("pg1._stream");
        const s = w?.json<{ streamSeq: number }>().streamSeq ?? 0;
        return s >= Math.max(...[...lastByAgent.values()].map((m) => m.seq)) ? s : 0;
      }, "the watermark");
      expect(wm).toBeGreaterThan(0);
    } finally {
      await bridge.stop();
      for (const w of witnesses) await w.client.close();
      for (const s of sims) await s.close();
    }
  });

  it("raw payloads are the CTI frames; the subject template routes by agent", async () => {
    const s = await sim({ paused: true, agents: 4 });
    const w = await witness(`127.0.0.1:${s.portA}`);
    const cfg = config(
      yamlConfig(
        nats.url,
        [{ name: "raw1", sideA: `127.0.0.1:${s.portA}` }],
        `stream:\n  name: RAW\n  subjects: ["ctiraw.>"]\nsubject: "ctiraw.{source}.{type}.{agent}"\ngapSubject: "ctiraw.{source}.GAP"\npayload: raw\nkv:\n  enabled: false\nha:\n  bucket: raw_leases\n`,
      ),
    );
    const bridge = await startBridge(cfg);
    try {
      await waitFor(() => bridge.sources[0]!.sessionOpen, "session");
      s.resume();
      await waitFor(() => w.events.filter((e) => e.includes("AGENT_STATE_EVENT")).length > 40, "events");
      await quiesce(s, w);
      const expected = w.events.filter(noSystem);
      await waitFor(
        async () =>
          (await jetstreamManager(nc).then((j) => j.streams.info("RAW"))).state.messages >= expected.length + 2,
        "all published",
      );
      const msgs = (await readStream(nc, "RAW")).filter((m) => m.headers["Cti-Type"] !== "GAP");
      const decoded = msgs.map((m) => decode(m.data, { version: 25 }));
      const json = decoded.map((m) => JSON.stringify(m, (_k, v) => v)).filter((x) => !x.includes("SYSTEM_EVENT"));
      expect(json.length).toBe(expected.length);
      for (const [k, m] of msgs.entries()) {
        const d = decoded[k] as unknown as { type: string; agentID?: string };
        expect(m.subject).toBe(`ctiraw.raw1.${d.type}.${d.agentID ?? "_"}`);
      }
    } finally {
      await bridge.stop();
      await w.client.close();
      await s.close();
    }
  });
});
