/**
 * The bridge's configuration: YAML (or JSON) validated against a JSON Schema (ajv), errors naming the
 * path ("sources[0].sideA: ..."), then defaulted. Secrets (passwords, tokens) come from the file, a
 * file named by `...File`, or an environment variable named by `...Env`; they are never logged
 * (`redactedConfig` is what the bridge logs).
 */
import { readFileSync } from "node:fs";
import { hostname } from "node:os";
import { dirname, resolve } from "node:path";
import { parseEndpoint } from "@ctiwire/client";
import { Ajv, type ErrorObject } from "ajv";
import { CTIServiceMask, messageTypeNumber, PROTOCOL_VERSIONS } from "ctiwire";
import { parseDocument } from "yaml";
import { checkTemplate, subjectMatches, tokenOf } from "./subject.js";

export class ConfigError extends Error {
  readonly issues: readonly string[];
  constructor(issues: readonly string[], file?: string) {
    super(`${file ? `${file}: ` : ""}invalid configuration:\n${issues.map((i) => `  - ${i}`).join("\n")}`);
    this.name = "ConfigError";
    this.issues = issues;
  }
}

const duration = { type: ["string", "number"], description: 'ms as a number, or "500ms", "10s", "2m", "1h", "7d"' };
const size = { type: ["string", "number"], description: 'bytes as a number, or "64MiB", "1GiB", "512KiB", "1MB"' };
const secret = {
  type: "object",
  additionalProperties: false,
  properties: { file: { type: "string" }, env: { type: "string" } },
  minProperties: 1,
  maxProperties: 1,
};
const secretValue = { anyOf: [{ type: "string" }, secret] };
const tls = {
  anyOf: [
    { type: "boolean" },
    {
      type: "object",
      additionalProperties: false,
      properties: {
        ca: { type: "string", description: "file" },
        cert: { type: "string", description: "file" },
        key: { type: "string", description: "file" },
        rejectUnauthorized: { type: "boolean" },
        servername: { type: "string" },
      },
    },
  ],
};
const nameList = { type: "array", items: { type: "string" } };
const maskValue = { anyOf: [{ type: "integer", minimum: 0, maximum: 4294967295 }, nameList] };

export const CONFIG_SCHEMA = {
  $id: "https://ctiwire.dev/bridge-config.json",
  type: "object",
  additionalProperties: false,
  required: ["nats", "sources"],
  properties: {
    nats: {
      type: "object",
      additionalProperties: false,
      required: ["servers"],
      properties: {
        servers: { anyOf: [{ type: "string" }, { type: "array", items: { type: "string" }, minItems: 1 }] },
        name: { type: "string" },
        user: { type: "string" },
        password: secretValue,
        token: secretValue,
        tls,
        timeout: duration,
      },
    },
    stream: {
      type: "object",
      additionalProperties: false,
      properties: {
        name: { type: "string", pattern: "^[^.*>\\s/\\\\]+$" },
        subjects: { type: "array", items: { type: "string" }, minItems: 1 },
        manage: { type: "boolean" },
        retention: { enum: ["limits", "interest", "workqueue"] },
        storage: { enum: ["file", "memory"] },
        maxAge: duration,
        maxBytes: size,
        maxMsgs: { type: "integer" },
        replicas: { type: "integer", minimum: 1, maximum: 5 },
        duplicateWindow: duration,
      },
    },
    subject: { type: "string" },
    gapSubject: { type: "string" },
    requestSubject: { type: "string" },
    payload: { enum: ["json", "raw"] },
    publish: {
      type: "object",
      additionalProperties: false,
      properties: {
        window: { type: "integer", minimum: 1, maximum: 65536 },
        timeout: duration,
      },
    },
    buffer: {
      type: "object",
      additionalProperties: false,
      properties: { maxBytes: size },
    },
    kv: {
      type: "object",
      additionalProperties: false,
      properties: {
        enabled: { type: "boolean" },
        agents: { type: "string", pattern: "^[-\\w]+$" },
        calls: { type: "string", pattern: "^[-\\w]+$" },
        replicas: { type: "integer", minimum: 1, maximum: 5 },
        rebuild: { type: "boolean" },
      },
    },
    ha: {
      type: "object",
      additionalProperties: false,
      properties: {
        enabled: { type: "boolean" },
        bucket: { type: "string", pattern: "^[-\\w]+$" },
        ttl: duration,
        instance: { type: "string" },
        replicas: { type: "integer", minimum: 1, maximum: 5 },
      },
    },
    requests: {
      type: "object",
      additionalProperties: false,
      properties: {
        allow: { type: "array", items: { type: "string" } },
        timeout: duration,
      },
    },
    http: {
      anyOf: [
        { const: false },
        {
          type: "object",
          additionalProperties: false,
          properties: { host: { type: "string" }, port: { type: "integer", minimum: 0, maximum: 65535 } },
        },
      ],
    },
    log: {
      type: "object",
      additionalProperties: false,
      properties: { level: { enum: ["fatal", "error", "warn", "info", "debug", "trace", "silent"] } },
    },
    sources: {
      type: "array",
      minItems: 1,
      items: {
        type: "object",
        additionalProperties: false,
        required: ["name", "sideA"],
        properties: {
          name: { type: "string", minLength: 1 },
          sideA: { type: "string" },
          sideB: { type: "string" },
          version: { type: "integer" },
          clientID: { type: "string" },
          password: secretValue,
          peripheralID: { type: "integer", minimum: 0, maximum: 4294967295 },
          services: maskValue,
          callMsgMask: maskValue,
          agentStateMask: maskValue,
          heartbeat: duration,
          tls,
        },
      },
    },
  },
} as const;

