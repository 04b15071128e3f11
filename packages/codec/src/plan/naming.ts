/**
 * How guide names become JavaScript property names. This is the one place of the rule: the
 * decoder/encoder plans, the TypeScript type generator (scripts/gen-types.ts) and any other
 * backend use these functions.
 */

/**
 * The property name of a guide field: the name with a lower-case start, where a leading run of
 * capitals (an acronym) is lower-cased as a whole, except its last capital when that one starts the
 * next word. Characters other than letters, digits and `_` (a stray space in the guide) are dropped.
 *
 * `SessionID` → `sessionID`, `ServicesGranted` → `servicesGranted`,
 * `ICMCentralControllerTime` → `icmCentralControllerTime`, `ANI` → `ani`,
 * `CTIClientSignature` → `ctiClientSignature`, `PGStatus` → `pgStatus`, `CallVariable1` → `callVariable1`,
 * `MRDs` → `mrds` (an acronym's plural `s` stays with it).
 */
export function fieldPropertyName(guideName: string): string {
  const name = guideName.replace(/[^A-Za-z0-9_]/g, "");
  let run = 0;
  while (run < name.length) {
    const c = name.charCodeAt(run);
    if (c < 65 || c > 90) break;
    run++;
  }
  if (run === 0) return name;
  if (run === name.length) return name.toLowerCase();
  const next = name.charCodeAt(run);
  const nextIsLower = next >= 97 && next <= 122;
  // A plural acronym ("MRDs", "IDs"): the whole run is the acronym.
  const after = run + 1 < name.length ? name.charCodeAt(run + 1) : -1;
  const plural = next === 115 && (after === -1 || (after >= 65 && after <= 90) || (after >= 48 && after <= 57));
  // "CTIClient": the run is "CTIC"; its last capital starts the word "Client".
  const lower = nextIsLower && run > 1 && !plural ? run - 1 : run;
  return name.slice(0, lower).toLowerCase() + name.slice(lower);
}

/**
 * The property name of a counted list (all floating fields that share one count field): the count
 * field's name without its `Num`, `NumOf`, `Number` or `NumberOf` prefix, then `fieldPropertyName`.
 * `NumCTIClients` → `ctiClients`, `NumCallDevices` → `callDevices`, `NumNamedVariables` → `namedVariables`.
 * A count field without such a prefix gives its own property name plus `List` (`DeviceCount` → `deviceCountList`).
 */
export function groupPropertyName(countField: string): string {
  const m = /^Num(?:ber)?(?:Of)?(?=[A-Z0-9])/.exec(countField);
  if (m) return fieldPropertyName(countField.slice(m[0].length));
  return `${fieldPropertyName(countField)}List`;
}

/** Property names of the message envelope; a field whose name maps onto one gets a `Field` suffix. */
export const RESERVED_PROPERTY_NAMES: readonly string[] = ["type", "messageType", "unknownFields", "warnings", "body"];

/** True for a plain JavaScript identifier: generated code may use it as `obj.key`. */
export function isIdentifier(key: string): boolean {
  return IDENTIFIER.test(key);
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
