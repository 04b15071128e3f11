/**
 * A growable UTF-8 byte buffer that JSON is written into, with JSON.stringify's exact output for
 * the values messages hold: integers, booleans, null, strings (escapes as ECMAScript's
 * JSON.stringify writes them: \" \\ \b \f \n \r \t, \u00xx for other controls, lone surrogates
 * as \udxxx), and hex for bytes (messageToJSON's rule).
 */

const HEX = "0123456789abcdef";
const HEX_CODES = new Uint8Array(16);
for (let i = 0; i < 16; i++) HEX_CODES[i] = HEX.charCodeAt(i);

/** The short escapes of JSON.stringify, by code (0 where the code has none). */
const SHORT_ESCAPE = new Uint8Array(128);
SHORT_ESCAPE[0x08] = 0x62; // \b
SHORT_ESCAPE[0x09] = 0x74; // \t
SHORT_ESCAPE[0x0a] = 0x6e; // \n
SHORT_ESCAPE[0x0c] = 0x66; // \f
SHORT_ESCAPE[0x0d] = 0x72; // \r
SHORT_ESCAPE[0x22] = 0x22; // \"
SHORT_ESCAPE[0x5c] = 0x5c; // \\

/** Bytes that a JSON string cannot hold as they are (controls, quote, backslash). */
const NEEDS_ESCAPE = new Uint8Array(128);
for (let c = 0; c < 0x20; c++) NEEDS_ESCAPE[c] = 1;
NEEDS_ESCAPE[0x22] = 1;
NEEDS_ESCAPE[0x5c] = 1;

const encoder = new TextEncoder();

/** The UTF-8 bytes of a piece of JSON text known when a table is built (keys, type names). */
export function jsonBytes(text: string): Uint8Array {
  return encoder.encode(text);
}

export class JsonWriter {
  buf: Uint8Array;
  pos = 0;

  constructor(initial: Uint8Array = new Uint8Array(64 * 1024)) {
    this.buf = initial;
  }

