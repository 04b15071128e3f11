// Today's path to JSON as a whole process, the baseline of `ctiwire decode --json`: read a file of
// frames in 64 KiB chunks, decode each frame to a message (FrameDecoder), messageToJSON,
// JSON.stringify, and write the lines to stdout (one write per chunk, as a careful script would).
//   node dist/src/baselines/json-script.js FILE VERSION
import { createReadStream } from "node:fs";
import { FrameDecoder, messageToJSON, type ProtocolVersion } from "ctiwire";

const [file, version] = process.argv.slice(2);
if (!file || !version) throw new Error("usage: json-script FILE VERSION");
const d = new FrameDecoder({ version: Number(version) as ProtocolVersion });
for await (const chunk of createReadStream(file, { highWaterMark: 65536 })) {
  let text = "";
  d.write(chunk as Uint8Array, (m) => {
    text += `${JSON.stringify(messageToJSON(m))}\n`;
  });
  if (text.length > 0 && !process.stdout.write(text)) {
    await new Promise((resolve) => process.stdout.once("drain", resolve));
  }
}
d.finish();
