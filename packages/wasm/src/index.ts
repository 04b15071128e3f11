/**
 * @ctiwire/wasm: the WebAssembly scanner of ctiwire.
 *
 * One instance per deframer (or one for single-frame decodes) owns a WebAssembly memory laid out
 * by JavaScript:
 *
 *   [control block 256 B][seen scratch][plan tables ...][input bytes][frame records][field records]
 *
 * Plan tables are written lazily: the first time the scanner meets a message type of a table set
 * (one per schema and protocol version) it stops with STOP_NEED_PLAN, JavaScript writes the
 * layout (`ScanLayout`, derived from the codec's compiled Plan) and the scan resumes. Socket chunks
 * are copied into the input region once; the scanner then walks every frame of the chunk in one
 * call and writes frame and field records that the JavaScript build phase reads.
 */
import { WASM_BASE64, WASM_SIZE } from "./generated/module.js";
import * as L from "./layout.js";

export * from "./layout.js";
export { WASM_SIZE };

/** What the scanner needs of one message layout (field indices are the schema's floating order). */
export interface ScanLayout {
  readonly fixedSize: number;
  /** Data size of a fixed-size floating field (numbers, BOOL, TASKID); 0 for variable ones. */
  readonly fieldSize: ArrayLike<number>;
  /** NUL_NONE, NUL_STRING, NUL_NAMEDVAR or NUL_NAMEDARRAY. */
  readonly fieldNul: ArrayLike<number>;
  /** 1 where a repeated occurrence of the tag moves on to the next field with the same tag. */
  readonly fieldScalar: ArrayLike<number>;
  readonly fieldMax: ArrayLike<number>;
  readonly fieldNextSameTag: ArrayLike<number>;
  /** tag -> first field index, -1 where the tag is not in the layout. */
  readonly tagSlot: ArrayLike<number>;
}

interface Exports {
  memory: WebAssembly.Memory;
  scanStream(ctl: number): number;
  scanOne(ctl: number): number;
  heapBase(): number;
}

