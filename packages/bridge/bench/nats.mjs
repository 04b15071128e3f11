// The benchmarks' nats-server (Debian's, JetStream on, loopback, a temporary store): started, stopped,
// started again on the same port and store (the soak's restart), disposed with its store.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import * as net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { jetstreamManager } from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";

async function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const p = s.address().port;
      s.close(() => resolve(p));
    });
  });
}

export async function natsServer() {
  const dir = mkdtempSync(join(tmpdir(), "ctiwire-bench-nats-"));
  const port = await freePort();
  const url = `nats://127.0.0.1:${port}`;
  let child;
  const start = async () => {
    child = spawn("/usr/sbin/nats-server", ["-js", "-a", "127.0.0.1", "-p", String(port), "-sd", dir], {
      stdio: "ignore",
    });
    // Up once JetStream answers (the port alone is open before it is).
    for (;;) {
      try {
        const nc = await connect({ servers: url, reconnect: false });
        await (await jetstreamManager(nc)).getAccountInfo();
        await nc.close();
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  };
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await exited;
  };
  await start();
  return {
    url,
    port,
    dir,
    start,
    stop,
    dispose: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
