/**
 * The bridge: one NATS connection, the stream and KV buckets (created or updated when allowed), one
 * SourceRunner per source, /metrics, /healthz and /readyz.
 */
import { createServer, type Server } from "node:http";
import type { CtiClientOptions } from "@ctiwire/client";
import {
  DiscardPolicy,
  type JetStreamManager,
  jetstream,
  jetstreamManager,
  RetentionPolicy,
  StorageType,
  type StreamConfig,
} from "@nats-io/jetstream";
import { type KV, Kvm } from "@nats-io/kv";
import { type ConnectionOptions, connect, type NatsConnection } from "@nats-io/transport-node";
import { type Logger, pino } from "pino";
import { type BridgeConfig, redactedConfig } from "./config.js";
import { Metrics } from "./metrics.js";
import { SourceRunner } from "./source.js";
import { tokenOf } from "./subject.js";

export interface BridgeOptions {
  /** A pino logger (default: JSON lines on stdout at the configured level). */
  logger?: Logger;
  /** Test hook: options merged into every source's CtiClient options. */
  clientOptions?: Partial<CtiClientOptions>;
}

const NS = 1_000_000;

export class Bridge {
  readonly cfg: BridgeConfig;
  readonly metrics = new Metrics();
  readonly log: Logger;
  #o: BridgeOptions;
  #nc: NatsConnection | undefined;
  #sources: SourceRunner[] = [];
  #http: Server | undefined;
  #natsUp = false;
  #reconnectedAt = Number.NEGATIVE_INFINITY;
  #stopped = false;
  /** Instance tokens of the bridges alive (sorted), this one included. */
  #members: string[] = [];
  #presence: ReturnType<typeof setInterval> | undefined;
  #presenceKey: string | undefined;
  #leasesKv: KV | undefined;

  constructor(cfg: BridgeConfig, options: BridgeOptions = {}) {
    this.cfg = cfg;
    this.#o = options;
    this.log =
      options.logger ??
      pino({ level: cfg.log.level, base: { instance: cfg.ha.instance }, timestamp: pino.stdTimeFunctions.isoTime });
  }

  get sources(): readonly SourceRunner[] {
    return this.#sources;
  }

  /** The bridges alive as this one last saw them (instance tokens; HA only). */
  get members(): readonly string[] {
    return this.#members;
  }

  get nc(): NatsConnection | undefined {
    return this.#nc;
  }

  /** The HTTP server's port (after start, when enabled). */
  get httpPort(): number | undefined {
    const a = this.#http?.address();
    return typeof a === "object" && a !== null ? a.port : undefined;
  }

  /** Connects to NATS, sets up the stream and buckets, starts every source (leading or standing by). */
  async start(): Promise<void> {
    const { cfg } = this;
    this.log.info({ config: redactedConfig(cfg) }, "ctiwire bridge starting");
    if (cfg.http !== false) await this.#startHttp(cfg.http.host, cfg.http.port);
    const opts: ConnectionOptions = {
      servers: cfg.nats.servers,
      name: cfg.nats.name,
      timeout: cfg.nats.timeoutMs,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 250,
      waitOnFirstConnect: true,
      // No async stack trace captured per request: each JetStream publish is a request, and making
      // the trace's Error for every one cost ~10 % of the time at full rate.
      noAsyncTraces: true,
      ...(cfg.nats.user !== undefined ? { user: cfg.nats.user } : {}),
      ...(cfg.nats.password !== undefined ? { pass: cfg.nats.password } : {}),
      ...(cfg.nats.token !== undefined ? { token: cfg.nats.token } : {}),
      ...(cfg.nats.tls !== undefined ? { tls: cfg.nats.tls } : {}),
    };
    const nc = await connect(opts);
    this.#nc = nc;
    this.#natsUp = true;
    this.metrics.natsConnected.set(1);
    void this.#watchStatus(nc);
    const jsm = await jetstreamManager(nc, { timeout: cfg.nats.timeoutMs });
    await this.#ensureStream(jsm);
    const js = jetstream(nc, { timeout: cfg.publish.timeoutMs });
    const kvm = new Kvm(js);
    let agents: KV | undefined;
    let calls: KV | undefined;
    let leases: KV | undefined;
    if (cfg.kv.enabled) {
      agents = await kvm.create(cfg.kv.agents, { history: 1, replicas: cfg.kv.replicas });
      calls = await kvm.create(cfg.kv.calls, { history: 1, replicas: cfg.kv.replicas });
    }
    if (cfg.ha.enabled) {
      leases = await kvm.create(cfg.ha.bucket, { history: 1, ttl: cfg.ha.ttlMs, replicas: cfg.ha.replicas });
      const st = await leases.status();
      if (Math.abs(st.ttl - cfg.ha.ttlMs) > 1) {
        throw new Error(
          `the lease bucket ${cfg.ha.bucket} has a TTL of ${st.ttl} ms, the configuration says ${cfg.ha.ttlMs} ms: every bridge must use the same ha.ttl (or delete the bucket)`,
        );
      }
    }
    if (leases) await this.#startPresence(leases);
    for (const src of cfg.sources) {
      const r = new SourceRunner({
        cfg,
        src,
        nc,
        js,
        jsm,
        agents,
        calls,
        leases,
        metrics: this.metrics,
        log: this.log,
        clientOptions: this.#o.clientOptions,
        sinceReconnect: () => performance.now() - this.#reconnectedAt,
        preferred: (exclude) => {
          const members = this.#members.filter((m) => exclude === undefined || m !== tokenOf(exclude));
          const order = cfg.sources.map((x) => x.name).sort();
          const me = members.indexOf(tokenOf(cfg.ha.instance));
          return me < 0 || order.indexOf(src.name) % members.length === me;
        },
      });
      this.#sources.push(r);
      r.start();
    }
    this.metrics.buffered = () => this.#sources.map((r) => [r.name, r.publisher?.bufferedBytes ?? 0]);
    this.log.info({ sources: cfg.sources.map((s) => s.name) }, "ctiwire bridge started");
  }

