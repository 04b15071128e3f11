import { maxMessageSize } from "@ctiwire/protocol";
import { CtiProtocolError } from "./errors.js";
import type { CodecSchema, PlanCache } from "./plan.js";
import { planCache } from "./plan.js";

/** Options shared by decode, encode, FrameDecoder and the streams. */
export interface CodecOptions {
  /** Protocol version, 17..25. */
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
  if (typeof version !== "number" || !Number.isInteger(version) || version < 17 || version > 25) {
    throw new CtiProtocolError(
      "INVALID_VERSION",
      `protocol version ${String(version)} is not supported (versions 17 to 25 are)`,
    );
  }
  return version;
}

const defaultMax: number[] = [];

export function resolveContext(options: CodecOptions): Context {
  if (options === null || typeof options !== "object") {
    throw new CtiProtocolError("INVALID_VERSION", "codec options with a protocol version are required");
  }
  const version = checkVersion(options.version);
  let maxSize = options.maxMessageSize;
  if (maxSize === undefined) {
    maxSize = defaultMax[version] ??= maxMessageSize(version);
  } else if (typeof maxSize !== "number" || !(maxSize >= 8) || !Number.isInteger(maxSize)) {
    throw new CtiProtocolError("VALUE_OUT_OF_RANGE", `maxMessageSize must be an integer of at least 8, not ${maxSize}`);
  }
  const hdr = version >= 20 ? 4 : 2;
  return {
    version,
    strict: options.strict === true,
    allowOverlong: options.allowOverlong === true,
    utf8: options.encoding === "utf8",
    maxSize,
    hdr,
    maxFieldLength: hdr === 4 ? 0xffff : 0xff,
    cache: planCache(options.schema),
  };
}
