import { nodeConfig } from "../../vitest.shared.js";

// Node only: the bridge's tests run nats-server and the simulator on loopback.
export default nodeConfig();
