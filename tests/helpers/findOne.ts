/**
 * The first item that matches, for a test that needs it to exist: when none matches, the
 * test fails here with what it was looking for, not later on `undefined`.
 */
export function findOne<T>(items: readonly T[], predicate: (item: T) => boolean, what: string): T {
  const found = items.find(predicate);
  if (found === undefined) throw new Error(`expected ${what}; found none`);
  return found;
}
