// Adding a protocol version is a change under packages/protocol only (issue 13). This test makes that
// change to a copy of the schema package: version 26 = version 25 plus one new floating field on
// AGENT_STATE_EVENT (a new tag), compiles it, and runs the real codec, the WASM backend (through the
// ctiwire facade), the simulator and the session client against it, unchanged, from a scratch
// node_modules where only @ctiwire/protocol is the patched copy (node --preserve-symlinks).
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const repo = fileURLToPath(new URL("../../..", import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), "ctiwire-v26-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Replaces `from` by `to` in a file of the copied schema, failing loudly when `from` is not there. */
function patch(file: string, from: string, to: string): void {
  const text = readFileSync(file, "utf8");
  if (!text.includes(from)) throw new Error(`${file}: ${JSON.stringify(from)} not found (the schema changed shape)`);
  writeFileSync(file, text.replace(from, to));
}

/** The copy of packages/protocol with version 26, built into its dist. */
function buildPatchedSchema(): string {
  const pkg = join(scratch, "node_modules", "@ctiwire", "protocol");
  mkdirSync(pkg, { recursive: true });
  cpSync(join(repo, "packages/protocol/src"), join(pkg, "src"), { recursive: true });
  cpSync(join(repo, "packages/protocol/package.json"), join(pkg, "package.json"));
  const src = join(pkg, "src");
  // The version itself, its size limit, and the edition it is read from.
  patch(join(src, "types.ts"), "| 24 | 25;", "| 24 | 25 | 26;");
  patch(join(src, "types.ts"), "[17, 18, 19, 20, 21, 22, 23, 24, 25]", "[17, 18, 19, 20, 21, 22, 23, 24, 25, 26]");
  patch(join(src, "types.ts"), "GuideVersion = 23 | 24 | 25;", "GuideVersion = 23 | 24 | 25 | 26;");
  patch(join(src, "versions.ts"), "  25: 12500,", "  25: 12500,\n  26: 12500,");
  // Its tables: as a real edition would be extracted, here the v25 edition plus one field and its tag.
  writeFileSync(
    join(src, "register", "edition-v26.ts"),
    `import { registerEdition } from "../editions.js";
import { LAYOUTS_V25 } from "../generated/layouts-v25.js";
import { TAGS_V25 } from "../generated/tags-v25.js";
import type { GuideLayout } from "../types.js";

const extra = { name: "AgentMood", tagName: "AGENT_MOOD_TAG", type: "STRING", maxSize: 32, required: false } as const;
const layouts: GuideLayout[] = LAYOUTS_V25.map((l) =>
  l.name === "AGENT_STATE_EVENT" ? { ...l, floating: [...l.floating, extra] } : l,
);
registerEdition(26, {
  layouts,
  tags: [...TAGS_V25, { tag: 400, name: "AGENT_MOOD_TAG", type: "STRING", maxSize: 32 }],
});
`,
  );
  patch(
    join(src, "register", "all.ts"),
    'import "./edition-v25.js";',
    'import "./edition-v25.js";\nimport "./edition-v26.js";',
  );
  writeFileSync(join(src, "v26.ts"), 'import "./register/edition-v26.js";\n\nexport * from "./core.js";\n');
  writeFileSync(
    join(pkg, "tsconfig.json"),
    JSON.stringify({
      extends: join(repo, "tsconfig.base.json"),
      compilerOptions: { rootDir: "src", outDir: "dist", composite: false, incremental: false, sourceMap: false },
      include: ["src"],
    }),
  );
  execFileSync(process.execPath, [join(repo, "node_modules/typescript/bin/tsc"), "-p", pkg], { stdio: "pipe" });
  // Everything else is the repository's own build, unchanged.
  for (const name of ["codec", "wasm", "client", "simulator"]) {
    symlinkSync(join(repo, "packages", name), join(scratch, "node_modules", "@ctiwire", name), "dir");
  }
  symlinkSync(join(repo, "packages/ctiwire"), join(scratch, "node_modules", "ctiwire"), "dir");
  return pkg;
}

/** What the program below prints: v26 through every component. */
const program = `
import { decode, encode, fieldPropertyName, messageSpec, PROTOCOL_VERSIONS, floatingHeaderSize } from "ctiwire";
import { startSimulator } from "@ctiwire/simulator";
import { CtiClient } from "@ctiwire/client";

const out = { versions: PROTOCOL_VERSIONS, header: floatingHeaderSize(26) };
const spec = messageSpec("AGENT_STATE_EVENT", 26);
out.field = spec.floating.find((f) => f.name === "AgentMood");
out.notAt25 = messageSpec("AGENT_STATE_EVENT", 25).floating.some((f) => f.name === "AgentMood");
const message = { type: "AGENT_STATE_EVENT" };
for (const f of spec.fixed.slice(1)) message[fieldPropertyName(f.name)] = 0;
Object.assign(message, { peripheralID: 5000, agentState: 3, agentID: "5001", agentMood: "calm" });
const frame = encode(message, { version: 26 });
out.ts = decode(frame, { version: 26, backend: "ts" }).agentMood;
out.wasm = decode(frame, { version: 26, backend: "wasm" }).agentMood;
out.at25 = decode(frame, { version: 25 }).unknownFields?.map((u) => u.tag);

const sim = await startSimulator({ port: 0, agents: 2, callsPerSecond: 0, seed: 1 });
const client = new CtiClient({ sideA: "127.0.0.1:" + sim.portA, version: 26, clientID: "v26", clientPassword: "",
  peripheralID: 5000, services: ["CTI_SERVICE_ALL_EVENTS"] });
await client.connect({ timeoutMs: 20000 });
out.session = client.version ?? 26;
const reply = await client.request("HEARTBEAT_REQ", {});
out.reply = reply.type;
await client.close();
await sim.close();
console.log(JSON.stringify(out));
`;

describe("a new protocol version is a change to the schema only", () => {
  it("version 26 (25 + one floating field) runs through the codec, both backends, the simulator and the client", () => {
    buildPatchedSchema();
    writeFileSync(join(scratch, "v26.mjs"), program);
    const stdout = execFileSync(
      process.execPath,
      ["--preserve-symlinks", "--preserve-symlinks-main", join(scratch, "v26.mjs")],
      { cwd: scratch, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    );
    const out = JSON.parse(stdout.trim().split("\n").at(-1)!);
    expect(out.versions.at(-1)).toBe(26);
    expect(out.header).toBe(4);
    expect(out.field).toMatchObject({ name: "AgentMood", tag: 400, type: "STRING", maxSize: 32 });
    expect(out.notAt25).toBe(false);
    expect([out.ts, out.wasm]).toEqual(["calm", "calm"]);
    expect(out.at25).toEqual([400]);
    expect(out.session).toBe(26);
    expect(out.reply).toBe("HEARTBEAT_CONF");
  });
});
