import { nodeConfig } from "../../vitest.shared.js";

// The reader is runtime-neutral (Uint8Array in, packets out); its tests run in Node.
export default nodeConfig();
