/**
 * The record with this id. Every id a definition, chapter or page uses was checked against
 * the study when it was loaded, so a miss here is a bug in qualpress, not a problem in the
 * data: it says so, rather than failing later on `undefined`.
 */
export function byId<T extends { readonly id: string }>(items: readonly T[], id: string, what: string): T {
  const found = items.find((item) => item.id === id);
  if (!found) throw new Error(`internal: no ${what} "${id}"`);
  return found;
}
