// tweets.csv, produced in chunks of rows so that a million tweets never need
// a million objects or one giant string.
import { csvField, csvRow } from './csv.ts';
import { idFormatter } from './ids.ts';
import { createRandom } from './random.ts';
import { studyDays, timestampFormatter } from './study-period.ts';
import { planTweetActivity } from './tweet-activity.ts';
import { INFORMAL_SHARE, formChoice, functionChoice, topicChoice } from './tweet-codes.ts';
import { tweetText } from './tweet-texts.ts';

export const TWEET_COLUMNS = ['tweet_id', 'participant_id', 'posted_at', 'form', 'purpose', 'topic', 'function', 'text'] as const;

const ROWS_PER_CHUNK = 5000;

export interface TweetsSpec {
  readonly count: number;
  readonly participantIds: readonly string[];
  readonly seed: number;
}

/** One tweet's final codes, as tweets.csv holds them ('' where a dimension does not apply). */
export interface TweetCodes {
  readonly index: number;
  readonly form: string;
  readonly purpose: string;
  readonly topic: string;
  readonly function: string;
}

/** Every tweet in posting order, with its codes and the rest of its row. */
function* tweetRecords({ count, participantIds, seed }: TweetsSpec): Generator<TweetCodes & { readonly row: string }> {
  const days = studyDays();
  const activity = planTweetActivity(createRandom(seed, 'tweet-activity'), count, participantIds.length, days);
  const rng = createRandom(seed, 'tweet-content');
  const tweetId = idFormatter('T', count);
  const timestamp = timestampFormatter(days);
  for (let i = 0; i < count; i++) {
    const form = formChoice.draw(rng);
    const informal = rng.chance(INFORMAL_SHARE[form]);
    const code = informal ? functionChoice.draw(rng) : topicChoice.draw(rng);
    const text = tweetText(rng, form, code, informal);
    const purpose = informal ? 'informal' : 'knowledge_sharing';
    const topic = informal ? '' : code;
    const tweetFunction = informal ? code : '';
    const author = participantIds[activity.authors[i] as number];
    const postedAt = timestamp(activity.seconds[i] as number);
    // Only the text can need quoting; ids, times and codes never do.
    const row = `${tweetId(i + 1)},${author},${postedAt},${form},${purpose},${topic},${tweetFunction},${csvField(text)}\n`;
    yield { index: i, form, purpose, topic, function: tweetFunction, row };
  }
}

/** Every tweet's codes in posting order, without building its CSV text's pieces into chunks. */
export function* tweetCodes(spec: TweetsSpec): Generator<TweetCodes> {
  for (const { row: _row, ...codes } of tweetRecords(spec)) yield codes;
}

/** The CSV text of tweets.csv: the header, then rows sorted by posting time. */
export function* tweetsCsvChunks(spec: TweetsSpec): Generator<string> {
  yield csvRow(TWEET_COLUMNS);
  let chunk: string[] = [];
  for (const { index, row } of tweetRecords(spec)) {
    chunk.push(row);
    if ((index + 1) % ROWS_PER_CHUNK === 0) {
      yield chunk.join('');
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk.join('');
}
