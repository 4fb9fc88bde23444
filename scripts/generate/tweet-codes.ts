// How tweets are coded: the mix of forms, purposes, topics and informal
// functions. The shares follow the published findings: knowledge-sharing
// tweets centre on technology, and informal tweets centre on the norms and
// relationships of the online community rather than other leadership craft.
// Code ids and their order are those of scripts/default-study/codebook.yaml.
import { weightedChoice } from './weighted-choice.ts';

export const FORMS = ['original', 'retweet', 'reply'] as const;
export type Form = (typeof FORMS)[number];

export const PURPOSES = ['knowledge_sharing', 'informal'] as const;
export type Purpose = (typeof PURPOSES)[number];

export const TOPICS = [
  'technology',
  'instruction',
  'leadership',
  'school_culture',
  'professional_learning',
  'policy',
  'family_community',
] as const;
export type Topic = (typeof TOPICS)[number];

/** Leaf codes of the function dimension; the first two sit under online_community. */
export const FUNCTIONS = ['norms', 'relationships', 'hard_conversations', 'shared_vision', 'data_use', 'managing_time'] as const;
export type TweetFunction = (typeof FUNCTIONS)[number];

export const formChoice = weightedChoice<Form>([
  ['original', 0.6],
  ['retweet', 0.25],
  ['reply', 0.15],
]);

/** Share of informal tweets within each form: replies lean informal. */
export const INFORMAL_SHARE: Readonly<Record<Form, number>> = {
  original: 0.33,
  retweet: 0.25,
  reply: 0.75,
};

export const topicChoice = weightedChoice<Topic>([
  ['technology', 0.4],
  ['instruction', 0.15],
  ['leadership', 0.13],
  ['school_culture', 0.09],
  ['professional_learning', 0.12],
  ['policy', 0.06],
  ['family_community', 0.05],
]);

export const functionChoice = weightedChoice<TweetFunction>([
  ['norms', 0.4],
  ['relationships', 0.43],
  ['hard_conversations', 0.04],
  ['shared_vision', 0.05],
  ['data_use', 0.03],
  ['managing_time', 0.05],
]);
