/**
 * ctiwire: the Cisco CTI Server protocol (GED-188) for TypeScript, protocol versions 17 to 25, with
 * every version's tables. A page that speaks one version imports "ctiwire/v25" (v17 ... v25) instead
 * and bundles that version's tables only.
 */
import "@ctiwire/protocol";

export * from "./api.js";
