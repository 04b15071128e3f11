import { nodeConfig } from "../../vitest.shared.js";

// Node only: the simulator needs sockets, so there is no browser project.
export default nodeConfig();
