// reliability/tweets.csv: a subset of tweets coded again, independently, by two
// coders, as a study reports agreement between coders. Each coder mostly gives the
// final code and sometimes another plausible one; a coder who reads a tweet as informal
// codes its function, not its topic, as the codebook asks. The rates are chosen so
// that alpha lands near .8 on the main dimensions, a realistic figure for such a codebook.
import { csvRow } from './csv.ts';
import { idFormatter } from './ids.ts';
import { createRandom, type Random } from './random.ts';
import { FORMS, functionChoice, topicChoice, type Form } from './tweet-codes.ts';
import { tweetCodes, type TweetCodes, type TweetsSpec } from './tweets.ts';

export const RELIABILITY_COLUMNS = ['tweet_id', 'coder', 'form', 'purpose', 'topic', 'function'] as const;

/** Tweets coded twice, at most; the coders' ids. */
export const DOUBLE_CODED = 150;
export const CODERS = ['coder_1', 'coder_2'] as const;

/** The chance that a coder gives the final code on each dimension, before any slip. */
const KEEPS = { form: 0.97, purpose: 0.96, topic: 0.93, function: 0.88 } as const;

/** The rows of reliability/tweets.csv and how many there are. */
export function reliabilityCsv(spec: TweetsSpec): { text: string; rows: number } {
  const rng = createRandom(spec.seed, 'reliability');
  const chosen = sample(rng, spec.count, Math.min(DOUBLE_CODED, spec.count));
  const tweetId = idFormatter('T', spec.count);
  const lines = [csvRow(RELIABILITY_COLUMNS)];
  for (const tweet of tweetCodes(spec)) {
    if (!chosen.has(tweet.index)) continue;
    for (const coder of CODERS) lines.push(csvRow([tweetId(tweet.index + 1), coder, ...codedBy(rng, tweet)]));
  }
  return { text: lines.join(''), rows: chosen.size * CODERS.length };
}

/** `k` distinct indices below `n`, by a partial Fisher-Yates shuffle. */
function sample(rng: Random, n: number, k: number): Set<number> {
  const indices = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng.uniform() * (n - i));
    [indices[i], indices[j]] = [indices[j] as number, indices[i] as number];
  }
  return new Set(indices.slice(0, k));
}

/** One coder's reading of a tweet: form, purpose, and the topic or function its purpose calls for. */
function codedBy(rng: Random, tweet: TweetCodes): [string, string, string, string] {
  const form = rng.chance(KEEPS.form) ? tweet.form : rng.pick(FORMS.filter((other: Form) => other !== tweet.form));
  const keepsPurpose = rng.chance(KEEPS.purpose);
  const purpose = keepsPurpose ? tweet.purpose : tweet.purpose === 'informal' ? 'knowledge_sharing' : 'informal';
  if (purpose === 'informal') {
    const tweetFunction = keepsPurpose && rng.chance(KEEPS.function) ? tweet.function : functionChoice.draw(rng);
    return [form, purpose, '', tweetFunction];
  }
  const topic = keepsPurpose && rng.chance(KEEPS.topic) ? tweet.topic : topicChoice.draw(rng);
  return [form, purpose, topic, ''];
}
