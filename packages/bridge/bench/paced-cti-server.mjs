// A CTI server in a worker thread of its own (as a real one is another process): answers OPEN_REQ
// and HEARTBEAT_REQ, then writes `count` events at `rate` per second, paced by the clock (ticks of
// ~1 ms, what is due written at once). Each event is one of the given frames with its send time
// written, as it goes out, over the placeholder at `stampAt` (what the consumer reads back from the
// CTIClientSignature of the JSON).
import * as net from "node:net";
import { parentPort, workerData } from "node:worker_threads";
import { answerClient, stampNow, writePaced } from "./cti-server.mjs";

const { frames, stampAt, rate, count, version } = workerData;

function send(s) {
  const frameAt = (i) => {
    const k = i % frames.length;
    const f = frames[k].slice();
    stampNow(f, stampAt[k]);
    return f;
  };
  writePaced(s, count, rate, frameAt, () => parentPort.postMessage({ done: true }));
}

const server = net.createServer((s) => answerClient(s, version, () => setTimeout(() => send(s), 50)));
server.listen(0, "127.0.0.1", () => parentPort.postMessage({ port: server.address().port }));
parentPort.on("message", (m) => {
  if (m === "close") server.close(() => process.exit(0));
});
