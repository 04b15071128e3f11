// The backends the robustness tests fuzz and attack: the TypeScript codec itself, and the facade's
// WASM backend where it runs. The fuzzer is @ctiwire/test-vectors/fuzz (shared with ctiwire's tests).
import * as codec from "@ctiwire/codec";
import { type Backend, backendOf, facadeBackend } from "@ctiwire/test-vectors/fuzz";
import * as cw from "ctiwire";

export { type Backend, rng } from "@ctiwire/test-vectors/fuzz";

/** The TypeScript backend: @ctiwire/codec itself. */
export const tsBackend: Backend = backendOf("ts", codec);

/** The WASM backend through the facade (null where WebAssembly is unavailable). */
export async function wasmBackend(): Promise<Backend | null> {
  return facadeBackend(cw, "wasm");
}
