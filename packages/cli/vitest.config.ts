import { nodeConfig } from "../../vitest.shared.js";

// Node only: the CLI's tests run the built bin and open sockets, so there is no browser project.
export default nodeConfig();
