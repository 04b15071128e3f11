/**
 * Reads CTIWIRE_BACKEND where the runtime has an environment: Node (process.env) and Deno. Deno asks
 * on a terminal before an env read without --allow-env, so its permission is queried first (no
 * prompt): without it, the variable is not read.
 */
export function readBackendEnv(): string | undefined {
  const g = globalThis as {
    process?: { env?: Record<string, string | undefined> };
    Deno?: {
      env?: { get(name: string): string | undefined };
      permissions?: { querySync?(d: { name: "env"; variable: string }): { state: string } };
    };
  };
  const deno = g.Deno;
  if (deno !== undefined) {
    try {
      const state = deno.permissions?.querySync?.({ name: "env", variable: "CTIWIRE_BACKEND" }).state;
      if (state !== "granted") return undefined;
      const v = deno.env?.get("CTIWIRE_BACKEND");
      return typeof v === "string" && v !== "" ? v : undefined;
    } catch {
      return undefined; // no permission API or no permission
    }
  }
  try {
    const v = g.process?.env?.CTIWIRE_BACKEND;
    if (typeof v === "string" && v !== "") return v;
  } catch {
    // a bundler's process shim
  }
  return undefined;
}
