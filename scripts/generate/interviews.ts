// interviews.csv: six to ten excerpts per participant. Each excerpt is coded
// on benefit, on practice change, or both; each participant has one or two
// excerpts coded on practice change and covers their benefit set across the
// rest.
import { csvRow } from './csv.ts';
import { idFormatter } from './ids.ts';
import {
  drawBenefitSet,
  drawPracticeOutcomes,
  drawSecondPracticeCode,
  joinBenefits,
  type Benefit,
  type PracticeChange,
} from './interview-codes.ts';
import { excerptText, speakerContext } from './interview-texts.ts';
import type { Participant } from './participants.ts';
import { createRandom, type Random } from './random.ts';
import type { TextTemplate } from './text-templates.ts';

export const INTERVIEW_COLUMNS = ['excerpt_id', 'participant_id', 'benefit', 'practice_change', 'excerpt'] as const;

export const MIN_EXCERPTS_PER_PARTICIPANT = 6;
export const MAX_EXCERPTS_PER_PARTICIPANT = 10;
const SECOND_PRACTICE_EXCERPT_CHANCE = 0.35;
const SECOND_BENEFIT_CHANCE = 0.3;
const PRACTICE_WITH_BENEFIT_CHANCE = 0.25;

export interface ExcerptCodes {
  readonly benefits: readonly Benefit[];
  readonly practiceChange: PracticeChange | undefined;
}

/** The codes of one participant's excerpts, in interview order. */
export function planParticipantExcerpts(rng: Random, mainPracticeChange: PracticeChange): ExcerptCodes[] {
  const excerptCount = rng.int(MIN_EXCERPTS_PER_PARTICIPANT, MAX_EXCERPTS_PER_PARTICIPANT);
  const practiceCodes = [mainPracticeChange];
  if (rng.chance(SECOND_PRACTICE_EXCERPT_CHANCE)) practiceCodes.push(drawSecondPracticeCode(rng, mainPracticeChange));

  // Benefit excerpts: every benefit in the set at least once, then some
  // excerpts name a second benefit of the set.
  const benefitSet = rng.shuffle(drawBenefitSet(rng));
  const benefitExcerpts: Benefit[][] = Array.from({ length: excerptCount - practiceCodes.length }, () => []);
  benefitSet.forEach((code, i) => (benefitExcerpts[i % benefitExcerpts.length] as Benefit[]).push(code));
  for (const codes of benefitExcerpts) {
    if (codes.length === 0) codes.push(rng.pick(benefitSet));
    if (codes.length === 1 && rng.chance(SECOND_BENEFIT_CHANCE)) {
      const second = rng.pick(benefitSet.filter((code) => code !== codes[0]));
      codes.push(second);
    }
  }

  const excerpts: ExcerptCodes[] = [
    ...benefitExcerpts.map((codes) => ({ benefits: codes, practiceChange: undefined })),
    ...practiceCodes.map((practiceChange) => ({
      benefits: rng.chance(PRACTICE_WITH_BENEFIT_CHANCE) ? [rng.pick(benefitSet)] : [],
      practiceChange,
    })),
  ];
  return rng.shuffle(excerpts);
}

export interface InterviewsCsv {
  readonly text: string;
  readonly rows: number;
}

export function interviewsCsv(participants: readonly Participant[], seed: number): InterviewsCsv {
  const rng = createRandom(seed, 'interviews');
  const outcomes = drawPracticeOutcomes(rng, participants.length);
  const perParticipant = participants.map((participant, i) => ({
    participant,
    excerpts: planParticipantExcerpts(rng, outcomes[i] as PracticeChange),
  }));
  const rows = perParticipant.reduce((sum, { excerpts }) => sum + excerpts.length, 0);
  const excerptId = idFormatter('E', rows);

  const lines = [csvRow(INTERVIEW_COLUMNS)];
  let position = 0;
  for (const { participant, excerpts } of perParticipant) {
    const context = speakerContext(participant);
    const used = new Set<TextTemplate>();
    for (const { benefits, practiceChange } of excerpts) {
      const text = excerptText(rng, context, used, benefits, practiceChange);
      // Sentence order in the text follows the benefit codes' order as planned;
      // the column lists them in codebook order.
      lines.push(csvRow([excerptId(++position), participant.id, joinBenefits(benefits), practiceChange ?? '', text]));
    }
  }
  return { text: lines.join(''), rows };
}
