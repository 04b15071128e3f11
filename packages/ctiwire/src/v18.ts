/** ctiwire with the tables of protocol version 18 only (the same API as "ctiwire"). */
import "@ctiwire/protocol/v18";

export * from "./api.js";
