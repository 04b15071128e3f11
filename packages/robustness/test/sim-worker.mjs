// @ts-check
// Stays JavaScript: a worker thread that the soak test (run from source) starts, and Node 20 cannot run a .ts file.
// The simulator in a worker thread (soak test): its CPU and heap stay out of the client's figures.
import { parentPort, workerData } from "node:worker_threads";
import { startSimulator } from "@ctiwire/simulator";

/** @typedef {"pause" | "resume" | "close"} Command What the soak test sends; each is answered. */

if (!parentPort) throw new Error("sim-worker.mjs runs as a worker thread (soak.node.test.ts)");
const port = parentPort;
/** @type {import("@ctiwire/simulator").SimulatorOptions} */
const options = workerData;
const sim = await startSimulator(options);
port.postMessage({ ready: true, portA: sim.portA });
port.on("message", async (/** @type {Command} */ msg) => {
  if (msg === "pause") sim.pause();
  if (msg === "resume") sim.resume();
  if (msg === "close") await sim.close();
  port.postMessage({
    reply: msg,
    loadSequence: sim.contactCenter.loadSequence,
    stats: { ...sim.stats },
  });
  if (msg === "close") process.exit(0);
});
