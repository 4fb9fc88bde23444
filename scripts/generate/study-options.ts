// The generator's options: how many tweets and participants, and the seed.
// The defaults reproduce the scale of the reconstructed study.

export interface StudyOptions {
  readonly tweets: number;
  readonly participants: number;
  readonly seed: number;
}

export const DEFAULT_STUDY_OPTIONS: StudyOptions = { tweets: 1460, participants: 17, seed: 2016 };

export function resolveStudyOptions(options: Partial<StudyOptions> = {}): StudyOptions {
  const resolved = { ...DEFAULT_STUDY_OPTIONS, ...options };
  const { tweets, participants, seed } = resolved;
  if (!Number.isSafeInteger(participants) || participants < 1) {
    throw new Error(`participants must be a positive integer, got ${participants}`);
  }
  if (!Number.isSafeInteger(tweets) || tweets < 1) throw new Error(`tweets must be a positive integer, got ${tweets}`);
  if (!Number.isSafeInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  return resolved;
}
