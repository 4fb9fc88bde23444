// Seeded random streams. Every part of the study draws from its own named
// stream, so each file's contents depend only on the seed and never on the
// order in which the files are generated.
import { randomInt, randomLcg, randomLogNormal, randomNormal } from 'd3-random';

export interface Random {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  normal(mu: number, sigma: number): number;
  logNormal(mu: number, sigma: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Fisher-Yates shuffle, in place; returns its argument. */
  shuffle<A extends { length: number; [index: number]: unknown }>(items: A): A;
}

/** A 32-bit seed derived from the study seed and the stream's name (FNV-1a). */
export function streamSeed(seed: number, stream: string): number {
  let hash = (0x811c9dc5 ^ (seed | 0)) >>> 0;
  hash = Math.imul(hash ^ Math.floor(seed / 0x100000000), 0x01000193) >>> 0;
  for (let i = 0; i < stream.length; i++) {
    hash = Math.imul(hash ^ stream.charCodeAt(i), 0x01000193) >>> 0;
  }
  // Avoid the degenerate all-zero LCG state.
  return hash === 0 ? 1 : hash;
}

export function createRandom(seed: number, stream: string): Random {
  const source = randomLcg(streamSeed(seed, stream));
  const normalOf = randomNormal.source(source);
  const logNormalOf = randomLogNormal.source(source);
  const intOf = randomInt.source(source);
  return {
    uniform: source,
    int: (min, max) => intOf(min, max + 1)(),
    normal: (mu, sigma) => normalOf(mu, sigma)(),
    logNormal: (mu, sigma) => logNormalOf(mu, sigma)(),
    chance: (p) => source() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('pick() from an empty list');
      return items[Math.floor(source() * items.length)] as T;
    },
    shuffle(items) {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(source() * (i + 1));
        const held = items[i];
        items[i] = items[j];
        items[j] = held;
      }
      return items;
    },
  };
}
