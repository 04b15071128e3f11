/** ctiwire with the tables of protocol version 25 only (the same API as "ctiwire"). */
import "@ctiwire/protocol/v25";

export * from "./api.js";
