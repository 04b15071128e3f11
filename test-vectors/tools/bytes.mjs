/**
 * A tiny, test-only byte builder. It knows nothing of message layouts: the vector sources
 * (tools/samples.mjs) call it field by field, in the order they list the fields. It does not use
 * @ctiwire/codec (the bytes of a vector must not come from the encoder under test).
 */

export class ByteBuilder {
  /** @param {number} version protocol version: decides the floating field header (1+1 or 2+2 bytes). */
  constructor(version) {
    this.version = version;
    /** @type {number[]} */
    this.out = [];
  }

  get length() {
    return this.out.length;
  }

  u8(n) {
    if (!Number.isInteger(n) || n < 0 || n > 0xff) throw new RangeError(`u8 ${n}`);
    this.out.push(n);
    return this;
  }

  u16(n) {
    if (!Number.isInteger(n) || n < 0 || n > 0xffff) throw new RangeError(`u16 ${n}`);
    this.out.push(n >>> 8, n & 0xff);
    return this;
  }

  u32(n) {
    if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new RangeError(`u32 ${n}`);
    this.out.push(Math.floor(n / 0x1000000) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
    return this;
  }

  i8(n) {
    if (!Number.isInteger(n) || n < -0x80 || n > 0x7f) throw new RangeError(`i8 ${n}`);
    return this.u8(n < 0 ? n + 0x100 : n);
  }

  i16(n) {
    if (!Number.isInteger(n) || n < -0x8000 || n > 0x7fff) throw new RangeError(`i16 ${n}`);
    return this.u16(n < 0 ? n + 0x10000 : n);
  }

  i32(n) {
    if (!Number.isInteger(n) || n < -0x80000000 || n > 0x7fffffff) throw new RangeError(`i32 ${n}`);
    return this.u32(n < 0 ? n + 0x100000000 : n);
  }

  bytes(arr) {
    for (const b of arr) this.u8(b);
    return this;
  }

  /** Appends another builder's bytes. */
  append(other) {
    this.out.push(...other.out);
    return this;
  }

  /** Floating field header: UCHAR tag + UCHAR length up to v19, USHORT + USHORT from v20. */
  fieldHeader(tag, length) {
    if (this.version <= 19) return this.u8(tag).u8(length);
    return this.u16(tag).u16(length);
  }

  /** One floating field: header, then the data bytes. */
  field(tag, data) {
    this.fieldHeader(tag, data.length);
    return this.bytes(data);
  }

  toBytes() {
    return Uint8Array.from(this.out);
  }

  toHex() {
    return hex(this.out);
  }
}

/** Latin-1 (ISO 8859-1) bytes of a string; throws above U+00FF. */
export function latin1(s) {
  const out = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0xff) throw new RangeError(`not Latin-1: ${JSON.stringify(s)}`);
    out.push(c);
  }
  return out;
}

/** UTF-8 bytes of a string. */
export function utf8(s) {
  return Array.from(new TextEncoder().encode(s));
}

/** STRING data of a floating field: the characters and the NUL (the length includes it). */
export function stringz(s, enc = latin1) {
  return [...enc(s), 0];
}

/** NAMEDVAR data: name\0value\0. */
export function namedVar(name, value, enc = latin1) {
  return [...enc(name), 0, ...enc(value), 0];
}

/** NAMEDARRAY data: UCHAR index, name\0value\0. */
export function namedArray(index, name, value, enc = latin1) {
  return [index, ...enc(name), 0, ...enc(value), 0];
}

/** A whole frame: MessageLength (body bytes, header excluded), MessageType, then the body. */
export function frame(type, body, lengthOverride) {
  const f = new ByteBuilder(25);
  f.u32(lengthOverride ?? body.length).u32(type);
  f.bytes(body instanceof ByteBuilder ? body.out : body);
  return f;
}

export function hex(bytes) {
  let s = "";
  for (const b of bytes) s += (b < 16 ? "0" : "") + b.toString(16);
  return s;
}