  /** Room for n more bytes (the buffer doubles; its bytes so far are kept). */
  ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.pos + n, 1024));
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }

  // The writes below do not check for room: the caller has ensured it (the transcoder ensures a
  // bound for a whole frame once; value() and string() ensure their own).

  byte(c: number): void {
    this.buf[this.pos++] = c;
  }

  bytes(b: Uint8Array): void {
    const n = b.length;
    const buf = this.buf;
    let pos = this.pos;
    if (n > 64) buf.set(b, pos);
    else for (let k = 0; k < n; k++) buf[pos + k] = b[k]!;
    pos += n;
    this.pos = pos;
  }

  /** An integer as JSON.stringify writes it (the values of CTI number fields are all integers). */
  int(v: number): void {
    const buf = this.buf;
    let pos = this.pos;
    if (v < 0) {
      buf[pos++] = 0x2d;
      v = -v;
    }
    if (v < 10) {
      buf[pos++] = 0x30 + v;
      this.pos = pos;
      return;
    }
    let digits = 1;
    for (let t = v; t >= 10; t = Math.floor(t / 10)) digits++;
    let k = pos + digits;
    this.pos = k;
    while (v >= 10) {
      const q = Math.floor(v / 10);
      buf[--k] = 0x30 + (v - q * 10);
      v = q;
    }
    buf[--k] = 0x30 + v;
  }

  /** Any number: integers directly, the rest as String() (JSON.stringify's own rule; null if not finite). */
  number(v: number): void {
    this.ensure(24);
    if (Number.isSafeInteger(v) && !Object.is(v, -0)) this.int(v);
    else if (Number.isFinite(v)) this.ascii(String(v));
    else this.ascii("null");
  }

  /** Text known to be ASCII without anything to escape. */
  ascii(s: string): void {
    const n = s.length;
    this.ensure(n);
    const buf = this.buf;
    const pos = this.pos;
    for (let k = 0; k < n; k++) buf[pos + k] = s.charCodeAt(k);
    this.pos = pos + n;
  }

  /** A JSON string of the Latin-1 text b[p, z) (each byte one character, as decodeLatin1 reads it). */
  latin1String(b: Uint8Array, p: number, z: number): void {
    // (At most 6 bytes per character, \u00xx, plus the quotes.)
    const buf = this.buf;
    let pos = this.pos;
    buf[pos++] = 0x22;
    for (let k = p; k < z; k++) {
      const c = b[k]!;
      if (c < 0x80) {
        if (NEEDS_ESCAPE[c] === 0) buf[pos++] = c;
        else pos = escapeByte(buf, pos, c);
      } else {
        buf[pos++] = 0xc0 | (c >> 6);
        buf[pos++] = 0x80 | (c & 0x3f);
      }
    }
    buf[pos++] = 0x22;
    this.pos = pos;
  }

  /** A JSON string of a JavaScript string (UTF-16 to UTF-8; lone surrogates escaped). */
  string(s: string): void {
    const n = s.length;
    this.ensure(n * 6 + 2);
    const buf = this.buf;
    let pos = this.pos;
    buf[pos++] = 0x22;
    for (let k = 0; k < n; k++) {
      const c = s.charCodeAt(k);
      if (c < 0x80) {
        if (NEEDS_ESCAPE[c] === 0) buf[pos++] = c;
        else pos = escapeByte(buf, pos, c);
      } else if (c < 0x800) {
        buf[pos++] = 0xc0 | (c >> 6);
        buf[pos++] = 0x80 | (c & 0x3f);
      } else if (c >= 0xd800 && c <= 0xdfff) {
        const d = k + 1 < n ? s.charCodeAt(k + 1) : 0;
        if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
          const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          buf[pos++] = 0xf0 | (cp >> 18);
          buf[pos++] = 0x80 | ((cp >> 12) & 0x3f);
          buf[pos++] = 0x80 | ((cp >> 6) & 0x3f);
          buf[pos++] = 0x80 | (cp & 0x3f);
          k++;
        } else {
          pos = unicodeEscape(buf, pos, c);
        }
      } else {
        buf[pos++] = 0xe0 | (c >> 12);
        buf[pos++] = 0x80 | ((c >> 6) & 0x3f);
        buf[pos++] = 0x80 | (c & 0x3f);
      }
    }
    buf[pos++] = 0x22;
    this.pos = pos;
  }

  /** A JSON string of b[p, e) in lower-case hex (toHex). */
  hex(b: Uint8Array, p: number, e: number): void {
    const buf = this.buf;
    let pos = this.pos;
    buf[pos++] = 0x22;
    for (let k = p; k < e; k++) {
      const c = b[k]!;
      buf[pos++] = HEX_CODES[c >> 4]!;
      buf[pos++] = HEX_CODES[c & 15]!;
    }
    buf[pos++] = 0x22;
    this.pos = pos;
  }

  /**
   * Any JSON-able value as JSON.stringify(messageToJSON(value)) writes it: Uint8Array as hex,
   * undefined properties left out, undefined array elements and non-finite numbers as null.
   */
  value(v: unknown): void {
    if (typeof v === "number") this.number(v);
    else if (typeof v === "string") this.string(v);
    else if (typeof v === "boolean") this.ascii(v ? "true" : "false");
    else if (v instanceof Uint8Array) {
      this.ensure(v.length * 2 + 2);
      this.hex(v, 0, v.length);
    } else if (Array.isArray(v)) {
      this.put(0x5b);
      for (let k = 0; k < v.length; k++) {
        if (k > 0) this.put(0x2c);
        this.value(v[k]);
      }
      this.put(0x5d);
    } else if (v !== null && typeof v === "object") {
      this.put(0x7b);
      let first = true;
      for (const key of Object.keys(v)) {
        const x = (v as Record<string, unknown>)[key];
        if (x === undefined) continue;
        if (!first) this.put(0x2c);
        first = false;
        this.string(key);
        this.put(0x3a);
        this.value(x);
      }
      this.put(0x7d);
    } else this.ascii("null");
  }

  /** One byte, with the room checked. */
  put(c: number): void {
    this.ensure(1);
    this.buf[this.pos++] = c;
  }
}

function escapeByte(buf: Uint8Array, pos: number, c: number): number {
  const short = SHORT_ESCAPE[c]!;
  if (short !== 0) {
    buf[pos] = 0x5c;
    buf[pos + 1] = short;
    return pos + 2;
  }
  return unicodeEscape(buf, pos, c);
}

/** \uxxxx, lower-case hex. */
function unicodeEscape(buf: Uint8Array, pos: number, c: number): number {
  buf[pos] = 0x5c;
  buf[pos + 1] = 0x75;
  buf[pos + 2] = HEX_CODES[(c >> 12) & 15]!;
  buf[pos + 3] = HEX_CODES[(c >> 8) & 15]!;
  buf[pos + 4] = HEX_CODES[(c >> 4) & 15]!;
  buf[pos + 5] = HEX_CODES[c & 15]!;
  return pos + 6;
}