export type Secret = string | { file: string } | { env: string };
export type TlsConfig =
  | boolean
  | { ca?: string; cert?: string; key?: string; rejectUnauthorized?: boolean; servername?: string };

/** The configuration as written (after the schema check). */
export interface RawConfig {
  nats: {
    servers: string | string[];
    name?: string;
    user?: string;
    password?: Secret;
    token?: Secret;
    tls?: TlsConfig;
    timeout?: string | number;
  };
  stream?: {
    name?: string;
    subjects?: string[];
    manage?: boolean;
    retention?: "limits" | "interest" | "workqueue";
    storage?: "file" | "memory";
    maxAge?: string | number;
    maxBytes?: string | number;
    maxMsgs?: number;
    replicas?: number;
    duplicateWindow?: string | number;
  };
  subject?: string;
  gapSubject?: string;
  requestSubject?: string;
  payload?: "json" | "raw";
  publish?: { window?: number; timeout?: string | number };
  buffer?: { maxBytes?: string | number };
  kv?: { enabled?: boolean; agents?: string; calls?: string; replicas?: number; rebuild?: boolean };
  ha?: { enabled?: boolean; bucket?: string; ttl?: string | number; instance?: string; replicas?: number };
  requests?: { allow?: string[]; timeout?: string | number };
  http?: false | { host?: string; port?: number };
  log?: { level?: string };
  sources: RawSource[];
}

export interface RawSource {
  name: string;
  sideA: string;
  sideB?: string;
  version?: number;
  clientID?: string;
  password?: Secret;
  peripheralID?: number;
  services?: number | string[];
  callMsgMask?: number | string[];
  agentStateMask?: number | string[];
  heartbeat?: string | number;
  tls?: TlsConfig;
}

/** TLS options with the files read. */
export interface TlsOptions {
  ca?: string;
  cert?: string;
  key?: string;
  rejectUnauthorized?: boolean;
  servername?: string;
}

export interface SourceConfig {
  name: string;
  /** The name as a subject token (sanitised). */
  token: string;
  sideA: string;
  sideB?: string;
  version: number;
  clientID: string;
  password?: string;
  peripheralID?: number;
  services: number | string[];
  callMsgMask?: number | string[];
  agentStateMask?: number | string[];
  heartbeatMs: number;
  tls?: boolean | TlsOptions;
}

export interface BridgeConfig {
  nats: {
    servers: string[];
    name: string;
    user?: string;
    password?: string;
    token?: string;
    tls?: TlsOptions;
    timeoutMs: number;
  };
  stream: {
    name: string;
    subjects: string[];
    manage: boolean;
    retention: "limits" | "interest" | "workqueue";
    storage: "file" | "memory";
    maxAgeMs: number;
    maxBytes: number;
    maxMsgs: number;
    replicas: number;
    duplicateWindowMs: number;
  };
  subject: string;
  gapSubject: string;
  requestSubject: string;
  payload: "json" | "raw";
  publish: { window: number; timeoutMs: number };
  buffer: { maxBytes: number };
  kv: { enabled: boolean; agents: string; calls: string; replicas: number; rebuild: boolean };
  ha: { enabled: boolean; bucket: string; ttlMs: number; instance: string; replicas: number };
  requests: { allow: string[]; timeoutMs: number };
  http: false | { host: string; port: number };
  log: { level: string };
  sources: SourceConfig[];
}

