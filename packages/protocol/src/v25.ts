/** @ctiwire/protocol with the tables of protocol version 25 only (the v25 guide edition). */
import "./register/edition-v25.js";

export * from "./core.js";
