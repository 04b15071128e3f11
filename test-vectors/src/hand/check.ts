/// <reference types="node" />
// Self-check of hand/vectors.json (no ctiwire package is used):
//  1. the hex parts of the annotation lines (text before the first two spaces, spaces removed),
//     concatenated, equal `hex`;
//  2. MessageLength (first 4 bytes) equals the number of bytes after the 8-byte header, and
//     MessageType equals `message.messageType`;
//  3. every floating-field line ("... (tag N NAME, len L) ...") has a tag and a length of the
//     width of its version (1 byte each up to v19, 2 bytes from v20), the tag in the hex equals
//     N, the length in the hex equals L and equals the number of data bytes on the line;
//     STRING data ends with its NUL; NAMEDVAR data is name\0value\0; NAMEDARRAY is index +
//     name\0 + value\0;
//  4. ids are unique.
//
//   node dist/hand/check.js [vectors.json]   (npm test)

import { readHandVectors } from "./files.js";

const SIZES: Record<string, number> = { UCHAR: 1, CHAR: 1, USHORT: 2, SHORT: 2, BOOL: 2, UINT: 4, INT: 4, TIME: 4 };

const vectors = readHandVectors(process.argv[2]);
let failures = 0;
const fail = (id: string, msg: string): void => {
  failures++;
  console.log(`FAIL ${id}: ${msg}`);
};
const ids = new Set<string>();
const isHex = (s: string): boolean => /^([0-9a-f]{2})*$/.test(s);
const bytesOf = (h: string): number[] =>
  Array.from({ length: h.length / 2 }, (_, i) => Number.parseInt(h.slice(2 * i, 2 * i + 2), 16));

for (const v of vectors) {
  const id = v.id;
  if (ids.has(id)) fail(id, "duplicate id");
  ids.add(id);
  if (!isHex(v.hex)) fail(id, "hex is not lower-case hex of whole bytes");
  const parts = v.annotation.map((line) => {
    const cut = line.indexOf("  ");
    return { hexPart: cut < 0 ? "" : line.slice(0, cut), text: cut < 0 ? line : line.slice(cut + 2), line };
  });
  const joined = parts.map((p) => p.hexPart.replace(/ /g, "")).join("");
  if (joined !== v.hex) fail(id, "annotation hex concatenation differs from hex");
  const len = Number.parseInt(v.hex.slice(0, 8), 16);
  const bodyBytes = v.hex.length / 2 - 8;
  if (len !== bodyBytes) fail(id, `MessageLength ${len} but ${bodyBytes} bytes follow the header`);
  const type = Number.parseInt(v.hex.slice(8, 16), 16);
  if (type !== v.message.messageType) fail(id, `MessageType ${type} but message.messageType ${v.message.messageType}`);
  const width = v.version >= 20 ? 2 : 1;
  let floating = 0;
  let seenFloating = false;
  for (const p of parts) {
    const m = /\(tag (\d+) [A-Z0-9_]+, len (\d+)\) (\w+) =/.exec(p.text);
    if (!m) {
      if (seenFloating) fail(id, `fixed-looking line after the floating part: ${p.line}`);
      continue;
    }
    seenFloating = true;
    floating++;
    const [, tag, len, dtype] = m as unknown as [string, string, string, string];
    const groups = p.hexPart.split(" ");
    if (groups.length === 2 && Number(len) === 0) groups.push("");
    if (groups.length !== 3) {
      fail(id, `floating line must be "tag len data": ${p.line}`);
      continue;
    }
    const [th, lh, dh] = groups as [string, string, string];
    if (th.length !== width * 2 || lh.length !== width * 2)
      fail(id, `tag/len width is not ${width} byte(s) at v${v.version}: ${p.line}`);
    if (Number.parseInt(th, 16) !== Number(tag))
      fail(id, `tag ${Number.parseInt(th, 16)} in hex, ${tag} in text: ${p.line}`);
    if (Number.parseInt(lh, 16) !== Number(len))
      fail(id, `length ${Number.parseInt(lh, 16)} in hex, ${len} in text: ${p.line}`);
    if (dh.length / 2 !== Number(len)) fail(id, `length ${len} but ${dh.length / 2} data bytes: ${p.line}`);
    const bytes = bytesOf(dh);
    const nuls = bytes.filter((b) => b === 0).length;
    if (dtype === "STRING" && (bytes.length === 0 || bytes[bytes.length - 1] !== 0 || nuls !== 1))
      fail(id, `STRING must be ASCII + one terminating NUL: ${p.line}`);
    if (dtype === "NAMEDVAR" && (bytes[bytes.length - 1] !== 0 || nuls !== 2))
      fail(id, `NAMEDVAR must be name\\0value\\0: ${p.line}`);
    if (dtype === "NAMEDARRAY" && (bytes[bytes.length - 1] !== 0 || bytes.slice(1).filter((b) => b === 0).length !== 2))
      fail(id, `NAMEDARRAY must be index name\\0 value\\0: ${p.line}`);
    const size = SIZES[dtype];
    if (size !== undefined && size !== bytes.length) fail(id, `${dtype} must be ${size} bytes: ${p.line}`);
  }
  if (!/^hand\/v\d+\/[A-Z0-9_]+-\d+$/.test(id) || !id.startsWith(`hand/v${v.version}/${v.message.type}-`))
    fail(id, "id must be hand/v<version>/<MESSAGE_NAME>-n");
  if (process.env.VERBOSE) console.log(`ok ${id} (${v.hex.length / 2} bytes, ${floating} floating fields)`);
}
console.log(`${vectors.length} vectors, ${failures} failure(s)`);
process.exit(failures === 0 ? 0 : 1);
