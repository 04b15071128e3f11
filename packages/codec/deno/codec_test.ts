// Deno runs the built package through node_modules, as a Deno user of the npm package would.
import { createDecoderStream, decode, encode, FrameDecoder, toHex } from "@ctiwire/codec";

function assertEquals(actual: unknown, expected: unknown, what: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}

// The v17 CLIENT_SESSION_OPENED_EVENT: header, six UINTs, ClientAddress (tag 81) "10.1.2.3".
const hex =
  "0000002300000063" + "00000007000013880000000400" + "00ffff000000030000a5c1" + "51093130" + "2e312e322e3300";
const bytes = new Uint8Array(hex.match(/../g)!.map((h) => Number.parseInt(h, 16)));

Deno.test("decode and encode the v17 seed message", () => {
  const m = decode(bytes, { version: 17 });
  assertEquals(m.type, "CLIENT_SESSION_OPENED_EVENT", "type");
  if (m.type !== "CLIENT_SESSION_OPENED_EVENT") return;
  assertEquals([m.sessionID, m.clientPort, m.clientAddress], [7, 0xa5c1, "10.1.2.3"], "fields");
  assertEquals(toHex(encode(m, { version: 17 })), hex, "round trip");
});

Deno.test("FrameDecoder and the WHATWG decoder stream", async () => {
  const d = new FrameDecoder({ version: 17 });
  const out = [...d.push(bytes.subarray(0, 5)), ...d.push(bytes.subarray(5))];
  assertEquals(out.length, 1, "frame decoder");
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      c.enqueue(bytes.subarray(0, 20));
      c.enqueue(bytes.subarray(20));
      c.close();
    },
  }).pipeThrough(createDecoderStream({ version: 17 }));
  const got: string[] = [];
  for await (const m of stream) got.push(m.type);
  assertEquals(got, ["CLIENT_SESSION_OPENED_EVENT"], "stream");
});
