/** @ctiwire/protocol with the tables of protocol version 18 only (the v23 guide edition, with Chapter 7's history). */
import "./register/edition-v23.js";

export * from "./core.js";
