// The simulator of the loopback suite (src/loopback.mjs), in its own thread.
import { parentPort, workerData } from "node:worker_threads";
import { startSimulator } from "@ctiwire/simulator";

const sim = await startSimulator({
  agents: 200,
  callsPerSecond: 50,
  seed: 1,
  eventRate: workerData.eventRate,
  idleTimeoutEnforced: false,
  maxBufferedBytes: 64 << 20,
});
parentPort.postMessage(sim.portA);
