// The chunkings a stream vector is fed in: stored, so every runner feeds the same ones.

import { rng } from "../rng.js";

/** `count` lists of chunk sizes summing to `total`, each chunk at most about `maxChunk` bytes. */
export function randomChunkings(total: number, count: number, seed: number, maxChunk: number): number[][] {
  const rnd = rng(seed);
  const out: number[][] = [];
  for (let c = 0; c < count; c++) {
    const sizes: number[] = [];
    let left = total;
    const cap = Math.max(1, Math.floor(maxChunk * (0.1 + rnd())));
    while (left > 0) {
      const n = Math.min(left, 1 + Math.floor(rnd() * cap));
      sizes.push(n);
      left -= n;
    }
    out.push(sizes);
  }
  return out;
}

/** FNV-1a (32 bits): the seed of a vector's random chunkings, from its id. */
function hashSeed(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return h;
}

/** A stream's chunkings: whole, 1-byte chunks, every split point (up to 4096 bytes), 12 random ones. */
export function chunkings(
  id: string,
  total: number,
): { whole: true; bytes: true; splits: boolean; random: number[][] } {
  return {
    whole: true,
    bytes: true,
    splits: total <= 4096,
    random: randomChunkings(total, 12, hashSeed(id), Math.max(2, Math.floor(total / 3))),
  };
}
