// `ctiwire bridge` and `ctiwire tail --nats`, as users run them: the built bin, a real nats-server
// (Debian's, started here on a free loopback port), the simulator as the CTI Server. Waits are on
// output and exits, not on a clock.
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startSimulator } from "@ctiwire/simulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Watched, watchChild } from "../../../test-support/child.js";
import { NatsServer } from "../../bridge/test/nats-server.js";

const LAUNCHER = fileURLToPath(new URL("../bin/ctiwire.js", import.meta.url));
const EXAMPLE = fileURLToPath(new URL("../../bridge/examples/bridge.yaml", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "ctiwire-cli-bridge-"));

function run(args: string[]): Watched {
  return watchChild(spawn(process.execPath, [LAUNCHER, ...args], { stdio: ["ignore", "pipe", "pipe"] }));
}

let nats: NatsServer;
let sim: Awaited<ReturnType<typeof startSimulator>>;

beforeAll(async () => {
  nats = await NatsServer.start();
  sim = await startSimulator({ agents: 6, callsPerSecond: 2, seed: 3, eventRate: 100 });
});
afterAll(async () => {
  await sim?.close();
  await nats?.dispose();
});

describe("ctiwire bridge", () => {
  it("--check validates the issue's minimal configuration", async () => {
    const p = run(["bridge", "--check", "--config", EXAMPLE]);
    expect(await p.exit).toBe(0);
    expect(p.stdout()).toMatch(
      /bridge\.yaml: valid; stream CTI on cti\.>, subject cti\.\{source\}\.\{type\}, payload json/,
    );
  });

  it("--check names what is wrong (exit 1); a missing --config is a usage error (exit 2)", async () => {
    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, 'nats:\n  servers: ["nats://127.0.0.1:4222"]\nsources:\n  - name: pg1\n    sideA: "h:99999"\n');
    const p = run(["bridge", "--check", "--config", bad]);
    expect(await p.exit).toBe(1);
    expect(p.stderr()).toContain('invalid configuration:\n  - sources[0].sideA: not host:port: "h:99999"');
    const u = run(["bridge"]);
    expect(await u.exit).toBe(2);
    expect(u.stderr()).toMatch(/--config FILE is required[\s\S]*ctiwire bridge --config FILE/);
    const h = run(["bridge", "--help"]);
    expect(await h.exit).toBe(0);
    expect(h.stdout()).toContain("ctiwire bridge --config FILE [--check]");
  });

  it("runs the bridge; tail --nats prints the bus as NDJSON (JSON and raw payloads); SIGTERM exits 0", async () => {
    const cfg = (name: string, extra = "") => {
      const f = join(dir, `${name}.yaml`);
      writeFileSync(
        f,
        `nats:\n  servers: ["${nats.url}"]\n${extra}http: false\nsources:\n  - name: ${name}\n    sideA: "127.0.0.1:${sim.portA}"\n    version: 25\n`,
      );
      return f;
    };
    const json = run(["bridge", "--config", cfg("pg1")]);
    const raw = run([
      "bridge",
      "--config",
      cfg(
        "pgraw",
        'stream:\n  name: RAW\n  subjects: ["raw.>"]\nsubject: "raw.{source}.{type}"\ngapSubject: "raw.{source}.GAP"\npayload: raw\nkv:\n  enabled: false\nha:\n  bucket: raw_leases\n',
      ),
    ]);
    try {
      await json.until(/"msg":"CTI session open"/);
      await raw.until(/"msg":"CTI session open"/);
      const tail = run(["tail", "--nats", nats.url, "--subject", "cti.pg1.>", "--count", "5"]);
      expect(await tail.exit).toBe(0);
      const lines = tail
        .stdout()
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l));
      expect(lines.length).toBe(5);
      for (const l of lines) {
        expect(l.subject).toMatch(/^cti\.pg1\./);
        expect(l.message.type).toBe(l.headers["Cti-Type"]);
      }
      // From the stream's first message: the start GAP marker first.
      const all = run(["tail", "--nats", nats.url, "--subject", "cti.pg1.>", "--all", "--count", "3"]);
      expect(await all.exit).toBe(0);
      const first = JSON.parse(all.stdout().split("\n")[0]!);
      expect(first).toMatchObject({ subject: "cti.pg1.GAP", seq: 1, message: { type: "GAP", reason: "start" } });
      // Raw payloads are CTI frames, decoded by tail.
      const r = run(["tail", "--nats", nats.url, "--subject", "raw.pgraw.AGENT_STATE_EVENT", "--count", "2"]);
      expect(await r.exit).toBe(0);
      for (const l of r
        .stdout()
        .trim()
        .split("\n")
        .map((x) => JSON.parse(x))) {
        expect(l.message).toMatchObject({ type: "AGENT_STATE_EVENT", messageType: 30, peripheralID: 5000 });
      }
    } finally {
      json.child.kill("SIGTERM");
      raw.child.kill("SIGTERM");
    }
    expect(await json.exit).toBe(0);
    expect(await raw.exit).toBe(0);
    expect(json.stdout()).toMatch(/"msg":"stopped"/);
  });

  it("tail --nats without a server fails clearly", async () => {
    const p = run(["tail", "--nats", "nats://127.0.0.1:1", "--count", "1"]);
    expect(await p.exit).toBe(1);
    expect(p.stderr()).toMatch(/cannot connect to nats:\/\/127\.0\.0\.1:1/);
  });
});
