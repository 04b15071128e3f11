/** ctiwire with the tables of protocol version 21 only (the same API as "ctiwire"). */
import "@ctiwire/protocol/v21";

export * from "./api.js";
