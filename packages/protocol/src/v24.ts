/** @ctiwire/protocol with the tables of protocol version 24 only (the v24 guide edition). */
import "./register/edition-v24.js";

export * from "./core.js";
