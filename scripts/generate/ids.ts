// Identifiers zero-padded to the width the largest one needs (at least two
// digits): P01..P17, T0001..T1460, P0001..P5000.

export function idWidth(count: number): number {
  return Math.max(2, String(Math.max(1, count)).length);
}

/** Returns a function from a 1-based position to its identifier. */
export function idFormatter(prefix: string, count: number): (position: number) => string {
  const width = idWidth(count);
  return (position) => prefix + String(position).padStart(width, '0');
}
