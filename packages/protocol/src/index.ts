/**
 * @ctiwire/protocol: the Cisco CTI Server protocol (GED-188) as data, for protocol versions 17-25,
 * with every guide edition's tables. `@ctiwire/protocol/v25` (v17 ... v25) loads one version's only.
 */
import "./register/all.js";

export * from "./core.js";
