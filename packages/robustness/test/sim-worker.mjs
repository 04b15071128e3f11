// The simulator in a worker thread (soak test): its CPU and heap stay out of the client's figures.
import { parentPort, workerData } from "node:worker_threads";
import { startSimulator } from "@ctiwire/simulator";

const sim = await startSimulator(workerData);
parentPort.postMessage({ ready: true, portA: sim.portA });
parentPort.on("message", async (msg) => {
  if (msg === "pause") sim.pause();
  if (msg === "resume") sim.resume();
  if (msg === "close") await sim.close();
  parentPort.postMessage({
    reply: msg,
    loadSequence: sim.contactCenter.loadSequence,
    stats: { ...sim.stats },
  });
  if (msg === "close") process.exit(0);
});
