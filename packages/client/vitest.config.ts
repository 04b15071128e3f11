import { nodeConfig } from "../../vitest.shared.js";

// Node only: the client needs TCP sockets (loopback), so there is no browser project.
export default nodeConfig();
