// Byte helpers: concatBytes for the fuzzer and the benchmarks' corpora, and the test-only
// ByteBuilder with which the vector builder (src/builder) writes every frame field by field. None
// of this uses @ctiwire/codec: the bytes of a vector must not come from the encoder under test.

/** One buffer holding `parts` in order (`total`: their summed length, when the caller knows it). */
export function concatBytes(parts: readonly Uint8Array[], total?: number): Uint8Array {
  let n = total ?? 0;
  if (total === undefined) for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/**
 * A tiny byte builder. It knows nothing of message layouts: its callers write the fields one by
 * one, in the order they list them. Numbers are big-endian, as on the wire.
 */
export class ByteBuilder {
  /** The bytes written so far. */
  readonly out: number[] = [];

  /** @param version protocol version: decides the floating field header (1+1 or 2+2 bytes). */
  constructor(readonly version: number) {}

  get length(): number {
    return this.out.length;
  }

  u8(n: number): this {
    if (!Number.isInteger(n) || n < 0 || n > 0xff) throw new RangeError(`u8 ${n}`);
    this.out.push(n);
    return this;
  }

  u16(n: number): this {
    if (!Number.isInteger(n) || n < 0 || n > 0xffff) throw new RangeError(`u16 ${n}`);
    this.out.push(n >>> 8, n & 0xff);
    return this;
  }

  u32(n: number): this {
    if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new RangeError(`u32 ${n}`);
    this.out.push(Math.floor(n / 0x1000000) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
    return this;
  }

  i8(n: number): this {
    if (!Number.isInteger(n) || n < -0x80 || n > 0x7f) throw new RangeError(`i8 ${n}`);
    return this.u8(n < 0 ? n + 0x100 : n);
  }

  i16(n: number): this {
    if (!Number.isInteger(n) || n < -0x8000 || n > 0x7fff) throw new RangeError(`i16 ${n}`);
    return this.u16(n < 0 ? n + 0x10000 : n);
  }

  i32(n: number): this {
    if (!Number.isInteger(n) || n < -0x80000000 || n > 0x7fffffff) throw new RangeError(`i32 ${n}`);
    return this.u32(n < 0 ? n + 0x100000000 : n);
  }

  bytes(arr: Iterable<number>): this {
    for (const b of arr) this.u8(b);
    return this;
  }

  /** Appends another builder's bytes. */
  append(other: ByteBuilder): this {
    for (const b of other.out) this.out.push(b);
    return this;
  }

  /** Floating field header: UCHAR tag + UCHAR length up to v19, USHORT + USHORT from v20. */
  fieldHeader(tag: number, length: number): this {
    if (this.version <= 19) return this.u8(tag).u8(length);
    return this.u16(tag).u16(length);
  }

  /** One floating field: header, then the data bytes. */
  field(tag: number, data: readonly number[]): this {
    this.fieldHeader(tag, data.length);
    return this.bytes(data);
  }

  toBytes(): Uint8Array {
    return Uint8Array.from(this.out);
  }

  toHex(): string {
    return hex(this.out);
  }
}

/** How a STRING's characters become bytes. */
export type TextEncoding = (s: string) => number[];

/** Latin-1 (ISO 8859-1) bytes of a string; throws above U+00FF. */
export function latin1(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0xff) throw new RangeError(`not Latin-1: ${JSON.stringify(s)}`);
    out.push(c);
  }
  return out;
}

/** UTF-8 bytes of a string. */
export function utf8(s: string): number[] {
  return Array.from(new TextEncoder().encode(s));
}

/** STRING data of a floating field: the characters and the NUL (the length includes it). */
export function stringz(s: string, enc: TextEncoding = latin1): number[] {
  return [...enc(s), 0];
}

/** NAMEDVAR data: name\0value\0. */
export function namedVar(name: string, value: string, enc: TextEncoding = latin1): number[] {
  return [...enc(name), 0, ...enc(value), 0];
}

/** NAMEDARRAY data: UCHAR index, name\0value\0. */
export function namedArray(index: number, name: string, value: string, enc: TextEncoding = latin1): number[] {
  return [index, ...enc(name), 0, ...enc(value), 0];
}

/** A whole frame: MessageLength (body bytes, header excluded), MessageType, then the body. */
export function frame(type: number, body: ByteBuilder | readonly number[], lengthOverride?: number): ByteBuilder {
  const bytes = body instanceof ByteBuilder ? body.out : body;
  const f = new ByteBuilder(25);
  f.u32(lengthOverride ?? bytes.length).u32(type);
  return f.bytes(bytes);
}

/** Lower-case hex of bytes. */
export function hex(bytes: Iterable<number>): string {
  let s = "";
  for (const b of bytes) s += (b < 16 ? "0" : "") + b.toString(16);
  return s;
}