function base64Bytes(s: string): Uint8Array<ArrayBuffer> {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

let moduleState: WebAssembly.Module | null | undefined;
let moduleError: unknown;
/** Milliseconds the first compile (validate + new WebAssembly.Module) took. */
export let compileTime = 0;

/**
 * The compiled module, or null where WebAssembly is unavailable or refused (a CSP without
 * 'wasm-unsafe-eval', a JIT-less engine): validated, compiled synchronously, once.
 */
export function wasmModule(): WebAssembly.Module | null {
  if (moduleState !== undefined) return moduleState;
  try {
    const t0 = now();
    const bytes = base64Bytes(WASM_BASE64);
    if (typeof WebAssembly !== "object" || !WebAssembly.validate(bytes)) {
      moduleState = null;
    } else {
      moduleState = new WebAssembly.Module(bytes);
    }
    compileTime = now() - t0;
  } catch (e) {
    moduleError = e;
    moduleState = null;
  }
  return moduleState;
}

/** Why wasmModule() returned null (the exception, if one was thrown). */
export function wasmUnavailableReason(): unknown {
  return moduleError;
}

function now(): number {
  return typeof performance !== "undefined" ? performance.now() : Date.now();
}

const PAGE = 65536;
const CTL_BYTES = 256;
const ALIGN = 16;
const align = (n: number) => (n + ALIGN - 1) & ~(ALIGN - 1);

/** One scanner instance with its own memory. Not re-entrant. */
export class WasmScanner {
  readonly #ex: Exports;
  readonly #memory: WebAssembly.Memory;
  /** Views of the whole memory (renewed after every grow). */
  bytes!: Uint8Array;
  words!: Int32Array;
  readonly ctl: number;
  #seen: number;
  #seenCap: number;
  #tables: number;
  #tablesCap: number;
  #tablesUsed = 0;
  /** Input region: address, capacity, bytes held. */
  inAddr = 0;
  #inCap = 0;
  inLen = 0;
  framesAddr = 0;
  #frameCap = 0;
  fieldsAddr = 0;
  #fieldCap = 0;
  readonly #typeTables = new Map<unknown, number[]>();

  /** A new instance, or null where WebAssembly cannot run here. */
  static create(): WasmScanner | null {
    const mod = wasmModule();
    if (mod === null) return null;
    try {
      return new WasmScanner(new WebAssembly.Instance(mod, {}).exports as unknown as Exports);
    } catch {
      return null;
    }
  }

  private constructor(ex: Exports) {
    this.#ex = ex;
    this.#memory = ex.memory;
    this.ctl = align(ex.heapBase());
    this.#seen = this.ctl + CTL_BYTES;
    this.#seenCap = 1024;
    this.#tables = this.#seen + this.#seenCap;
    this.#tablesCap = 16 * 1024;
    this.inAddr = this.#tables + this.#tablesCap;
    // One 64 KiB page to start with: everything grows on demand.
    this.#layout(4 * 1024, 256, 2048);
  }

  #refresh(): void {
    this.bytes = new Uint8Array(this.#memory.buffer);
    this.words = new Int32Array(this.#memory.buffer);
  }

  /** Places input and output regions from inAddr on; grows memory as needed (input bytes kept). */
  #layout(inCap: number, frameCap: number, fieldCap: number): void {
    this.#inCap = inCap;
    this.framesAddr = align(this.inAddr + inCap);
    this.#frameCap = frameCap;
    this.fieldsAddr = align(this.framesAddr + frameCap * L.FRAME_WORDS * 4);
    this.#fieldCap = fieldCap;
    const end = this.fieldsAddr + fieldCap * L.FIELD_WORDS * 4;
    const have = this.#memory.buffer.byteLength;
    if (end > have) this.#memory.grow(Math.ceil((end - have) / PAGE));
    this.#refresh();
  }

  // -------------------------------------------------------------------------------------------
  // Plan tables

  /** Address of the type table of a table set (schema key, version): created on first use. */
  typeTable(key: unknown, version: number): number {
    let byVersion = this.#typeTables.get(key);
    if (byVersion === undefined) {
      byVersion = [];
      this.#typeTables.set(key, byVersion);
    }
    let addr = byVersion[version];
    if (addr === undefined) {
      addr = this.#allocTable(L.TYPE_TABLE_LENGTH * 4);
      this.words.fill(0, addr >> 2, (addr >> 2) + L.TYPE_TABLE_LENGTH);
      byVersion[version] = addr;
    }
    return addr;
  }

  #allocTable(bytes: number): number {
    bytes = align(bytes);
    if (this.#tablesUsed + bytes > this.#tablesCap) {
      // Move the input region (and the outputs) up; plan addresses stay valid.
      let cap = this.#tablesCap * 2;
      while (this.#tablesUsed + bytes > cap) cap *= 2;
      const oldIn = this.inAddr;
      this.#tablesCap = cap;
      this.inAddr = this.#tables + cap;
      this.#layout(this.#inCap, this.#frameCap, this.#fieldCap);
      this.bytes.copyWithin(this.inAddr, oldIn, oldIn + this.inLen);
    }
    const addr = this.#tables + this.#tablesUsed;
    this.#tablesUsed += bytes;
    return addr;
  }

  /** Writes the layout of `type` into a type table (null: the type has no layout). */
  writePlan(types: number, type: number, layout: ScanLayout | null): void {
    if (layout === null) {
      this.words[(types >> 2) + type] = -1;
      return;
    }
    const n = layout.fieldSize.length;
    const slots = layout.tagSlot.length;
    if (n > this.#seenCap) throw new RangeError(`a layout of ${n} floating fields is beyond the WASM scanner`);
    const addr = this.#allocTable(16 + n * 12 + slots * 2);
    const w = this.words;
    const a = addr >> 2;
    w[a] = layout.fixedSize;
    w[a + 1] = n;
    w[a + 2] = slots;
    w[a + 3] = 0;
    for (let i = 0; i < n; i++) {
      const f = a + 4 + i * 3;
      w[f] = layout.fieldSize[i]! | (layout.fieldNul[i]! << 8) | (layout.fieldScalar[i]! << 16);
      w[f + 1] = layout.fieldMax[i]!;
      w[f + 2] = layout.fieldNextSameTag[i]!;
    }
    new Int16Array(this.#memory.buffer, addr + 16 + n * 12, slots).set(layout.tagSlot);
    w[(types >> 2) + type] = addr;
  }

  // -------------------------------------------------------------------------------------------
  // Input

  /** Makes room for `n` more input bytes; returns the address to write them at. */
  reserve(n: number): number {
    const need = this.inLen + n;
    if (need > this.#inCap) {
      let cap = this.#inCap * 2;
      while (cap < need) cap *= 2;
      this.#layout(cap, this.#frameCap, this.#fieldCap);
    }
    return this.inAddr + this.inLen;
  }

  /** Copies a chunk after the bytes held. */
  append(chunk: Uint8Array): void {
    const at = this.reserve(chunk.length);
    this.bytes.set(chunk, at);
    this.inLen += chunk.length;
  }

  /** Drops the first n input bytes (the rest moves to the start of the region). */
  discard(n: number): void {
    if (n <= 0) return;
    const a = this.inAddr;
    if (n < this.inLen) this.bytes.copyWithin(a, a + n, a + this.inLen);
    this.inLen = Math.max(0, this.inLen - n);
  }

  // -------------------------------------------------------------------------------------------
  // Scans

  #setup(types: number, hdr: number, maxSize: number, strict: boolean): Int32Array {
    const w = this.words;
    const c = this.ctl >> 2;
    w[c + L.C_IN] = this.inAddr;
    w[c + L.C_LEN] = this.inLen;
    w[c + L.C_MAX] = maxSize > 0xffffffff ? -1 : maxSize | 0;
    w[c + L.C_HDR] = hdr;
    w[c + L.C_STRICT] = strict ? 1 : 0;
    w[c + L.C_TYPES] = types;
    w[c + L.C_TYPES_LEN] = L.TYPE_TABLE_LENGTH;
    w[c + L.C_FRAMES] = this.framesAddr;
    w[c + L.C_FRAME_CAP] = this.#frameCap;
    w[c + L.C_FIELDS] = this.fieldsAddr;
    w[c + L.C_FIELD_CAP] = this.#fieldCap;
    w[c + L.C_SEEN] = this.#seen;
    return w;
  }

  /** Ensures field record room for one frame of `size` bytes. */
  growFields(size: number): void {
    const need = Math.floor(size / 2) + 2;
    if (need > this.#fieldCap) this.#layout(this.#inCap, this.#frameCap, need);
  }

  /**
   * After STOP_FULL with `n` frame records written: more frame room (up to 4096 records) when the
   * frame table filled, or field room when the next frame (of `size` bytes) did not fit.
   */
  grow(n: number, size: number): void {
    if (n >= this.#frameCap && this.#frameCap < 4096) {
      this.#layout(this.#inCap, this.#frameCap * 2, Math.max(this.#fieldCap, this.#frameCap * 16));
    } else if (n === 0) this.growFields(size);
  }

  /**
   * Scans complete frames of the input from `pos`. Returns the number of frame records; the
   * control block holds the new position (C_POS), the stop reason (C_STOP, C_STOP_ARG).
   */
  scanStream(types: number, pos: number, hdr: number, maxSize: number, strict: boolean): number {
    const w = this.#setup(types, hdr, maxSize, strict);
    w[(this.ctl >> 2) + L.C_POS] = pos;
    return this.#ex.scanStream(this.ctl);
  }

  /** Scans the whole input as one frame (decode()). Returns 1, or 0 with C_STOP set. */
  scanOne(types: number, hdr: number, maxSize: number, strict: boolean): number {
    this.#setup(types, hdr, maxSize, strict);
    return this.#ex.scanOne(this.ctl);
  }

  /** A control block word after a scan. */
  ctlWord(k: number): number {
    return this.words[(this.ctl >> 2) + k]!;
  }
}

export { scanLayoutOf } from "./spec-layout.js";
export * from "./transcoder.js";
