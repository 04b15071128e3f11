/**
 * Requests back to the CTI Server: a NATS request on `cti.<source>.request.<MESSAGE_TYPE>` with a
 * JSON body (the request's fields in ctiwire's JSON form, e.g. {"agentID":"1001","agentState":3}),
 * validated against ctiwire's JSON Schema of the message at the session's version (every property
 * optional: fixed fields left out are 0; unknown properties refused), allowed only for the types the
 * configuration lists. The reply is JSON:
 *   { "ok": true, "type": "<CONF>", "confirmation": {...} }
 *   { "ok": false, "error": { "code", "message", ...details } }
 * with code NOT_ALLOWED, INVALID_BODY, FAILURE_CONF / CONTROL_FAILURE (the server's refusal, with
 * status / failure names), TIMEOUT, NOT_CONNECTED, ...: every request gets an answer.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type CtiClient, isCtiClientError } from "@ctiwire/client";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import { type CtiMessage, messageFromJSON, messageToJSON } from "ctiwire";

export interface RequestReply {
  ok: boolean;
  type?: string;
  confirmation?: unknown;
  error?: { code: string; message: string; [k: string]: unknown };
}

const require = createRequire(import.meta.url);
const schemas = new Map<number, Record<string, unknown>>();

function schemaOf(version: number): Record<string, unknown> {
  let s = schemas.get(version);
  if (s === undefined) {
    s = JSON.parse(readFileSync(require.resolve(`ctiwire/json-schema/v${version}.json`), "utf8")) as Record<
      string,
      unknown
    >;
    schemas.set(version, s);
  }
  return s;
}

const SESSION_FIELDS = ["type", "messageType", "invokeID"];

/** Validators of request bodies for one protocol version (compiled per type on first use). */
export class RequestValidator {
  readonly version: number;
  #ajv = new Ajv2020({ allErrors: true, strict: false });
  #validators = new Map<string, ValidateFunction | null>();

  constructor(version: number) {
    this.version = version;
  }

  /** The problems of a body for `type` ([] = valid); throws when the version has no such message. */
  check(type: string, body: unknown): string[] {
    let v = this.#validators.get(type);
    if (v === undefined) {
      const root = schemaOf(this.version);
      const defs = root.$defs as Record<string, Record<string, unknown>>;
      const def = defs[type];
      if (def === undefined) v = null;
      else {
        const props = { ...(def.properties as Record<string, unknown>) };
        for (const k of SESSION_FIELDS) delete props[k];
        v = this.#ajv.compile({
          $defs: defs,
          type: "object",
          properties: props,
          additionalProperties: false,
        });
      }
      this.#validators.set(type, v);
    }
    if (v === null) return [`${type} does not exist at protocol version ${this.version}`];
    if (v(body)) return [];
    return (v.errors ?? []).map(describe);
  }
}

function describe(e: ErrorObject): string {
  const where = e.instancePath === "" ? "body" : e.instancePath.slice(1).replaceAll("/", ".");
  if (e.keyword === "additionalProperties") {
    return `${where}: unknown property ${(e.params as { additionalProperty: string }).additionalProperty}`;
  }
  return `${where}: ${e.message ?? e.keyword}`;
}

export interface RequestContext {
  source: string;
  allow: ReadonlySet<string>;
  validator: RequestValidator;
  client: () => CtiClient | undefined;
  timeoutMs: number;
}

/** Handles one request: never throws, always a reply. */
export async function handleRequest(ctx: RequestContext, type: string, data: Uint8Array): Promise<RequestReply> {
  if (!ctx.allow.has(type)) {
    return {
      ok: false,
      error: {
        code: "NOT_ALLOWED",
        message: `${type} is not allowed for source ${ctx.source} (requests.allow: ${[...ctx.allow].join(", ") || "none"})`,
      },
    };
  }
  let body: unknown;
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(data);
    body = text.trim() === "" ? {} : JSON.parse(text);
  } catch (e) {
    return { ok: false, error: { code: "INVALID_BODY", message: `the body is not JSON: ${(e as Error).message}` } };
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return {
      ok: false,
      error: { code: "INVALID_BODY", message: "the body must be a JSON object of the request's fields" },
    };
  }
  const problems = ctx.validator.check(type, body);
  if (problems.length > 0) {
    return {
      ok: false,
      error: { code: "INVALID_BODY", message: `${type}: ${problems.join("; ")}`, problems },
    };
  }
  const client = ctx.client();
  if (client === undefined) {
    return { ok: false, error: { code: "NOT_CONNECTED", message: `source ${ctx.source}: no CTI session` } };
  }
  let fields: Record<string, unknown> = body as Record<string, unknown>;
  try {
    // Hex strings back to bytes where the schema has bytes.
    const m = messageFromJSON({ type, messageType: 0, invokeID: 0, ...fields } as never, {
      version: ctx.validator.version,
    }) as unknown as Record<string, unknown>;
    fields = {};
    for (const k of Object.keys(body as object)) fields[k] = m[k];
  } catch {
    // messageFromJSON wants more than a partial body for some messages: the body as it is then.
  }
  try {
    const conf = (await client.request(type as never, fields as never, { timeoutMs: ctx.timeoutMs })) as CtiMessage;
    return { ok: true, type: conf.type, confirmation: messageToJSON(conf) };
  } catch (e) {
    if (isCtiClientError(e)) {
      const error: RequestReply["error"] = { code: e.code, message: e.message };
      for (const k of ["status", "statusName", "failureCode", "failureName", "peripheralErrorCode", "side"] as const) {
        if (e[k] !== undefined) error[k] = e[k];
      }
      if (e.code === "INVALID_REQUEST") error.code = "INVALID_BODY";
      return { ok: false, error };
    }
    const err = e as { code?: string; message?: string };
    if (typeof err.code === "string") {
      // The encoder's errors (a value that does not fit its field).
      return { ok: false, error: { code: "INVALID_BODY", message: `${err.code}: ${err.message}` } };
    }
    return { ok: false, error: { code: "ERROR", message: String(err.message ?? e) } };
  }
}
