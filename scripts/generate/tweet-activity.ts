// When tweets are posted and by whom, without building one object per tweet:
// two typed arrays hold each tweet's time (seconds from the period's first
// midnight, sorted) and its author (index into the participant list).
//
// - Authors: a heavy-tailed number of tweets per person. Weights are drawn
//   from a log-normal, so one or two people post hundreds of tweets in the
//   fortnight and a few post under twenty; everyone posts at least one
//   (when there are at least as many tweets as people).
// - Days: weekends are about 40% as busy as weekdays, with some day-to-day
//   jitter; each day's count is exact so the total is exact.
// - Hours: mostly 06:00-22:00, with an early-morning and an evening peak.
import { allocate } from './allocate.ts';
import type { Random } from './random.ts';
import { SECONDS_PER_DAY, type StudyDay } from './study-period.ts';
import { weightedChoice } from './weighted-choice.ts';

export const ACTIVITY_LOG_SIGMA = 1.25;
export const WEEKEND_RELATIVE_ACTIVITY = 0.4;
const DAY_JITTER_SIGMA = 0.12;

// Relative tweeting activity in each hour of the day, 00 to 23.
const HOURLY_ACTIVITY = [0.2, 0.1, 0.05, 0.05, 0.1, 0.5, 2.5, 3.5, 2.5, 2, 2, 2, 2.5, 2, 2, 2.5, 3, 3, 3, 4, 4.5, 4, 1, 0.5];
const hourChoice = weightedChoice(HOURLY_ACTIVITY.map((weight, hour) => [hour, weight] as const));

export interface TweetActivity {
  /** Posting time of each tweet in seconds from the first day's midnight, ascending. */
  readonly seconds: Int32Array;
  /** Index of each tweet's author in the participant list, aligned with `seconds`. */
  readonly authors: Int32Array;
  /** Number of tweets by each participant. */
  readonly perParticipant: Int32Array;
}

export function tweetsPerParticipant(rng: Random, total: number, participantCount: number): Int32Array {
  const weights = Float64Array.from({ length: participantCount }, () => rng.logNormal(0, ACTIVITY_LOG_SIGMA));
  return allocate(total, weights, 1);
}

export function tweetsPerDay(rng: Random, total: number, days: readonly StudyDay[]): Int32Array {
  const weights = days.map((day) => (day.weekend ? WEEKEND_RELATIVE_ACTIVITY : 1) * Math.exp(rng.normal(0, DAY_JITTER_SIGMA)));
  return allocate(total, weights);
}

export function planTweetActivity(rng: Random, total: number, participantCount: number, days: readonly StudyDay[]): TweetActivity {
  const perParticipant = tweetsPerParticipant(rng, total, participantCount);
  const perDay = tweetsPerDay(rng, total, days);

  const seconds = new Int32Array(total);
  let at = 0;
  perDay.forEach((count, day) => {
    for (let k = 0; k < count; k++) {
      const hour = hourChoice.drawIndex(rng);
      seconds[at++] = day * SECONDS_PER_DAY + hour * 3600 + Math.floor(rng.uniform() * 3600);
    }
  });
  seconds.sort();

  const authors = new Int32Array(total);
  at = 0;
  perParticipant.forEach((count, participant) => {
    authors.fill(participant, at, at + count);
    at += count;
  });
  rng.shuffle(authors);

  return { seconds, authors, perParticipant };
}