  #leading(): number {
    return this.#sources.filter((r) => r.state === "leading").length;
  }

  /**
   * Presence: `_members.<instance>` in the lease bucket, put every TTL/3 (it expires with the TTL), so
   * that each bridge knows which bridges share the sources. Sources start after one poll interval, by
   * which time bridges started together have all registered.
   */
  async #startPresence(leases: KV): Promise<void> {
    const { ha } = this.cfg;
    const key = `_members.${tokenOf(ha.instance)}`;
    this.#presenceKey = key;
    const beat = async () => {
      try {
        await leases.put(
          key,
          JSON.stringify({ instance: ha.instance, leading: this.#leading(), at: new Date().toISOString() }),
        );
        const names: string[] = [];
        for await (const k of await leases.keys("_members.*")) names.push(k.slice("_members.".length));
        this.#members = names.sort();
      } catch (e) {
        this.log.debug({ err: String(e) }, "presence update failed");
      }
    };
    await beat();
    this.#leasesKv = leases;
    this.#presence = setInterval(() => void beat(), Math.max(100, Math.floor(ha.ttlMs / 3)));
    // Settle: until two listings one poll interval apart agree (at most five), so that bridges
    // started together all know of each other before their sources look for leases.
    const settleMs = Math.max(50, Math.min(1000, Math.floor(ha.ttlMs / 10)));
    for (let i = 0; i < 5; i++) {
      const before = this.#members.join(",");
      await new Promise((r) => setTimeout(r, settleMs));
      await beat();
      if (this.#members.join(",") === before) break;
    }
  }

  async #watchStatus(nc: NatsConnection): Promise<void> {
    for await (const s of nc.status()) {
      if (s.type === "disconnect") {
        this.#natsUp = false;
        this.metrics.natsConnected.set(0);
        this.log.warn("NATS disconnected");
        for (const r of this.#sources) r.onDisconnect();
      } else if (s.type === "reconnect") {
        this.#natsUp = true;
        this.metrics.natsConnected.set(1);
        this.log.info("NATS reconnected");
        this.#reconnectedAt = performance.now();
        for (const r of this.#sources) r.onReconnect();
      } else if (s.type === "error") {
        this.log.warn({ err: String((s as { error?: unknown }).error) }, "NATS error");
      }
    }
  }

  /** Creates the stream, or updates it to the configuration (when `stream.manage`). */
  async #ensureStream(jsm: JetStreamManager): Promise<void> {
    const s = this.cfg.stream;
    const want: Partial<StreamConfig> & { name: string } = {
      name: s.name,
      subjects: s.subjects,
      retention:
        s.retention === "interest"
          ? RetentionPolicy.Interest
          : s.retention === "workqueue"
            ? RetentionPolicy.Workqueue
            : RetentionPolicy.Limits,
      storage: s.storage === "memory" ? StorageType.Memory : StorageType.File,
      max_age: s.maxAgeMs * NS,
      max_bytes: s.maxBytes,
      max_msgs: s.maxMsgs,
      num_replicas: s.replicas,
      duplicate_window: s.duplicateWindowMs * NS,
      discard: DiscardPolicy.Old,
    };
    let exists = true;
    try {
      await jsm.streams.info(s.name);
    } catch (e) {
      if (!/not found/i.test(String((e as Error).message))) throw e;
      exists = false;
    }
    if (!s.manage) {
      if (!exists) throw new Error(`stream ${s.name} does not exist (stream.manage is false: create it first)`);
      return;
    }
    if (!exists) {
      await jsm.streams.add(want);
      this.log.info({ stream: s.name, subjects: s.subjects }, "stream created");
    } else {
      const { name: _n, storage: _s, ...update } = want;
      await jsm.streams.update(s.name, update);
      this.log.info({ stream: s.name }, "stream updated to the configuration");
    }
  }

  #startHttp(host: string, port: number): Promise<void> {
    const server = createServer((req, res) => {
      const url = (req.url ?? "/").split("?")[0];
      if (url === "/metrics") {
        this.metrics.registry.metrics().then(
          (text) => {
            res.writeHead(200, { "content-type": this.metrics.registry.contentType });
            res.end(text);
          },
          (e: unknown) => {
            res.writeHead(500);
            res.end(String(e));
          },
        );
        return;
      }
      if (url === "/healthz") {
        const ok = !this.#stopped && this.#nc !== undefined && !this.#nc.isClosed();
        res.writeHead(ok ? 200 : 503, { "content-type": "application/json" });
        res.end(JSON.stringify({ ok }));
        return;
      }
      if (url === "/readyz") {
        const r = this.readiness();
        res.writeHead(r.ready ? 200 : 503, { "content-type": "application/json" });
        res.end(JSON.stringify(r));
        return;
      }
      res.writeHead(404);
      res.end("not found\n");
    });
    this.#http = server;
    return new Promise((resolve, reject) => {
      server.once("error", (e: NodeJS.ErrnoException) =>
        reject(
          new Error(`http: cannot listen on ${host}:${port}: ${e.code ?? e.message} (set http.port, or http: false)`),
        ),
      );
      server.listen(port, host, () => resolve());
    });
  }

  /** Ready: NATS up, and every source either leading with an open CTI session or standing by. */
  readiness(): { ready: boolean; nats: boolean; sources: Record<string, { state: string; session: boolean }> } {
    const sources: Record<string, { state: string; session: boolean }> = {};
    let ready = this.#natsUp && !this.#stopped && this.#sources.length > 0;
    for (const r of this.#sources) {
      sources[r.name] = { state: r.state, session: r.sessionOpen };
      if (!(r.state === "standby" || (r.state === "leading" && r.sessionOpen))) ready = false;
    }
    return { ready, nats: this.#natsUp, sources };
  }

  /**
   * Stops: each source closes its CTI session (CLOSE_REQ), publishes what it holds (up to
   * `drainMs`), releases its lease; then the NATS connection drains and the HTTP server closes.
   */
  async stop(drainMs = 10_000): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    this.log.info("stopping");
    clearInterval(this.#presence);
    await Promise.all(this.#sources.map((r) => r.stop(drainMs)));
    if (this.#presenceKey) await this.#leasesKv?.delete(this.#presenceKey).catch(() => {});
    // Drain the connection (what is still in flight goes out), unless NATS is gone: then close it.
    const nc = this.#nc;
    if (nc !== undefined && !nc.isClosed()) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const drained = await Promise.race([
        nc.drain().then(
          () => true,
          () => false,
        ),
        new Promise<boolean>((r) => {
          timer = setTimeout(() => r(false), this.#natsUp ? 5000 : 0);
        }),
      ]);
      clearTimeout(timer);
      if (!drained) await nc.close().catch(() => {});
    }
    await new Promise<void>((resolve) => (this.#http ? this.#http.close(() => resolve()) : resolve()));
    this.log.info("stopped");
  }
}
