// Registers the v25 guide edition's tables (a module with a side effect: see package.json "sideEffects").
import { registerEdition } from "../editions.js";
import { LAYOUTS_V25 } from "../generated/layouts-v25.js";
import { TAGS_V25 } from "../generated/tags-v25.js";

registerEdition(25, { layouts: LAYOUTS_V25, tags: TAGS_V25 });
