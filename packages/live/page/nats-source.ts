/**
 * NATS through the bridge (@ctiwire/bridge): nats-server's WebSocket listener (`wsconnect`), the
 * bridge's KV buckets for the snapshot, then its stream from the snapshot's sequence on.
 *
 * The bridge keeps, per source, agents (`<source>.<peripheral>.<agent>`: the last AGENT_STATE_EVENT)
 * and calls (`<source>.<call>`: BEGIN_CALL_EVENT, the last CALL_DATA_UPDATE_EVENT and the last call
 * event) with `streamSeq`, the stream sequence each value reflects, and `<source>._stream`, the
 * watermark up to which every event is reflected. The page loads both buckets, then reads the stream
 * (an ordered consumer) from the lower watermark + 1, applying an event to a key only when its
 * sequence is above the key's `streamSeq`. Raw payloads are CTI frames, decoded here; JSON payloads
 * are the transcoder's JSON. A GAP marker (events lost upstream) reloads the snapshot.
 */
import { jetstream } from "@nats-io/jetstream";
import { Kvm } from "@nats-io/kv";
import { wsconnect } from "@nats-io/nats-core";
import type { NatsPageConfig } from "../src/server.js";
import { LiveState, type Msg } from "../src/state.js";
import type { App } from "./app.js";
import { backoff } from "./ws-source.js";

/** The bridge's subject token of a value (its tokenOf). */
function tokenOf(v: string | number | undefined): string {
  if (v === undefined) return "_";
  const s = String(v);
  return s === "" ? "_" : s.replace(/[^A-Za-z0-9_-]/g, "_");
}

interface AgentValue {
  streamSeq: number;
  at: string;
  event: Msg;
}

interface CallValue {
  streamSeq: number;
  at: string;
  begin: Msg | null;
  data: Msg | null;
  last: Msg;
}

const decoder = new TextDecoder();

/** The KV key an event of the stream updates (as the bridge names it), or undefined. */
function keyOf(source: string, m: Msg): string | undefined {
  if (m.type === "AGENT_STATE_EVENT") {
    const agent = typeof m.agentID === "string" ? m.agentID : undefined;
    return `a:${tokenOf(source)}.${tokenOf(m.peripheralID as number | undefined)}.${tokenOf(agent)}`;
  }
  if (typeof m.connectionCallID === "number") return `c:${tokenOf(source)}.${tokenOf(m.connectionCallID)}`;
  return undefined;
}