export const DEFAULTS = {
  streamName: "CTI",
  streamSubjects: ["cti.>"],
  subject: "cti.{source}.{type}",
  gapSubject: "cti.{source}.GAP",
  requestSubject: "cti.{source}.request",
  payload: "json",
  window: 256,
  publishTimeoutMs: 5000,
  bufferBytes: 64 * 1024 * 1024,
  agentsBucket: "cti_agents",
  callsBucket: "cti_calls",
  leaseBucket: "cti_leases",
  leaseTtlMs: 10_000,
  requestTimeoutMs: 10_000,
  httpHost: "127.0.0.1",
  httpPort: 9464,
  clientID: "ctiwire-bridge",
} as const;

/** "10s", "500ms", "2m", "1h", "7d" or a number of ms → ms. */
export function parseDurationMs(v: string | number): number | undefined {
  if (typeof v === "number") return Number.isFinite(v) && v >= 0 ? v : undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/.exec(v);
  if (!m) return undefined;
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] ?? "ms"] as number;
  return Math.round(Number(m[1]) * unit);
}

/** "64MiB", "1GiB", "512KiB", "1MB", "1000" or a number → bytes (-1: unlimited). */
export function parseSize(v: string | number): number | undefined {
  if (typeof v === "number") return Number.isInteger(v) && v >= -1 ? v : undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(B|KB|MB|GB|KiB|MiB|GiB)?\s*$/i.exec(v);
  if (!m) return undefined;
  const units: Record<string, number> = {
    b: 1,
    kb: 1e3,
    mb: 1e6,
    gb: 1e9,
    kib: 1024,
    mib: 1024 ** 2,
    gib: 1024 ** 3,
  };
  return Math.round(Number(m[1]) * (units[(m[2] ?? "b").toLowerCase()] as number));
}

/** "/sources/0/sideA" → "sources[0].sideA". */
function pathOf(instancePath: string, extra?: string): string {
  const parts = instancePath.split("/").slice(1);
  if (extra !== undefined) parts.push(extra);
  let out = "";
  for (const p of parts) out += /^\d+$/.test(p) ? `[${p}]` : out === "" ? p : `.${p}`;
  return out === "" ? "(top level)" : out;
}

