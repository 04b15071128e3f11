// Debian's nats-server (CI installs it), started by the tests on a free loopback port with JetStream
// and a temporary store directory. Ready = a NATS client connects and JetStream answers (polled, no
// sleeps). `restart()` keeps the port and the store (a nats-server restarted mid-stream).
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { jetstreamManager, StorageType } from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";

export const NATS_SERVER = process.env.NATS_SERVER ?? "/usr/sbin/nats-server";

/** A port nobody listens on now (the OS picks it; it is free again when this resolves). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      const port = typeof a === "object" && a !== null ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export interface NatsServerOptions {
  /** Extra nats-server configuration (a file is written with it and `-c`); JetStream is on either way. */
  config?: string;
  /** Credentials the readiness probe connects with (when the config requires authentication). */
  probe?: { user: string; pass: string };
  /** More command-line arguments (a cluster node's name, cluster URL and routes). */
  args?: string[];
  /** Ready once a client connects (a cluster node's JetStream answers only once the cluster has a leader). */
  connectOnly?: boolean;
}

export class NatsServer {
  readonly port: number;
  readonly dir: string;
  readonly url: string;
  #child: ChildProcess | undefined;
  #opts: NatsServerOptions;
  #log = "";

  private constructor(port: number, dir: string, opts: NatsServerOptions) {
    this.port = port;
    this.dir = dir;
    this.url = `nats://127.0.0.1:${port}`;
    this.#opts = opts;
  }

  static async start(opts: NatsServerOptions = {}, port?: number): Promise<NatsServer> {
    const dir = mkdtempSync(join(tmpdir(), "ctiwire-nats-"));
    const s = new NatsServer(port ?? (await freePort()), dir, opts);
    await s.#spawn();
    return s;
  }

  get log(): string {
    return this.#log;
  }

  get running(): boolean {
    return this.#child !== undefined && this.#child.exitCode === null && this.#child.signalCode === null;
  }

  async #spawn(): Promise<void> {
    const args = ["-js", "-a", "127.0.0.1", "-p", String(this.port), "-sd", join(this.dir, "store")];
    args.push(...(this.#opts.args ?? []));
    if (this.#opts.config !== undefined) {
      const file = join(this.dir, "server.conf");
      writeFileSync(file, this.#opts.config);
      args.push("-c", file);
    }
    const child = spawn(NATS_SERVER, args, { stdio: ["ignore", "pipe", "pipe"] });
    this.#child = child;
    const add = (d: Buffer) => {
      this.#log += d.toString();
      if (this.#log.length > 200_000) this.#log = this.#log.slice(-100_000);
    };
    child.stdout?.on("data", add);
    child.stderr?.on("data", add);
    await this.#ready(child);
  }

  /** Polls until a client connects and JetStream answers (or the process exits: an error). */
  async #ready(child: ChildProcess): Promise<void> {
    const deadline = Date.now() + 30_000;
    let last: unknown;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`nats-server exited (${child.exitCode ?? child.signalCode}):\n${this.#log}`);
      }
      try {
        const nc = await connect({
          servers: this.url,
          timeout: 1000,
          reconnect: false,
          ...(this.#opts.probe ? { user: this.#opts.probe.user, pass: this.#opts.probe.pass } : {}),
        });
        try {
          if (!this.#opts.connectOnly) {
            const jsm = await jetstreamManager(nc, { timeout: 2000 });
            await jsm.getAccountInfo();
          }
          return;
        } finally {
          await nc.close();
        }
      } catch (e) {
        last = e;
        // Connection refused until it listens; a short pause between polls (not a wait for an outcome).
        await new Promise((r) => setTimeout(r, 25));
      }
    }
    throw new Error(`nats-server not ready within 30 s: ${String(last)}\n${this.#log}`);
  }

  /** Stops the process (SIGTERM, or `signal`) and waits for its exit. The store stays. */
  async stop(signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
    const child = this.#child;
    if (!child || !this.running) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill(signal);
    await exited;
  }

  /** Starts it again on the same port with the same store. */
  async restart(): Promise<void> {
    await this.stop();
    await this.#spawn();
  }

  /** Stops it and removes its store. */
  async dispose(): Promise<void> {
    await this.stop("SIGKILL");
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * Three nats-server processes on loopback as one JetStream cluster (each its own port, cluster port
 * and store). Ready once every node takes clients and JetStream answers through each (a meta leader
 * is elected).
 */
export class NatsCluster {
  readonly nodes: NatsServer[];

  private constructor(nodes: NatsServer[]) {
    this.nodes = nodes;
  }

  get urls(): string[] {
    return this.nodes.map((n) => n.url);
  }

  static async start(size = 3): Promise<NatsCluster> {
    const ports: number[] = [];
    const routes: number[] = [];
    for (let i = 0; i < size; i++) {
      ports.push(await freePort());
      routes.push(await freePort());
    }
    const routeList = routes.map((p) => `nats://127.0.0.1:${p}`).join(",");
    const nodes = await Promise.all(
      ports.map((port, i) =>
        NatsServer.start(
          {
            connectOnly: true,
            args: [
              "--server_name",
              `n${i + 1}`,
              "--cluster_name",
              "ctiwire",
              "--cluster",
              `nats://127.0.0.1:${routes[i]}`,
              "--routes",
              routeList,
            ],
          },
          port,
        ),
      ),
    );
    const c = new NatsCluster(nodes);
    await c.ready();
    return c;
  }

  /** Polls until JetStream answers through every running node. */
  async ready(): Promise<void> {
    const deadline = Date.now() + 60_000;
    for (const n of this.nodes.filter((x) => x.running)) {
      for (;;) {
        try {
          const nc = await connect({ servers: n.url, timeout: 1000, reconnect: false });
          try {
            const jsm = await jetstreamManager(nc, { timeout: 2000 });
            await jsm.getAccountInfo();
            break;
          } finally {
            await nc.close();
          }
        } catch (e) {
          if (Date.now() > deadline) throw new Error(`cluster not ready: ${String(e)}\n${n.log}`);
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    }
    // Answering is not yet placing: a stream with a replica on every running node can be made only
    // once the meta group knows them all ("no suitable peers for placement" before, seen in CI).
    const running = this.nodes.filter((x) => x.running);
    const nc = await connect({ servers: running.map((x) => x.url), timeout: 1000 });
    try {
      const jsm = await jetstreamManager(nc, { timeout: 5000 });
      for (;;) {
        try {
          await jsm.streams.add({
            name: "READY_PROBE",
            subjects: ["ready.probe"],
            storage: StorageType.Memory,
            num_replicas: running.length,
          });
          await jsm.streams.delete("READY_PROBE");
          break;
        } catch (e) {
          if (Date.now() > deadline)
            throw new Error(`cluster not ready to place ${running.length} replicas: ${String(e)}`);
          await new Promise((r) => setTimeout(r, 200));
        }
      }
    } finally {
      await nc.close();
    }
  }

  async dispose(): Promise<void> {
    await Promise.all(this.nodes.map((n) => n.dispose()));
  }
}
