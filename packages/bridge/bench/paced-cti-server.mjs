// A CTI server in a worker thread of its own (as a real one is another process): answers OPEN_REQ
// and HEARTBEAT_REQ, then writes `count` events at `rate` per second, paced by the clock (ticks of
// ~1 ms, what is due written at once). Each event is one of the given frames with its send time
// written, as it goes out, over the placeholder at `stampAt` (digits of the epoch time in ms, with
// three decimals: what the consumer reads back from the CTIClientSignature of the JSON).
import * as net from "node:net";
import { parentPort, workerData } from "node:worker_threads";
import { openConf } from "@ctiwire/test-vectors/samples";
import * as ctiwire from "ctiwire";

const { frames, stampAt, stampLength, rate, count, version } = workerData;
const encoder = new TextEncoder();

function stamped(i) {
  const f = frames[i % frames.length].slice();
  const t = (performance.timeOrigin + performance.now()).toFixed(3).padStart(stampLength, "0");
  encoder.encodeInto(t, f.subarray(stampAt[i % frames.length], stampAt[i % frames.length] + stampLength));
  return f;
}

function send(s) {
  let i = 0;
  const t0 = performance.now();
  const t = setInterval(() => {
    const due = Math.min(count, Math.floor(((performance.now() - t0) * rate) / 1000));
    if (due <= i) return;
    const out = [];
    for (; i < due; i++) out.push(stamped(i));
    s.write(Buffer.concat(out));
    if (i >= count) {
      clearInterval(t);
      parentPort.postMessage({ done: true });
    }
  }, 1);
}

const server = net.createServer((s) => {
  s.setNoDelay(true);
  s.on("error", () => {});
  let buf = Buffer.alloc(0);
  s.on("data", (d) => {
    buf = Buffer.concat([buf, d]);
    while (buf.length >= 8) {
      const len = buf.readUInt32BE(0) + 8;
      if (buf.length < len) break;
      const type = buf.readUInt32BE(4);
      const invokeID = buf.length >= 12 ? buf.readUInt32BE(8) : 0;
      buf = buf.subarray(len);
      if (type === ctiwire.messageTypeNumber("OPEN_REQ")) {
        s.write(ctiwire.encode(openConf(invokeID), { version }));
        setTimeout(() => send(s), 50);
      } else if (type === ctiwire.messageTypeNumber("HEARTBEAT_REQ")) {
        s.write(ctiwire.encode({ type: "HEARTBEAT_CONF", invokeID }, { version }));
      }
    }
  });
});
server.listen(0, "127.0.0.1", () => parentPort.postMessage({ port: server.address().port }));
parentPort.on("message", (m) => {
  if (m === "close") server.close(() => process.exit(0));
});
