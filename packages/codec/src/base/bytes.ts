import { CtiProtocolError } from "./errors.js";
/**
 * Byte-level helpers: big-endian integers, Latin-1 and UTF-8 strings, hex. No Node-only APIs.
 */

export function u16(b: Uint8Array, i: number): number {
  return (b[i]! << 8) | b[i + 1]!;
}

export function u32(b: Uint8Array, i: number): number {
  return ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;
}

export function i32(b: Uint8Array, i: number): number {
  return (b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!;
}

export function putU16(b: Uint8Array, i: number, v: number): void {
  b[i] = v >>> 8;
  b[i + 1] = v;
}

export function putU32(b: Uint8Array, i: number, v: number): void {
  b[i] = v >>> 24;
  b[i + 1] = v >>> 16;
  b[i + 2] = v >>> 8;
  b[i + 3] = v;
}

/** Position of the first NUL in [start, end), or -1. */
export function indexOfNul(b: Uint8Array, start: number, end: number): number {
  for (let i = start; i < end; i++) if (b[i] === 0) return i;
  return -1;
}

const CHUNK = 4096;
/** Up to this length a String.fromCharCode loop beats TextDecoder (measured: the benchmarks' strings suite). */
const SHORT = 32;

let asciiDecoder: TextDecoder | undefined;
let fatalUtf8: TextDecoder | undefined;
let lenientUtf8: TextDecoder | undefined;

/**
 * Up to 16 bytes: one String.fromCharCode call with exactly as many arguments (no loop, no
 * concatenation; about twice as fast as chunks of eight, measured).
 */
function exactString(b: Uint8Array, s: number, n: number): string {
  const f = String.fromCharCode;
  // biome-ignore format: one line per length
  switch (n) {
    case 0:
      return "";
    case 1:
      return f(b[s]!);
    case 2:
      return f(b[s]!, b[s + 1]!);
    case 3:
      return f(b[s]!, b[s + 1]!, b[s + 2]!);
    case 4:
      return f(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!);
    case 5:
      return f(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!);
    case 6:
      return f(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!, b[s + 5]!);
    case 7:
      return f(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!, b[s + 5]!, b[s + 6]!);
    case 8:
      return f(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!, b[s + 5]!, b[s + 6]!, b[s + 7]!);
    case 9:
      return f(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!, b[s + 5]!, b[s + 6]!, b[s + 7]!, b[s + 8]!);
    case 10:
      return f(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!, b[s + 5]!, b[s + 6]!, b[s + 7]!, b[s + 8]!, b[s + 9]!);
    case 11:
      return f(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!, b[s + 5]!, b[s + 6]!, b[s + 7]!, b[s + 8]!, b[s + 9]!, b[s + 10]!);
    case 12:
      return f(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!, b[s + 5]!, b[s + 6]!, b[s + 7]!, b[s + 8]!, b[s + 9]!, b[s + 10]!, b[s + 11]!);
    case 13:
      return f(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!, b[s + 5]!, b[s + 6]!, b[s + 7]!, b[s + 8]!, b[s + 9]!, b[s + 10]!, b[s + 11]!, b[s + 12]!);
    case 14:
      return f(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!, b[s + 5]!, b[s + 6]!, b[s + 7]!, b[s + 8]!, b[s + 9]!, b[s + 10]!, b[s + 11]!, b[s + 12]!, b[s + 13]!);
    case 15:
      return f(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!, b[s + 5]!, b[s + 6]!, b[s + 7]!, b[s + 8]!, b[s + 9]!, b[s + 10]!, b[s + 11]!, b[s + 12]!, b[s + 13]!, b[s + 14]!);
    case 16:
      return f(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!, b[s + 5]!, b[s + 6]!, b[s + 7]!, b[s + 8]!, b[s + 9]!, b[s + 10]!, b[s + 11]!, b[s + 12]!, b[s + 13]!, b[s + 14]!, b[s + 15]!);
  }
  return "";
}

/** Short strings (up to SHORT bytes): one or two exact-arity String.fromCharCode calls. */
function shortString(b: Uint8Array, start: number, end: number): string {
  const n = end - start;
  if (n <= 16) return exactString(b, start, n);
  return exactString(b, start, 16) + exactString(b, start + 16, n - 16);
}

function isAscii(b: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (b[i]! >= 0x80) return false;
  return true;
}

/**
 * Latin-1 bytes to a string. Short strings (the common case) are built with String.fromCharCode;
 * long ASCII ones with TextDecoder; long ones with bytes above 0x7F with fromCharCode.apply over
 * subarrays. (TextDecoder's "latin1" is really windows-1252, which maps 0x80-0x9F elsewhere, so
 * it is never used for Latin-1.)
 */
export function decodeLatin1(b: Uint8Array, start: number, end: number): string {
  const n = end - start;
  if (n <= 16) return exactString(b, start, n);
  if (n <= SHORT) return shortString(b, start, end);
  if (isAscii(b, start, end)) {
    asciiDecoder ??= new TextDecoder("utf-8", { ignoreBOM: true });
    return asciiDecoder.decode(b.subarray(start, end));
  }
  let s = "";
  for (let i = start; i < end; i += CHUNK) {
    s += String.fromCharCode.apply(null, b.subarray(i, Math.min(end, i + CHUNK)) as unknown as number[]);
  }
  return s;
}

/**
 * UTF-8 bytes to a string; short ASCII-only input takes the Latin-1 path. With `fatal`, invalid
 * UTF-8 gives `undefined`; otherwise it is replaced by U+FFFD.
 */
export function decodeUtf8(b: Uint8Array, start: number, end: number, fatal: boolean): string | undefined {
  if (end - start <= SHORT && isAscii(b, start, end)) return shortString(b, start, end);
  if (fatal) {
    fatalUtf8 ??= new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
    try {
      return fatalUtf8.decode(b.subarray(start, end));
    } catch {
      return undefined;
    }
  }
  lenientUtf8 ??= new TextDecoder("utf-8", { ignoreBOM: true });
  return lenientUtf8.decode(b.subarray(start, end));
}

/** Byte length of a string in Latin-1, or -1 when a character is above U+00FF. */
export function latin1ByteLength(s: string): number {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0xff) return -1;
  return s.length;
}

