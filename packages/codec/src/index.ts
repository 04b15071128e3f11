/**
 * @ctiwire/codec: decoder, encoder and streaming deframer for the Cisco CTI Server protocol (GED-188),
 * protocol versions 17 to 25 (every version's tables loaded). Pure TypeScript on Uint8Array: runs in
 * Node, Deno and browsers.
 */
import "@ctiwire/protocol";

export * from "./core.js";
