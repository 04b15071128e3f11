// A page that speaks one protocol version bundles that version's tables only (issue 12): each
// "ctiwire/vN" entry, bundled with esbuild (minified, browser) by an app that only decodes, stays within
// 200 KB minified and 30 KB gzipped, holds no other guide edition, decodes, and says clearly when it is
// asked for a version it does not carry. Built from the packages' dist (run after `npm run build`).
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import * as esbuild from "esbuild";
import { describe, expect, it } from "vitest";

const here = fileURLToPath(new URL("..", import.meta.url));

/** A decode-only app of one entry: decodes a v`version` HEARTBEAT_CONF and `other` (to see it refused). */
async function bundle(entry: string, version: number, other: number) {
  const app = `
    import { decode } from "${entry}";
    const f = new Uint8Array([0, 0, 0, 4, 0, 0, 0, 6, 0, 0, 0, 7]);
    export const invokeID = decode(f, { version: ${version} }).invokeID;
    export let refused = "";
    try { decode(f, { version: ${other} }); } catch (e) { refused = String(e.message); }
  `;
  const r = await esbuild.build({
    stdin: { contents: app, resolveDir: here, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const code = r.outputFiles[0]!.contents;
  const inputs = Object.keys(r.metafile.inputs);
  const mod = await import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`);
  return { min: code.length, gz: gzipSync(code).length, inputs, mod };
}

describe("one version's bundle", () => {
  for (const version of [17, 20, 23, 24, 25]) {
    it(`ctiwire/v${version}: at most 200 KB minified, 30 KB gzipped, its own edition only, and it decodes`, async () => {
      const other = version === 25 ? 24 : 25;
      const b = await bundle(`ctiwire/v${version}`, version, other);
      const edition = version <= 23 ? 23 : version;
      const editions = b.inputs.filter((i) => /layouts-v\d+\.js$/.test(i)).map((i) => /v(\d+)\.js$/.exec(i)![1]);
      expect(editions).toEqual([String(edition)]);
      expect(b.min, `minified bytes of ctiwire/v${version}`).toBeLessThanOrEqual(200 * 1024);
      expect(b.gz, `gzipped bytes of ctiwire/v${version}`).toBeLessThanOrEqual(30 * 1024);
      expect(b.mod.invokeID).toBe(7);
      expect(b.mod.refused).toContain(`protocol version ${other} are not loaded`);
    });
  }

  it("the whole package (every version) is the larger one, and decodes any version", async () => {
    const all = await bundle("ctiwire", 17, 25);
    const one = await bundle("ctiwire/v25", 25, 24);
    expect(all.min).toBeGreaterThan(one.min * 2);
    expect(all.mod.invokeID).toBe(7);
    expect(all.mod.refused).toBe("");
  });
});
