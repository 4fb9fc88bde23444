// How interview excerpts are coded. Administrators value Twitter highly and
// each names several benefits, community, help and inspiration most often;
// yet few can point to a change in school practice or policy that came from
// it (at most 15% of participants), a few to a change in their own practice,
// and the rest to none or to inspiration only.
// Code ids and their order are those of scripts/default-study/codebook.yaml.
import type { Random } from './random.ts';

export const BENEFITS = [
  'community',
  'less_isolation',
  'help_from_colleagues',
  'access_to_leaders',
  'convenience',
  'inspiration',
  'timeliness',
] as const;
export type Benefit = (typeof BENEFITS)[number];

export const PRACTICE_CHANGES = ['none', 'inspiration_only', 'own_practice', 'school_practice'] as const;
export type PracticeChange = (typeof PRACTICE_CHANGES)[number];

const BENEFIT_WEIGHTS: Readonly<Record<Benefit, number>> = {
  community: 3,
  less_isolation: 1.5,
  help_from_colleagues: 3,
  access_to_leaders: 1.5,
  convenience: 1.5,
  inspiration: 3,
  timeliness: 1.2,
};

export const MIN_BENEFITS_PER_PARTICIPANT = 3;
export const MAX_BENEFITS_PER_PARTICIPANT = 5;

/** The benefits one participant names across their interview, in codebook order. */
export function drawBenefitSet(rng: Random): Benefit[] {
  const size = rng.int(MIN_BENEFITS_PER_PARTICIPANT, MAX_BENEFITS_PER_PARTICIPANT);
  const pool = [...BENEFITS];
  const chosen = new Set<Benefit>();
  while (chosen.size < size) {
    const total = pool.reduce((sum, code) => sum + BENEFIT_WEIGHTS[code], 0);
    let target = rng.uniform() * total;
    let index = 0;
    while (index < pool.length - 1 && target >= BENEFIT_WEIGHTS[pool[index] as Benefit]) {
      target -= BENEFIT_WEIGHTS[pool[index] as Benefit];
      index++;
    }
    chosen.add(pool[index] as Benefit);
    pool.splice(index, 1);
  }
  return BENEFITS.filter((code) => chosen.has(code));
}

export const SCHOOL_PRACTICE_SHARE = 0.15;
export const OWN_PRACTICE_SHARE = 0.18;

/**
 * Each participant's main answer on practice change. Exactly
 * floor(15%) name a school change and floor(18%) a change in their own
 * practice (2 and 3 of 17); the others name none or inspiration only.
 */
export function drawPracticeOutcomes(rng: Random, participantCount: number): PracticeChange[] {
  const school = Math.floor(participantCount * SCHOOL_PRACTICE_SHARE);
  const own = Math.floor(participantCount * OWN_PRACTICE_SHARE);
  const outcomes: PracticeChange[] = [];
  for (let i = 0; i < participantCount; i++) {
    if (i < school) outcomes.push('school_practice');
    else if (i < school + own) outcomes.push('own_practice');
    else outcomes.push(rng.chance(0.5) ? 'none' : 'inspiration_only');
  }
  return rng.shuffle(outcomes);
}

/** A second practice-change excerpt repeats the main answer or softens it by one step. */
export function drawSecondPracticeCode(rng: Random, main: PracticeChange): PracticeChange {
  if (rng.chance(0.5)) return main;
  const index = PRACTICE_CHANGES.indexOf(main);
  return PRACTICE_CHANGES[Math.max(0, index - 1)] as PracticeChange;
}

/** Codebook order, joined with ";" and no spaces. */
export function joinBenefits(codes: readonly Benefit[]): string {
  return BENEFITS.filter((code) => codes.includes(code)).join(';');
}
