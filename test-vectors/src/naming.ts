// The JSON property names of the codec's message form (README.md, "Valid vectors"): the rule of
// packages/codec/src/plan/naming.ts and shape.ts, restated here on purpose, not imported: vectors
// that check the codec must not be produced by it. Imports nothing (the hand vectors' builder uses
// it too).

/** The JSON property of a field: the guide name in camel case (leading capitals lowered). */
export function fieldPropertyName(guideName: string): string {
  const name = guideName.replace(/[^A-Za-z0-9_]/g, "");
  let run = 0;
  while (run < name.length && /[A-Z]/.test(name[run]!)) run++;
  if (run === 0) return name;
  if (run === name.length) return name.toLowerCase();
  const next = name[run]!;
  const nextIsLower = /[a-z]/.test(next);
  const after = run + 1 < name.length ? name[run + 1]! : "";
  const plural = next === "s" && (after === "" || /[A-Z0-9]/.test(after));
  const lower = nextIsLower && run > 1 && !plural ? run - 1 : run;
  return name.slice(0, lower).toLowerCase() + name.slice(lower);
}

/** The JSON property of a counted list: its count field's name without Num/NumberOf. */
export function groupPropertyName(countField: string): string {
  const m = /^Num(?:ber)?(?:Of)?(?=[A-Z0-9])/.exec(countField);
  if (m) return fieldPropertyName(countField.slice(m[0].length));
  return `${fieldPropertyName(countField)}List`;
}

/** Envelope names a field property may not take (it gets a "Field" suffix). */
const RESERVED = ["type", "messageType", "unknownFields", "warnings", "body"];

/** `base`, or `base` + 2, 3, ... where an earlier property took it; added to `used`. */
export function uniqueKey(base: string, used: Set<string>): string {
  let key = RESERVED.includes(base) ? `${base}Field` : base;
  if (used.has(key)) {
    let n = 2;
    while (used.has(`${key}${n}`)) n++;
    key = `${key}${n}`;
  }
  used.add(key);
  return key;
}