/** Byte length of a string in UTF-8 (lone surrogates count as U+FFFD, as TextEncoder writes them). */
export function utf8ByteLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/** Writes a string already checked by latin1ByteLength; returns the new position. */
export function writeLatin1(s: string, b: Uint8Array, pos: number): number {
  for (let i = 0; i < s.length; i++) b[pos++] = s.charCodeAt(i);
  return pos;
}

/** Writes a string as UTF-8 (lone surrogates as U+FFFD); returns the new position. */
export function writeUtf8(s: string, b: Uint8Array, pos: number): number {
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      b[pos++] = c;
      continue;
    }
    if (c < 0x800) {
      b[pos++] = 0xc0 | (c >> 6);
      b[pos++] = 0x80 | (c & 0x3f);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
        const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
        b[pos++] = 0xf0 | (cp >> 18);
        b[pos++] = 0x80 | ((cp >> 12) & 0x3f);
        b[pos++] = 0x80 | ((cp >> 6) & 0x3f);
        b[pos++] = 0x80 | (cp & 0x3f);
        continue;
      }
      c = 0xfffd;
    }
    b[pos++] = 0xe0 | (c >> 12);
    b[pos++] = 0x80 | ((c >> 6) & 0x3f);
    b[pos++] = 0x80 | (c & 0x3f);
  }
  return pos;
}

const HEX = "0123456789abcdef";

/** Lower-case hex of bytes. */
export function toHex(b: Uint8Array): string {
  let s = "";
  for (let i = 0; i < b.length; i++) {
    const v = b[i]!;
    s += HEX[v >> 4]! + HEX[v & 15]!;
  }
  return s;
}

/** Bytes of a hex string (whitespace ignored); throws TypeError on anything else. */
export function fromHex(hex: string): Uint8Array {
  const clean = hex.replace(/\s+/g, "");
  if (clean.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(clean)) throw new TypeError(`not a hex string: ${hex}`);
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/**
 * The bytes of a frame or chunk as users naturally pass them: a Uint8Array, Node's Buffer, an
 * ArrayBuffer, or any other ArrayBufferView (DataView, ...), viewed without a copy, always as a
 * plain Uint8Array: a Buffer's slice() is a view, not a copy, and values sliced from it would be
 * Buffers (the WASM backend's are Uint8Arrays). Anything else is an INVALID_ARGUMENT naming `what`.
 */
export function asBytes(v: unknown, what: string): Uint8Array {
  if (v instanceof Uint8Array)
    return v.constructor === Uint8Array ? v : new Uint8Array(v.buffer, v.byteOffset, v.length);
  if (v instanceof ArrayBuffer) return new Uint8Array(v);
  if (ArrayBuffer.isView(v)) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  const kind =
    v === null ? "null" : Array.isArray(v) ? "an array" : typeof v === "object" ? "an object" : `a ${typeof v}`;
  throw new CtiProtocolError("INVALID_ARGUMENT", `${what} must be a Uint8Array, ArrayBuffer or DataView, not ${kind}`, {
    field: what,
  });
}
