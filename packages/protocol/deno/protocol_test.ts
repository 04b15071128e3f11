// Deno runs the built package through node_modules, as a Deno user of the npm package would.
import { floatingHeaderSize, messageSpec, messageSpecs, tagSpec } from "@ctiwire/protocol";

function assertEquals(actual: unknown, expected: unknown, what: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}

Deno.test("the seed message at v17 is the guide's page", () => {
  const spec = messageSpec("CLIENT_SESSION_OPENED_EVENT", 17);
  assertEquals(spec?.type, 99, "type");
  assertEquals(spec?.fixedSize, 32, "fixed size");
  assertEquals(spec?.largestSize, 280, "largest size");
  assertEquals(spec?.floating.find((f) => f.name === "ClientAddress")?.maxSize, 16, "ClientAddress at v17");
  assertEquals(
    messageSpec("CLIENT_SESSION_OPENED_EVENT", 19)?.floating.find((f) => f.name === "ClientAddress")?.maxSize,
    64,
    "ClientAddress at v19",
  );
});

Deno.test("every version resolves", () => {
  for (let v = 17; v <= 25; v++) {
    if (messageSpecs(v).length < 140) throw new Error(`v${v}: only ${messageSpecs(v).length} layouts`);
  }
  assertEquals(floatingHeaderSize(19), 2, "header v19");
  assertEquals(floatingHeaderSize(20), 4, "header v20");
  assertEquals(tagSpec(313, 25)?.name, "MEDIA_PROVIDER_TAG", "tag 313 at v25");
});
