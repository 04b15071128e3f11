// A consumer app: imports the published entry point and decodes a frame. No loader configuration.
import { backend, decode, FrameDecoder, wasmAvailable } from "ctiwire";

// The v17 CLIENT_SESSION_OPENED_EVENT seed: header, six UINTs, ClientAddress (tag 81) "10.1.2.3".
const hex =
  "0000002300000063" + "00000007000013880000000400" + "00ffff000000030000a5c1" + "51093130" + "2e312e322e3300";
const bytes = new Uint8Array(hex.match(/../g).map((h) => Number.parseInt(h, 16)));

let result;
try {
  const m = decode(bytes, { version: 17 });
  const d = new FrameDecoder({ version: 17 });
  const streamed = [...d.push(bytes.subarray(0, 5)), ...d.push(bytes.subarray(5))];
  result = {
    backend: backend(),
    wasmAvailable: wasmAvailable(),
    decoderBackend: d.backend,
    type: m.type,
    clientAddress: m.clientAddress,
    streamed: streamed.map((x) => x.type),
  };
  if (wasmAvailable()) {
    // auto picks TypeScript (measured faster); the bundled WASM backend must still load and decode.
    const w = new FrameDecoder({ version: 17, backend: "wasm" });
    result.forcedBackend = w.backend;
    result.forced = w.push(bytes).map((x) => x.type);
  }
} catch (e) {
  result = { error: String(e?.stack ?? e) };
}
globalThis.__result = result;
document.getElementById("out").textContent = JSON.stringify(result);
document.title = "done";
