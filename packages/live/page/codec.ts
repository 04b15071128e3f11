/**
 * ctiwire in the page: the entry of the session's protocol version only (each is a chunk of its
 * own, loaded when a server names its version), on WebAssembly where it loads, TypeScript otherwise.
 * `?backend=ts|wasm|auto` in the page's URL overrides (auto: ctiwire's own measured choice).
 */
import type { CtiMessage } from "ctiwire/v25";

type Ctiwire = typeof import("ctiwire/v25");

const ENTRIES: Record<number, () => Promise<Ctiwire>> = {
  17: () => import("ctiwire/v17"),
  18: () => import("ctiwire/v18"),
  19: () => import("ctiwire/v19"),
  20: () => import("ctiwire/v20"),
  21: () => import("ctiwire/v21"),
  22: () => import("ctiwire/v22"),
  23: () => import("ctiwire/v23"),
  24: () => import("ctiwire/v24"),
  25: () => import("ctiwire/v25"),
};

export interface Codec {
  version: number;
  /** "wasm" or "ts": what decodes here. */
  backend: string;
  /** Decodes one whole frame; throws a CtiProtocolError (code, message) for one that does not decode. */
  decode(frame: Uint8Array): CtiMessage;
}

const loaded = new Map<number, Promise<Codec>>();

export function loadCodec(version: number, choice: string | null): Promise<Codec> {
  let p = loaded.get(version);
  if (p === undefined) {
    const entry = ENTRIES[version];
    if (entry === undefined) return Promise.reject(new Error(`protocol version ${version} is not one ctiwire knows`));
    p = entry().then((m) => {
      if (choice === "ts" || choice === "auto") m.setBackend(choice);
      else if (m.wasmAvailable()) m.setBackend("wasm");
      else m.setBackend("ts");
      const backend = m.backend("decode");
      const options = { version: version as 25 };
      return { version, backend, decode: (frame: Uint8Array) => m.decode(frame, options) };
    });
    loaded.set(version, p);
  }
  return p;
}