export function connectNats(app: App, cfg: NatsPageConfig): void {
  const tok = tokenOf(cfg.source);
  const streamName = cfg.stream ?? "CTI";
  const filter = cfg.subject ?? `cti.${tok}.>`;
  const gapSubject = `cti.${tok}.GAP`;
  let attempt = 0;

  const run = async (): Promise<void> => {
    app.link("connecting", `connecting to NATS ${cfg.url}…`);
    const conn = await wsconnect({
      servers: cfg.url,
      ...(cfg.token ? { token: cfg.token } : {}),
      maxReconnectAttempts: -1,
      reconnectTimeWait: 1000,
      name: "ctiwire-live",
    });
    /** The stream being read, stopped at a reconnect (its consumer may be gone with the server). */
    let reading: { stop(): void } | undefined;
    void (async () => {
      for await (const s of conn.status()) {
        if (s.type === "disconnect") app.link("reconnecting", `NATS lost: reconnecting to ${cfg.url}`);
        else if (s.type === "reconnect") {
          app.link("open", `NATS ${cfg.url}`);
          reading?.stop();
        }
      }
    })();
    // The key → stream sequence its KV value reflects (from the snapshot), and the last message read.
    const seqOf = new Map<string, number>();
    let last = -1;
    for (;;) {
      try {
        // Fail fast (a JetStream still recovering after a restart does not answer), then try again.
        const js = jetstream(conn, { timeout: 5000 });
        if (last < 0) last = await snapshot(js, seqOf);
        const ended = await read(
          js,
          last,
          seqOf,
          (r) => {
            reading = r;
          },
          (seq) => {
            last = seq;
          },
        );
        attempt = 0;
        if (ended === "gap") {
          last = -1;
          app.board.log("a GAP marker: events were lost upstream; loading the state again", "warn");
        } else app.board.log(`NATS: reading the stream again after #${last}`, "note");
      } catch (e) {
        if (conn.isClosed()) throw e;
        const ms = backoff(attempt++);
        app.link(
          "reconnecting",
          `NATS ${cfg.url}: ${(e as Error).message ?? String(e)}; again in ${(ms / 1000).toFixed(1)} s`,
        );
        await new Promise((r) => setTimeout(r, ms));
      }
    }
  };

  /** Loads agents and calls from the bridge's KV into a new state; returns the stream sequence it reflects. */
  const snapshot = async (js: ReturnType<typeof jetstream>, seqOf: Map<string, number>): Promise<number> => {
    const kvm = new Kvm(js);
    const agents = await kvm.open(cfg.agentsBucket ?? "cti_agents");
    const calls = await kvm.open(cfg.callsBucket ?? "cti_calls");
    const watermark = async (kv: typeof agents) => {
      const e = await kv.get(`${tok}._stream`);
      return e && e.length > 0 ? (e.json<{ streamSeq: number }>().streamSeq ?? 0) : 0;
    };
    const from = Math.min(await watermark(agents), await watermark(calls));
    const st = new LiveState();
    seqOf.clear();
    for await (const k of await agents.keys(`${tok}.>`)) {
      if (k.endsWith("._stream")) continue;
      const e = await agents.get(k);
      if (!e || e.length === 0) continue;
      const v = e.json<AgentValue>();
      st.apply(v.event, Date.parse(v.at));
      seqOf.set(`a:${k}`, v.streamSeq);
    }
    for await (const k of await calls.keys(`${tok}.>`)) {
      if (k.endsWith("._stream")) continue;
      const e = await calls.get(k);
      if (!e || e.length === 0) continue;
      const v = e.json<CallValue>();
      const at = Date.parse(v.at);
      for (const m of [v.begin, v.data, v.last]) if (m) st.apply(m, at);
      seqOf.set(`c:${k}`, v.streamSeq);
    }
    st.seq = from;
    await app.useVersion(cfg.version ?? 25);
    app.load(st, Date.now());
    app.session({ state: "open", side: null, text: `via the bridge: source ${cfg.source} (stream ${streamName})` });
    app.link("open", `NATS ${cfg.url}`);
    app.board.log(
      `NATS: snapshot of ${st.agents.size} agents and ${st.calls.size} calls from KV (stream #${from})`,
      "note",
    );
    return from;
  };

  /**
   * Reads the stream after `after` until a GAP marker ("gap": load the state again) or until the
   * reading is stopped or ends ("stopped": read on after the last message).
   */
  const read = async (
    js: ReturnType<typeof jetstream>,
    after: number,
    seqOf: Map<string, number>,
    onStart: (r: { stop(): void }) => void,
    onSeq: (seq: number) => void,
  ): Promise<"gap" | "stopped"> => {
    const consumer = await js.consumers.get(streamName, {
      // One subject: also for nats-server before 2.10 (no filter_subjects there).
      filter_subjects: filter,
      ...(after > 0 ? { deliver_policy: "by_start_sequence" as const, opt_start_seq: after + 1 } : {}),
    });
    // Heartbeats every 2 s: an ordered consumer that misses them is made again from where it was.
    const messages = await consumer.consume({ idle_heartbeat: 2000 });
    onStart(messages);
    app.link("open", `NATS ${cfg.url}`);
    for await (const jm of messages) {
      onSeq(jm.seq);
      const at = jm.info.timestampNanos / 1e6;
      if (jm.subject === gapSubject) {
        messages.stop();
        app.reset(jm.seq, `GAP marker #${jm.seq}: ${decoder.decode(jm.data).slice(0, 200)}`);
        return "gap";
      }
      const accept = (m: Msg) => {
        const key = keyOf(cfg.source, m);
        const seen = key === undefined ? undefined : seqOf.get(key);
        if (seen !== undefined && jm.seq <= seen) return false;
        if (key !== undefined && seen !== undefined) seqOf.delete(key);
        return true;
      };
      if (jm.data[0] === 0x7b) {
        // JSON payload (the bridge's default): the transcoder's JSON of the frame.
        let m: Msg;
        try {
          m = JSON.parse(decoder.decode(jm.data)) as Msg;
        } catch (e) {
          app.board.log(`garbage message #${jm.seq} on ${jm.subject}: ${(e as Error).message}`, "error");
          continue;
        }
        if (app.state) app.state.seq = jm.seq;
        if (accept(m)) app.message(m, at);
      } else app.frame(jm.seq, at, jm.data, accept);
    }
    return "stopped";
  };

  const start = () => {
    run().catch((e: unknown) => {
      const ms = backoff(attempt++);
      app.link(
        "reconnecting",
        `NATS ${cfg.url}: ${(e as Error).message ?? String(e)}; again in ${(ms / 1000).toFixed(1)} s (attempt ${attempt})`,
      );
      setTimeout(start, ms);
    });
  };
  start();
}
