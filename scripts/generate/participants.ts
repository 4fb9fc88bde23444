// The administrators: role, country and school level. Roles and countries are
// allocated exactly in the study's proportions (9 principals, 4 assistant
// principals and 4 district leaders; 13 in the United States and 4 in Canada
// among 17) and then shuffled over the participant ids.
import { allocate } from './allocate.ts';
import { csvRow } from './csv.ts';
import { idFormatter } from './ids.ts';
import { createRandom, type Random } from './random.ts';
import { weightedChoice, type WeightedChoice } from './weighted-choice.ts';

export const ROLES = ['Principal', 'Assistant principal', 'District leader'] as const;
export type Role = (typeof ROLES)[number];
export const COUNTRIES = ['United States', 'Canada'] as const;
export type Country = (typeof COUNTRIES)[number];
export type SchoolLevel = 'Elementary' | 'Middle' | 'High' | 'District';

export interface Participant {
  readonly id: string;
  readonly role: Role;
  readonly country: Country;
  readonly schoolLevel: SchoolLevel;
}

const ROLE_SHARES = [9, 4, 4];
const COUNTRY_SHARES = [13, 4];

type SchoolLevelChoice = WeightedChoice<SchoolLevel>;
const LEVEL_BY_ROLE: Readonly<Record<Role, SchoolLevelChoice>> = {
  Principal: weightedChoice<SchoolLevel>([
    ['Elementary', 0.45],
    ['Middle', 0.25],
    ['High', 0.3],
  ]),
  // Assistant principals are more common in larger, older-grade schools.
  'Assistant principal': weightedChoice<SchoolLevel>([
    ['Elementary', 0.15],
    ['Middle', 0.35],
    ['High', 0.5],
  ]),
  'District leader': weightedChoice<SchoolLevel>([['District', 1]]),
};

function shuffledAllocation<T>(rng: Random, values: readonly T[], shares: readonly number[], count: number): T[] {
  const counts = allocate(count, shares);
  const list: T[] = [];
  values.forEach((value, i) => {
    for (let k = 0; k < (counts[i] as number); k++) list.push(value);
  });
  return rng.shuffle(list);
}

export function generateParticipants(count: number, seed: number): Participant[] {
  const rng = createRandom(seed, 'participants');
  const roles = shuffledAllocation(rng, ROLES, ROLE_SHARES, count);
  const countries = shuffledAllocation(rng, COUNTRIES, COUNTRY_SHARES, count);
  const id = idFormatter('P', count);
  return roles.map((role, i) => ({
    id: id(i + 1),
    role,
    country: countries[i] as Country,
    schoolLevel: LEVEL_BY_ROLE[role].draw(rng),
  }));
}

export const PARTICIPANT_COLUMNS = ['participant_id', 'role', 'country', 'school_level'] as const;

export function participantsCsv(participants: readonly Participant[]): string {
  return csvRow(PARTICIPANT_COLUMNS) + participants.map((p) => csvRow([p.id, p.role, p.country, p.schoolLevel])).join('');
}
