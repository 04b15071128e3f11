/** Reads CTIWIRE_BACKEND where the runtime has an environment: Node (process.env), Deno (Deno.env, which throws without --allow-env). */
export function readBackendEnv(): string | undefined {
  const g = globalThis as {
    process?: { env?: Record<string, string | undefined> };
    Deno?: { env?: { get(name: string): string | undefined } };
  };
  try {
    const v = g.process?.env?.CTIWIRE_BACKEND;
    if (typeof v === "string" && v !== "") return v;
  } catch {
    // a bundler's process shim, or no permission
  }
  try {
    const v = g.Deno?.env?.get("CTIWIRE_BACKEND");
    if (typeof v === "string" && v !== "") return v;
  } catch {
    // Deno without --allow-env
  }
  return undefined;
}
