/** @ctiwire/protocol with the tables of protocol version 23 only (the v23 guide edition). */
import "./register/edition-v23.js";

export * from "./core.js";
