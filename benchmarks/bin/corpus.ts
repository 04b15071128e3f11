#!/usr/bin/env node
// Writes the corpora of a mode under benchmarks/corpus/: npm run corpus [-- --quick] (node dist/bin/corpus.js)
import { ensureCorpora } from "../src/corpus-files.js";

const mode = process.argv.includes("--quick") ? "quick" : "full";
for (const c of ensureCorpora(mode, console.log)) console.log(`${c.file}: ${c.bytes} bytes, ${c.frames} frames`);
