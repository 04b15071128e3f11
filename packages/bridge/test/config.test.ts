// The configuration: the issue's minimal file as written, the defaults, clear errors naming the path.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { schemaIssues } from "../src/config.js";
import { ConfigError, compileTemplate, loadConfigFile, parseConfig, redactedConfig, runBridge } from "../src/index.js";

const MINIMAL = readFileSync(new URL("../examples/bridge.yaml", import.meta.url), "utf8");

function issues(yaml: string, env: Record<string, string> = {}): string[] {
  try {
    parseConfig(yaml, { env });
  } catch (e) {
    if (e instanceof ConfigError) return [...e.issues];
    throw e;
  }
  return [];
}

describe("configuration", () => {
  it("the minimal configuration works as written, everything else defaulted", () => {
    const cfg = loadConfigFile(new URL("../examples/bridge.yaml", import.meta.url).pathname);
    expect(cfg.nats.servers).toEqual(["nats://127.0.0.1:4222"]);
    expect(cfg.stream).toMatchObject({ name: "CTI", subjects: ["cti.>"], manage: true, replicas: 1 });
    expect(cfg.subject).toBe("cti.{source}.{type}");
    expect(cfg.gapSubject).toBe("cti.{source}.GAP");
    expect(cfg.payload).toBe("json");
    expect(cfg.buffer.maxBytes).toBe(64 * 1024 * 1024);
    expect(cfg.publish.window).toBe(256);
    expect(cfg.ha).toMatchObject({ enabled: true, bucket: "cti_leases", ttlMs: 10_000 });
    expect(cfg.kv).toMatchObject({ enabled: true, agents: "cti_agents", calls: "cti_calls" });
    expect(cfg.requests.allow).toEqual([]);
    expect(cfg.sources).toEqual([
      expect.objectContaining({
        name: "pg1",
        sideA: "127.0.0.1:42027",
        version: 25,
        clientID: "ctiwire-bridge",
        services: ["CTI_SERVICE_ALL_EVENTS"],
      }),
    ]);
    expect(compileTemplate(cfg.subject)({ source: "pg1", type: "AGENT_STATE_EVENT" })).toBe(
      "cti.pg1.AGENT_STATE_EVENT",
    );
    expect(MINIMAL).toContain('sideA: "127.0.0.1:42027"');
  });

  it("every setting of examples/bridge-full.yaml is in the schema", () => {
    const text = readFileSync(new URL("../examples/bridge-full.yaml", import.meta.url), "utf8");
    expect(schemaIssues(parseDocument(text).toJS())).toEqual([]);
  });

  it("errors name the path and say what is wrong", () => {
    expect(issues("sources: []\n")).toEqual(["nats: required", "sources: must NOT have fewer than 1 items"]);
    expect(
      issues(`nats:
  servers: ["nats://127.0.0.1:4222"]
  sever: x
sources:
  - name: pg1
    sideA: "127.0.0.1:abc"
    version: 99
    services: [CTI_SERVICE_ALL_EVENTS, NO_SUCH_SERVICE]
  - name: pg1
    sideA: 42027
publish:
  timeout: soon
payload: xml
`),
    ).toEqual([
      "nats.sever: unknown setting",
      'payload: must be one of "json", "raw"',
      "sources[1].sideA: must be string",
    ]);
    expect(
      issues(`nats:
  servers: ["nats://127.0.0.1:4222"]
sources:
  - name: pg1
    sideA: "127.0.0.1:abc"
    version: 99
    services: [CTI_SERVICE_ALL_EVENTS, NO_SUCH_SERVICE]
  - name: pg1
    sideA: "127.0.0.1"
publish:
  timeout: soon
`),
    ).toEqual([
      'sources[0].sideA: not host:port: "127.0.0.1:abc"',
      "sources[0].version: 99 is not a protocol version (17, 18, 19, 20, 21, 22, 23, 24, 25)",
      "sources[0].services[1]: unknown service NO_SUCH_SERVICE",
      "sources[1].name: pg1 is named twice",
      'publish.timeout: not a duration: "soon" (e.g. 500ms, 10s, 2m, 7d)',
    ]);
  });

  it("templates, secrets, requests against the stream's subjects", () => {
    const base = 'nats:\n  servers: ["nats://127.0.0.1:4222"]\nsources:\n  - name: pg1\n    sideA: "127.0.0.1"\n';
    expect(issues(`${base}subject: "cti.{type}"\n`)).toEqual([
      "subject: must contain {source} (each source publishes on its own subjects)",
    ]);
    expect(issues(`${base}subject: "cti.{source}.{nope}"\n`)[0]).toMatch(/^subject: unknown placeholder \{nope\}/);
    expect(issues(`${base}subject: "other.{source}.{type}"\n`)).toEqual([
      'subject: other.pg1.AGENT_STATE_EVENT is not in the stream\'s subjects ["cti.>"]',
    ]);
    expect(issues(`${base}requests:\n  allow: [SET_AGENT_STATE_REQ]\n`)[0]).toMatch(
      /^stream\.subjects: \["cti\.>"\] also captures the request subjects \(cti\.pg1\.request\.SET_AGENT_STATE_REQ\)/,
    );
    expect(
      issues(
        `${base}stream:\n  subjects: ["cti.*.*"]\nrequests:\n  allow: [SET_AGENT_STATE_REQ, AGENT_STATE_EVENT, BOGUS]\n`,
      ),
    ).toEqual([
      "requests.allow[1]: AGENT_STATE_EVENT is not a request (*_REQ)",
      "requests.allow[2]: not a CTI message type: BOGUS",
    ]);
    expect(issues(`${base}nats:\n  servers: x\n`)[0]).toMatch(/YAML: Map keys must be unique/);
    expect(
      issues(
        'nats:\n  servers: ["nats://h:4222"]\n  password: { env: NATS_PW }\nsources:\n  - name: pg1\n    sideA: h\n    password: { file: /no/such/file }\n',
      ),
    ).toEqual([
      "nats.password.env: the environment variable NATS_PW is not set",
      "sources[0].password.file: cannot read /no/such/file: ENOENT",
    ]);
  });

  it("secrets come from files or the environment and are redacted in what is logged", () => {
    const dir = mkdtempSync(join(tmpdir(), "ctiwire-cfg-"));
    writeFileSync(join(dir, "cti-pw"), "s3cret-cti\n");
    writeFileSync(
      join(dir, "b.yaml"),
      'nats:\n  servers: ["nats://h:4222"]\n  user: u\n  password: { env: NATS_PW }\nsources:\n  - name: pg1\n    sideA: h\n    password: { file: cti-pw }\n',
    );
    const cfg = loadConfigFile(join(dir, "b.yaml"), { env: { NATS_PW: "s3cret-nats" } });
    expect(cfg.nats.password).toBe("s3cret-nats");
    expect(cfg.sources[0]!.password).toBe("s3cret-cti"); // relative to the file, trailing newline dropped
    const shown = JSON.stringify(redactedConfig(cfg));
    expect(shown).not.toMatch(/s3cret/);
    expect(shown).toContain("[redacted]");
  });

  it("--check: 0 and a summary for a valid file, 1 and the errors for an invalid one", async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) } };
    const ok = await runBridge({
      configFile: new URL("../examples/bridge.yaml", import.meta.url).pathname,
      check: true,
      stop: new Promise(() => {}),
      ...io,
    });
    expect(ok).toBe(0);
    expect(out.join("")).toMatch(
      /valid; stream CTI on cti\.>, subject cti\.\{source\}\.\{type\}, payload json; sources: pg1/,
    );
    const dir = mkdtempSync(join(tmpdir(), "ctiwire-cfg-"));
    writeFileSync(join(dir, "bad.yaml"), "nats: {}\nsources:\n  - name: pg1\n");
    const bad = await runBridge({ configFile: join(dir, "bad.yaml"), check: true, stop: new Promise(() => {}), ...io });
    expect(bad).toBe(1);
    expect(err.join("")).toContain(
      "invalid configuration:\n  - nats.servers: required\n  - sources[0].sideA: required",
    );
  });
});
