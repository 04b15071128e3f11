// What the benchmarks' CTI servers share: answering a client's session (OPEN_REQ, HEARTBEAT_REQ),
// writing events at a paced rate, and stamping an event with its send time over a placeholder in its
// CTIClientSignature.

import { openConf } from "@ctiwire/test-vectors/samples";
import * as ctiwire from "ctiwire";

const OPEN_REQ = ctiwire.messageTypeNumber("OPEN_REQ");
const HEARTBEAT_REQ = ctiwire.messageTypeNumber("HEARTBEAT_REQ");

/** Digits of a stamp: epoch ms with three decimals (13 + 1 + 3 characters). */
export const STAMP_LENGTH = 17;
/** What an event to be stamped carries as its CTIClientSignature. */
export const STAMP_PLACEHOLDER = `t:${"0".repeat(STAMP_LENGTH)}`;

const encoder = new TextEncoder();

/** Writes the time now over the stamp's digits at `at` in `bytes`. */
export function stampNow(bytes, at) {
  const t = (performance.timeOrigin + performance.now()).toFixed(3).padStart(STAMP_LENGTH, "0");
  encoder.encodeInto(t, bytes.subarray(at, at + STAMP_LENGTH));
}

/** Answers a client's OPEN_REQ (then `onOpen(socket)`) and HEARTBEAT_REQs on socket `s`. */
export function answerClient(s, version, onOpen) {
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
      if (type === OPEN_REQ) {
        s.write(ctiwire.encode(openConf(invokeID), { version }));
        onOpen(s);
      } else if (type === HEARTBEAT_REQ) {
        s.write(ctiwire.encode({ type: "HEARTBEAT_CONF", invokeID }, { version }));
      }
    }
  });
}

/**
 * Writes `count` frames (`frameAt(i)`, built as it goes out) on socket `s` at `rate` per second,
 * paced by the clock (ticks of ~1 ms, what is due written at once); then calls `onDone()`.
 */
export function writePaced(s, count, rate, frameAt, onDone) {
  let i = 0;
  const t0 = performance.now();
  const t = setInterval(() => {
    const due = Math.min(count, Math.floor(((performance.now() - t0) * rate) / 1000));
    if (due <= i) return;
    const out = [];
    for (; i < due; i++) out.push(frameAt(i));
    s.write(Buffer.concat(out));
    if (i >= count) {
      clearInterval(t);
      onDone();
    }
  }, 1);
}
