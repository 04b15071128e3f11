/** ctiwire with the tables of protocol version 19 only (the same API as "ctiwire"). */
import "@ctiwire/protocol/v19";

export * from "./api.js";