function describe(e: ErrorObject): string | undefined {
  switch (e.keyword) {
    case "additionalProperties":
      return `${pathOf(e.instancePath, (e.params as { additionalProperty: string }).additionalProperty)}: unknown setting`;
    case "required":
      return `${pathOf(e.instancePath, (e.params as { missingProperty: string }).missingProperty)}: required`;
    case "enum":
      return `${pathOf(e.instancePath)}: must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
    case "anyOf":
      return undefined; // its branches' errors say more
    default:
      return `${pathOf(e.instancePath)}: ${e.message ?? e.keyword}`;
  }
}

let validate: ReturnType<Ajv["compile"]> | undefined;

/** Schema errors of a parsed document, as "path: message" lines. */
export function schemaIssues(doc: unknown): string[] {
  validate ??= new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(CONFIG_SCHEMA);
  if (validate(doc)) return [];
  const seen = new Set<string>();
  const out: string[] = [];
  const errors = validate.errors ?? [];
  // Of an anyOf's failed branches, keep those of the branch whose type matched (the others only say "must be X").
  for (const e of errors) {
    if (e.keyword === "type" && errors.some((o) => o.keyword === "anyOf" && o.instancePath === e.instancePath)) {
      const others = errors.filter((o) => o.instancePath.startsWith(`${e.instancePath}/`));
      if (others.length > 0) continue;
    }
    const d = describe(e);
    if (d !== undefined && !seen.has(d)) {
      seen.add(d);
      out.push(d);
    }
  }
  if (out.length === 0) out.push(...errors.map((e) => `${pathOf(e.instancePath)}: ${e.message}`));
  return out;
}

export interface LoadOptions {
  /** Environment for `{ env: NAME }` secrets (default process.env). */
  env?: Record<string, string | undefined>;
  /** Directory that relative file names are resolved against (default: the config file's). */
  baseDir?: string;
}

/** Reads, validates and defaults a configuration file. Throws ConfigError. */
export function loadConfigFile(file: string, options: LoadOptions = {}): BridgeConfig {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new ConfigError([`cannot read the file: ${(e as Error).message}`], file);
  }
  return parseConfig(text, { baseDir: dirname(resolve(file)), ...options }, file);
}

/** Parses, validates and defaults a configuration (YAML or JSON text). Throws ConfigError. */
export function parseConfig(text: string, options: LoadOptions = {}, file?: string): BridgeConfig {
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      doc.errors.map((e) => `YAML: ${e.message.split("\n")[0]}`),
      file,
    );
  }
  const raw = doc.toJS() as unknown;
  const issues = schemaIssues(raw);
  if (issues.length > 0) throw new ConfigError(issues, file);
  return resolveConfig(raw as RawConfig, options, file);
}

/** Defaults and the checks a schema cannot make (durations, addresses, names, secrets). */
export function resolveConfig(raw: RawConfig, options: LoadOptions = {}, file?: string): BridgeConfig {
  const issues: string[] = [];
  const env = options.env ?? process.env;
  const base = options.baseDir ?? process.cwd();
  const dur = (v: string | number | undefined, path: string, dflt: number, min = 0): number => {
    if (v === undefined) return dflt;
    const ms = parseDurationMs(v);
    if (ms === undefined) {
      issues.push(`${path}: not a duration: ${JSON.stringify(v)} (e.g. 500ms, 10s, 2m, 7d)`);
      return dflt;
    }
    if (ms < min) issues.push(`${path}: at least ${min} ms`);
    return ms;
  };
  const bytes = (v: string | number | undefined, path: string, dflt: number): number => {
    if (v === undefined) return dflt;
    const n = parseSize(v);
    if (n === undefined) {
      issues.push(`${path}: not a size: ${JSON.stringify(v)} (e.g. 64MiB, 1GiB, or a number of bytes)`);
      return dflt;
    }
    return n;
  };
  const readSecret = (s: Secret | undefined, path: string): string | undefined => {
    if (s === undefined || typeof s === "string") return s;
    if ("file" in s) {
      try {
        return readFileSync(resolve(base, s.file), "utf8").replace(/\r?\n$/, "");
      } catch (e) {
        issues.push(
          `${path}.file: cannot read ${s.file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
        );
        return undefined;
      }
    }
    const v = env[s.env];
    if (v === undefined) issues.push(`${path}.env: the environment variable ${s.env} is not set`);
    return v;
  };
  const readTls = (t: TlsConfig | undefined, path: string): boolean | TlsOptions | undefined => {
    if (t === undefined || typeof t === "boolean") return t;
    const out: TlsOptions = {};
    for (const k of ["ca", "cert", "key"] as const) {
      const f = t[k];
      if (f === undefined) continue;
      try {
        out[k] = readFileSync(resolve(base, f), "utf8");
      } catch (e) {
        issues.push(`${path}.${k}: cannot read ${f}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
    }
    if (t.rejectUnauthorized !== undefined) out.rejectUnauthorized = t.rejectUnauthorized;
    if (t.servername !== undefined) out.servername = t.servername;
    return out;
  };

  const servers = Array.isArray(raw.nats.servers) ? raw.nats.servers : [raw.nats.servers];
  servers.forEach((s, i) => {
    if (!/^(nats|tls|ws|wss):\/\/[^\s/]+(:\d+)?\/?$/.test(s) && !/^[^\s/:]+(:\d+)?$/.test(s)) {
      issues.push(`nats.servers[${i}]: not a NATS server URL: ${JSON.stringify(s)} (e.g. nats://127.0.0.1:4222)`);
    }
  });
  const natsTls = readTls(raw.nats.tls, "nats.tls");
  const nats: BridgeConfig["nats"] = {
    servers,
    name: raw.nats.name ?? `ctiwire-bridge@${hostname()}`,
    timeoutMs: dur(raw.nats.timeout, "nats.timeout", 5000, 1),
    ...(raw.nats.user !== undefined ? { user: raw.nats.user } : {}),
  };
  const natsPassword = readSecret(raw.nats.password, "nats.password");
  if (natsPassword !== undefined) nats.password = natsPassword;
  const natsToken = readSecret(raw.nats.token, "nats.token");
  if (natsToken !== undefined) nats.token = natsToken;
  if (natsTls !== undefined && natsTls !== false) nats.tls = natsTls === true ? {} : natsTls;

  const requests = {
    allow: raw.requests?.allow ?? [],
    timeoutMs: dur(raw.requests?.timeout, "requests.timeout", DEFAULTS.requestTimeoutMs, 1),
  };
  requests.allow.forEach((t, i) => {
    if (messageTypeNumber(t) === undefined) issues.push(`requests.allow[${i}]: not a CTI message type: ${t}`);
    else if (!/_(REQ|IND)$/.test(t)) issues.push(`requests.allow[${i}]: ${t} is not a request (*_REQ)`);
    else if (t === "OPEN_REQ" || t === "CLOSE_REQ" || t === "HEARTBEAT_REQ") {
      issues.push(`requests.allow[${i}]: ${t} belongs to the session, which the bridge runs`);
    }
  });

  const subject = raw.subject ?? DEFAULTS.subject;
  const gapSubject = raw.gapSubject ?? DEFAULTS.gapSubject;
  const requestSubject = raw.requestSubject ?? DEFAULTS.requestSubject;
  for (const [k, t] of [
    ["subject", subject],
    ["gapSubject", gapSubject],
    ["requestSubject", requestSubject],
  ] as const) {
    const problem = checkTemplate(t, k === "subject");
    if (problem) issues.push(`${k}: ${problem}`);
  }

  const streamSubjects = raw.stream?.subjects ?? [...DEFAULTS.streamSubjects];
  const stream: BridgeConfig["stream"] = {
    name: raw.stream?.name ?? DEFAULTS.streamName,
    subjects: streamSubjects,
    manage: raw.stream?.manage ?? true,
    retention: raw.stream?.retention ?? "limits",
    storage: raw.stream?.storage ?? "file",
    maxAgeMs: dur(raw.stream?.maxAge, "stream.maxAge", 0),
    maxBytes: bytes(raw.stream?.maxBytes, "stream.maxBytes", -1),
    maxMsgs: raw.stream?.maxMsgs ?? -1,
    replicas: raw.stream?.replicas ?? 1,
    duplicateWindowMs: dur(raw.stream?.duplicateWindow, "stream.duplicateWindow", 120_000, 1000),
  };

  const names = new Set<string>();
  const tokens = new Map<string, string>();
  const sources: SourceConfig[] = raw.sources.map((s, i) => {
    const path = `sources[${i}]`;
    if (names.has(s.name)) issues.push(`${path}.name: ${s.name} is named twice`);
    names.add(s.name);
    const token = tokenOf(s.name);
    const other = tokens.get(token);
    if (other !== undefined && other !== s.name) {
      issues.push(`${path}.name: ${s.name} and ${other} make the same subject token ${token}`);
    }
    tokens.set(token, s.name);
    if (!/^[-\w]+$/.test(s.name))
      issues.push(`${path}.name: letters, digits, - and _ only (it names subjects and keys)`);
    for (const side of ["sideA", "sideB"] as const) {
      const v = s[side];
      if (v === undefined) continue;
      try {
        parseEndpoint(v, 42027);
      } catch {
        issues.push(`${path}.${side}: not host:port: ${JSON.stringify(v)}`);
      }
    }
    const version = s.version ?? 25;
    if (!(PROTOCOL_VERSIONS as readonly number[]).includes(version)) {
      issues.push(`${path}.version: ${version} is not a protocol version (${PROTOCOL_VERSIONS.join(", ")})`);
    }
    const services = s.services ?? ["CTI_SERVICE_ALL_EVENTS"];
    if (Array.isArray(services)) {
      services.forEach((n, k) => {
        if ((CTIServiceMask as Record<string, unknown>)[n] === undefined) {
          issues.push(`${path}.services[${k}]: unknown service ${n}`);
        }
      });
    }
    const out: SourceConfig = {
      name: s.name,
      token,
      sideA: s.sideA,
      version,
      clientID: s.clientID ?? DEFAULTS.clientID,
      services,
      heartbeatMs: dur(s.heartbeat, `${path}.heartbeat`, 30_000),
    };
    if (s.sideB !== undefined) out.sideB = s.sideB;
    const pw = readSecret(s.password, `${path}.password`);
    if (pw !== undefined) out.password = pw;
    if (s.peripheralID !== undefined) out.peripheralID = s.peripheralID;
    if (s.callMsgMask !== undefined) out.callMsgMask = s.callMsgMask;
    if (s.agentStateMask !== undefined) out.agentStateMask = s.agentStateMask;
    const t = readTls(s.tls, `${path}.tls`);
    if (t !== undefined && t !== false) out.tls = t;
    // JetStream answers a request on a stream subject with its PubAck, before the bridge could.
    if (requests.allow.length > 0) {
      const sample = `${requestSubject.replaceAll("{source}", token)}.${requests.allow[0]}`;
      if (streamSubjects.some((p) => subjectMatches(p, sample))) {
        issues.push(
          `stream.subjects: ${JSON.stringify(streamSubjects)} also captures the request subjects (${sample}): JetStream would answer requests with its PubAck. With requests, give the stream subjects that leave them out, e.g. ["cti.*.*"] for the default subject template`,
        );
      }
    }
    return out;
  });

  const ha: BridgeConfig["ha"] = {
    enabled: raw.ha?.enabled ?? true,
    bucket: raw.ha?.bucket ?? DEFAULTS.leaseBucket,
    ttlMs: dur(raw.ha?.ttl, "ha.ttl", DEFAULTS.leaseTtlMs, 1000),
    instance: raw.ha?.instance ?? `${hostname()}-${process.pid}`,
    replicas: raw.ha?.replicas ?? stream.replicas,
  };
  const cfg: BridgeConfig = {
    nats,
    stream,
    subject,
    gapSubject,
    requestSubject,
    payload: raw.payload ?? "json",
    publish: {
      window: raw.publish?.window ?? DEFAULTS.window,
      timeoutMs: dur(raw.publish?.timeout, "publish.timeout", DEFAULTS.publishTimeoutMs, 1),
    },
    buffer: { maxBytes: bytes(raw.buffer?.maxBytes, "buffer.maxBytes", DEFAULTS.bufferBytes) },
    kv: {
      enabled: raw.kv?.enabled ?? true,
      agents: raw.kv?.agents ?? DEFAULTS.agentsBucket,
      calls: raw.kv?.calls ?? DEFAULTS.callsBucket,
      replicas: raw.kv?.replicas ?? stream.replicas,
      rebuild: raw.kv?.rebuild ?? true,
    },
    ha,
    requests,
    http:
      raw.http === false
        ? false
        : { host: raw.http?.host ?? DEFAULTS.httpHost, port: raw.http?.port ?? DEFAULTS.httpPort },
    log: { level: raw.log?.level ?? "info" },
    sources,
  };
  if (cfg.buffer.maxBytes < 1024) issues.push("buffer.maxBytes: at least 1KiB");
  // Every subject the bridge publishes must land in the stream.
  for (const [k, t] of [
    ["subject", subject],
    ["gapSubject", gapSubject],
  ] as const) {
    const sample = t
      .replaceAll("{source}", sources[0]?.token ?? "pg1")
      .replaceAll("{type}", "AGENT_STATE_EVENT")
      .replace(/\{\w+\}/g, "1");
    if (!streamSubjects.some((p) => subjectMatches(p, sample))) {
      issues.push(`${k}: ${sample} is not in the stream's subjects ${JSON.stringify(streamSubjects)}`);
    }
  }
  if (issues.length > 0) throw new ConfigError(issues, file);
  return cfg;
}

/** The configuration with every secret replaced (what may be logged). */
export function redactedConfig(cfg: BridgeConfig): unknown {
  const hide = (v: unknown) => (v === undefined ? undefined : "[redacted]");
  return {
    ...cfg,
    nats: {
      ...cfg.nats,
      password: hide(cfg.nats.password),
      token: hide(cfg.nats.token),
      tls: cfg.nats.tls ? { ...cfg.nats.tls, key: hide(cfg.nats.tls.key) } : undefined,
    },
    sources: cfg.sources.map((s) => ({
      ...s,
      password: hide(s.password),
      tls: typeof s.tls === "object" ? { ...s.tls, key: hide(s.tls.key) } : s.tls,
    })),
  };
}
