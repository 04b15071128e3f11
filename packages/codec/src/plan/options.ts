import { floatingHeaderSize, maxFloatingFieldLength, maxMessageSize, PROTOCOL_VERSIONS } from "@ctiwire/protocol/core";
import { CtiProtocolError } from "../base/errors.js";
import type { CodecSchema, PlanCache } from "./plan.js";
import { planCache } from "./plan.js";

/** Options shared by decode, encode, FrameDecoder and the streams. */
export interface CodecOptions {
  /** Protocol version, 17..25 (a number: "25" is an INVALID_ARGUMENT). */
  readonly version: number;
  /**
   * Strict mode: reject what the guide forbids (unknown or duplicate tags, unterminated strings,
   * BOOL other than 0/1, count mismatches, named data over 2000 bytes, missing required fields,
   * invalid UTF-8). Default false: lenient, accepting what real servers send.
   */
  readonly strict?: boolean | undefined;
  /** How STRING bytes map to characters. Default 'latin1' (ASCII is a subset). */
  readonly encoding?: "latin1" | "utf8" | undefined;
  /**
   * Largest frame accepted or produced, header included. Default: the version's maximum message
   * size from @ctiwire/protocol. A configured value replaces it (it may be lower or higher).
   */
  readonly maxMessageSize?: number | undefined;
  /**
   * encode: accept STRING values longer than their documented maximum (still bounded by the
   * floating field's length limit). Default false. A decoded message needs no option: the encoder
   * follows its `warnings`, so that what lenient decoding accepted encodes back to the same bytes.
   */
  readonly allowOverlong?: boolean | undefined;
  /** Where message layouts come from. Default: @ctiwire/protocol. */
  readonly schema?: CodecSchema | undefined;
}

export type DecodeOptions = CodecOptions;
export type EncodeOptions = CodecOptions;

/** Options resolved once: what the hot path reads. */
export interface Context {
  readonly version: number;
  readonly strict: boolean;
  readonly utf8: boolean;
  readonly allowOverlong: boolean;
  readonly maxSize: number;
  /** Floating field header size: 2 (v17-19) or 4 (v20+). */
  readonly hdr: number;
  /** Largest floating field data length: 255 or 65535. */
  readonly maxFieldLength: number;
  readonly cache: PlanCache;
}

export function checkVersion(version: unknown): number {
  if (typeof version !== "number") {
    throw new CtiProtocolError(
      "INVALID_ARGUMENT",
      `version must be a protocol version number (17 to 25), not ${typeof version === "string" ? `the string ${JSON.stringify(version)}` : String(version)}`,
      { field: "version" },
    );
  }
  if (!Number.isInteger(version) || version < MIN_VERSION || version > MAX_VERSION) {
    throw new CtiProtocolError(
      "INVALID_VERSION",
      `protocol version ${String(version)} is not supported (versions ${MIN_VERSION} to ${MAX_VERSION} are)`,
    );
  }
  return version;
}

const MIN_VERSION = PROTOCOL_VERSIONS[0]!;
const MAX_VERSION = PROTOCOL_VERSIONS[PROTOCOL_VERSIONS.length - 1]!;

const defaultMax: number[] = [];

/** An option that must be a boolean when given. */
function flag(options: CodecOptions, name: "strict" | "allowOverlong"): boolean {
  const v = options[name];
  if (v === undefined || typeof v === "boolean") return v === true;
  throw new CtiProtocolError("INVALID_ARGUMENT", `${name} must be true or false, not ${JSON.stringify(v)}`, {
    field: name,
  });
}

export function resolveContext(options: CodecOptions): Context {
  if (options === null || typeof options !== "object") {
    throw new CtiProtocolError("INVALID_ARGUMENT", "codec options with a protocol version are required", {
      field: "options",
    });
  }
  const version = checkVersion(options.version);
  let maxSize = options.maxMessageSize;
  if (maxSize === undefined) {
    maxSize = defaultMax[version] ??= maxMessageSize(version);
  } else if (typeof maxSize !== "number" || !(maxSize >= 8) || !Number.isInteger(maxSize)) {
    throw new CtiProtocolError(
      "VALUE_OUT_OF_RANGE",
      `maxMessageSize must be an integer of at least 8, not ${maxSize}`,
      {
        field: "maxMessageSize",
      },
    );
  }
  const encoding = options.encoding;
  if (encoding !== undefined && encoding !== "latin1" && encoding !== "utf8") {
    throw new CtiProtocolError(
      "INVALID_ARGUMENT",
      `encoding must be 'latin1' or 'utf8', not ${JSON.stringify(encoding)}`,
      { field: "encoding" },
    );
  }
  const hdr = floatingHeaderSize(version);
  return {
    version,
    strict: flag(options, "strict"),
    allowOverlong: flag(options, "allowOverlong"),
    utf8: encoding === "utf8",
    maxSize,
    hdr,
    maxFieldLength: maxFloatingFieldLength(version),
    cache: planCache(options.schema),
  };
}
