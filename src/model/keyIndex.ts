import { TextColumn } from './textColumn.ts';

/**
 * The ids written in a dataset file, each with the line it is first on, numbered in order
 * of first appearance: the unique-id check while reading, and the lookup of a unit by id
 * afterwards (the reliability file names units by id).
 *
 * A Map of ten million id strings took more time to keep than to fill, as every full
 * garbage collection walked it; here the ids are bytes (`TextColumn`) and the table is
 * typed arrays of numbers, which the collector does not walk.
 */
export class KeyIndex {
  private readonly keys = new TextColumn();
  private hashes = new Int32Array(1024);
  private lines = new Int32Array(1024);
  /**
   * Open addressing: each slot is two numbers, an entry's number plus one (0 when free) and
   * its id's hash, side by side so that a probe reads one place in memory, not two: at ten
   * million ids the table is far bigger than the processor's caches.
   */
  private slots = new Int32Array(2 * 4096);

  get size(): number {
    return this.keys.length;
  }

  /**
   * Add an id first met on a line. Returns its entry's number, as a negative number minus
   * one (`-entry - 1`) when the id was already there, so the caller can name the first line.
   */
  add(key: string, line: number): number {
    const hash = hashOf(key);
    const found = this.find(key, hash);
    if (found.entry !== undefined) return -found.entry - 1;
    const entry = this.keys.push(key);
    if (entry === this.hashes.length) {
      this.hashes = grown(this.hashes);
      this.lines = grown(this.lines);
    }
    this.hashes[entry] = hash;
    this.lines[entry] = line;
    this.slots[found.slot] = entry + 1;
    this.slots[found.slot + 1] = hash;
    // Kept at most half full, so a search rarely probes more than a few slots.
    if (this.size * 4 > this.slots.length) this.rehash();
    return entry;
  }

  /** The entry of an id, or undefined when it was never added. */
  entryOf(key: string): number | undefined {
    return this.find(key, hashOf(key)).entry;
  }

  has(key: string): boolean {
    return this.entryOf(key) !== undefined;
  }

  /** The line an entry's id was first on. */
  lineOf(entry: number): number {
    return this.lines[entry]!;
  }

  /** An entry's id. */
  key(entry: number): string {
    return this.keys.at(entry);
  }

  /** Every id, in order of first appearance. */
  *[Symbol.iterator](): Generator<string> {
    for (let entry = 0; entry < this.size; entry++) yield this.keys.at(entry);
  }

  /** Forget every id (a file read again from the start). */
  clear(): void {
    this.keys.clear();
    this.hashes = new Int32Array(1024);
    this.lines = new Int32Array(1024);
    this.slots = new Int32Array(2 * 4096);
  }

  /** The entry holding an id, or the free slot (the index of its first number) where it would go. */
  private find(key: string, hash: number): { entry: number | undefined; slot: number } {
    const mask = (this.slots.length >> 1) - 1;
    for (let place = hash & mask; ; place = (place + 1) & mask) {
      const held = this.slots[2 * place]!;
      if (held === 0) return { entry: undefined, slot: 2 * place };
      // Comparing the hash first means an id is read back only when it is very likely the same.
      if (this.slots[2 * place + 1] === hash && this.keys.at(held - 1) === key) return { entry: held - 1, slot: 2 * place };
    }
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = (slots.length >> 1) - 1;
    for (let entry = 0; entry < this.size; entry++) {
      const hash = this.hashes[entry]!;
      let place = hash & mask;
      while (slots[2 * place] !== 0) place = (place + 1) & mask;
      slots[2 * place] = entry + 1;
      slots[2 * place + 1] = hash;
    }
    this.slots = slots;
  }
}

function grown(from: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const to = new Int32Array(from.length * 2);
  to.set(from);
  return to;
}

/**
 * FNV-1a over the UTF-16 code units, mixed at the end so that nearby ids spread over the
 * table. Exported for the test that two ids with one hash are still told apart.
 */
export function hashOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index++) hash = Math.imul(hash ^ key.charCodeAt(index), 0x01000193);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  return hash | 0;
}
