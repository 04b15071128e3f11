#!/usr/bin/env node
// Ways to turn Latin-1/ASCII bytes into a string, by length: what decodeLatin1 (src/bytes.ts) is
// based on. node bench/strings.mjs
const buf = new Uint8Array(4096);
for (let i = 0; i < buf.length; i++) buf[i] = 0x41 + (i % 26);
const td = new TextDecoder("utf-8");
const ways = {
  "fromCharCode loop": (b, s, e) => {
    let r = "";
    for (let i = s; i < e; i++) r += String.fromCharCode(b[i]);
    return r;
  },
  "fromCharCode×8": (b, s, e) => {
    const f = String.fromCharCode;
    let r = "";
    let i = s;
    for (; i + 8 <= e; i += 8) r += f(b[i], b[i + 1], b[i + 2], b[i + 3], b[i + 4], b[i + 5], b[i + 6], b[i + 7]);
    for (; i < e; i++) r += f(b[i]);
    return r;
  },
  "fromCharCode.apply(subarray)": (b, s, e) => String.fromCharCode.apply(null, b.subarray(s, e)),
  "TextDecoder(subarray)": (b, s, e) => td.decode(b.subarray(s, e)),
};
for (const n of [4, 9, 16, 32, 40, 200]) {
  const row = [];
  for (const [name, fn] of Object.entries(ways)) {
    let best = Infinity;
    for (let r = 0; r < 5; r++) {
      const t = performance.now();
      let x = 0;
      for (let j = 0; j < 200000; j++) x += fn(buf, j & 1023, (j & 1023) + n).length;
      if (x < 0) console.log(x);
      best = Math.min(best, (performance.now() - t) / 200);
    }
    row.push(`${name} ${(best * 1000).toFixed(0)} ns`);
  }
  console.log(`${String(n).padStart(3)} bytes: ${row.join(" | ")}`);
}
