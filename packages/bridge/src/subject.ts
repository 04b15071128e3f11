/**
 * Subjects from a template: `cti.{source}.{type}` by default; placeholders {source}, {type},
 * {peripheral}, {agent}, {call}, {skillGroup}. Values are sanitised into valid subject tokens (and KV
 * key tokens): letters, digits, `-` and `_` stay, anything else (`.`, `*`, `>`, spaces, other
 * characters) becomes `_`; a missing or empty value is `_`.
 */

export const PLACEHOLDERS = ["source", "type", "peripheral", "agent", "call", "skillGroup"] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type SubjectFields = { [K in Placeholder]?: string | number | undefined };

const BAD = /[^A-Za-z0-9_-]/g;

/** A value as one subject (and KV key) token. */
export function tokenOf(v: string | number | undefined): string {
  if (v === undefined) return "_";
  const s = typeof v === "number" ? (Number.isFinite(v) ? String(v) : "") : v;
  return s === "" ? "_" : s.replace(BAD, "_");
}

/** Why a template cannot be used, or undefined. `events`: the event template (needs {type}). */
export function checkTemplate(t: string, events = false): string | undefined {
  const tokens = t.split(".");
  for (const tok of tokens) {
    if (tok === "") return `empty token in ${JSON.stringify(t)}`;
    const rest = tok.replace(/\{(\w+)\}/g, (_m, name: string) => {
      if (!(PLACEHOLDERS as readonly string[]).includes(name)) return "\u0000";
      return "x";
    });
    if (rest.includes("\u0000")) {
      const bad = /\{(\w+)\}/.exec(tok.replace(/\{(source|type|peripheral|agent|call|skillGroup)\}/g, ""))?.[1];
      return `unknown placeholder {${bad}} (use ${PLACEHOLDERS.map((p) => `{${p}}`).join(", ")})`;
    }
    if (/[\s*>{}]/.test(rest)) return `not a valid subject token: ${JSON.stringify(tok)}`;
  }
  if (!t.includes("{source}")) return "must contain {source} (each source publishes on its own subjects)";
  if (events && !t.includes("{type}")) return "must contain {type}";
  return undefined;
}

/** Compiles a template into a function of the fields (values sanitised). */
export function compileTemplate(t: string): (f: SubjectFields) => string {
  const parts: (string | Placeholder)[] = [];
  const re = /\{(\w+)\}/g;
  let last = 0;
  for (let m = re.exec(t); m !== null; m = re.exec(t)) {
    parts.push(t.slice(last, m.index));
    parts.push(m[1] as Placeholder);
    last = m.index + m[0].length;
  }
  const tail = t.slice(last);
  // parts alternate literal, placeholder, literal, ...
  return (f) => {
    let s = "";
    for (let i = 0; i < parts.length; i += 2) s += (parts[i] as string) + tokenOf(f[parts[i + 1] as Placeholder]);
    return s + tail;
  };
}

/** Whether a subject matches a pattern with NATS wildcards (`*` one token, `>` the rest). */
export function subjectMatches(pattern: string, subject: string): boolean {
  const p = pattern.split(".");
  const s = subject.split(".");
  for (let i = 0; i < p.length; i++) {
    const t = p[i];
    if (t === ">") return s.length > i;
    if (i >= s.length) return false;
    if (t !== "*" && t !== s[i]) return false;
  }
  return p.length === s.length;
}
