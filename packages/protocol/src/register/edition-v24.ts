// Registers the v24 guide edition's tables (a module with a side effect: see package.json "sideEffects").
import { registerEdition } from "../editions.js";
import { LAYOUTS_V24 } from "../generated/layouts-v24.js";
import { TAGS_V24 } from "../generated/tags-v24.js";

registerEdition(24, { layouts: LAYOUTS_V24, tags: TAGS_V24 });
