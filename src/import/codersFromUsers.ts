import type { RefiUser } from '../sources/refi/project.ts';
import { uniqueSlugs } from './slug.ts';
import type { ImportedUnit } from './unitsFromSelections.ts';

export interface ImportedCoder {
  /** The id in reliability/segments.csv: the slug of the user's name, else `coder-<n>`. */
  readonly id: string;
  /** The user's name as the project wrote it; undefined when the project names no one. */
  readonly name: string | undefined;
  /** The user's GUID, as the units' codings name it. */
  readonly key: string;
}

/**
 * Everyone who coded, in order of their first coding in the units. A coder's id is the
 * slug of their `User` name, made unique; a user without a name, or a GUID the project's
 * user list lacks, gets `coder-<n>`, n being their place in this order. Codings that name
 * no user have no coder: agreement needs to know who coded.
 */
export function codersFromUsers(users: readonly RefiUser[], units: readonly ImportedUnit[]): ImportedCoder[] {
  const nameOf = new Map(users.map((user) => [user.guid, user.name]));
  const keys = new Set<string>();
  for (const unit of units) for (const coding of unit.codings) if (coding.coder !== '') keys.add(coding.coder);
  const coderId = uniqueSlugs('coder');
  return [...keys].map((key, index) => {
    const name = nameOf.get(key);
    const named = name !== undefined && name.trim() !== '';
    return { id: coderId(named ? name : `coder-${index + 1}`), name: named ? name : undefined, key };
  });
}
