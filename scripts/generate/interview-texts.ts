// Synthetic first-person interview sentences, several per code. An excerpt is
// one or two of these sentences, so it stays within 60-220 characters.
// Freshly written paraphrases: no names of people, no handles, no addresses.
import type { Benefit, PracticeChange } from './interview-codes.ts';
import type { Participant, Role } from './participants.ts';
import type { Random } from './random.ts';
import { compileTemplateSet, fillTemplate, type SlotContext, type TextTemplate } from './text-templates.ts';

export const EXCERPT_BOUNDS = { min: 60, max: 220 } as const;
/** Two sentences and the space between them must fit in an excerpt. */
const SENTENCE_BOUNDS = { min: EXCERPT_BOUNDS.min, max: Math.floor((EXCERPT_BOUNDS.max - 1) / 2) };

const SLOTS = {
  // Chosen by the speaker's role (see speakerContext).
  aRole: ['a principal', 'an assistant principal', 'a district leader'],
  school: ['my school', 'our schools'],
  // Random fill-ins.
  helpTopic: ['scheduling', 'a discipline policy', 'teacher evaluation', 'a new reading program', 'staff morale'],
  when: ['at night', 'on a Saturday morning', 'in the car line', 'between meetings'],
  years: ['two', 'three', 'four', 'five'],
  ownChange: ['send a weekly video update to staff', 'do walkthroughs with a shared form', 'keep a leadership blog'],
  schoolChange: ['staff meetings', 'parent newsletter', 'homework guidelines', 'morning routines'],
  schoolChangeVerb: ['runs its own learning sessions', 'shares class news online', 'uses student-led conferences'],
} as const;

const ROLE_CONTEXT: Readonly<Record<Role, SlotContext>> = {
  Principal: { aRole: 'a principal', school: 'my school' },
  'Assistant principal': { aRole: 'an assistant principal', school: 'my school' },
  'District leader': { aRole: 'a district leader', school: 'our schools' },
};

export function speakerContext(participant: Participant): SlotContext {
  return ROLE_CONTEXT[participant.role];
}

const BENEFIT_TEMPLATES: Record<Benefit, readonly string[]> = {
  community: [
    'I feel like I belong to a group of educators who care about the same things I do.',
    'It is my tribe, really: people who understand what this job is like on a hard day.',
    'There is a real community there; after {years} years I count some of them as close friends.',
  ],
  less_isolation: [
    'Being {aRole} can be lonely, and online I am not the only one figuring things out.',
    'Nobody else in my building does my job, so that is where I find my peers.',
    'I used to feel on my own with problems; now I know others are facing the same things.',
  ],
  help_from_colleagues: [
    'When I asked about {helpTopic}, I had a dozen useful answers before lunch.',
    'If I am stuck on {helpTopic}, I put the question out and somebody always has a resource.',
    'People share templates and plans freely, so I rarely have to start from scratch.',
  ],
  access_to_leaders: [
    'I have traded messages with authors whose books I read in my leadership program.',
    'Where else would {aRole} like me get to talk with well-known speakers as an equal?',
  ],
  convenience: [
    'I read it in five-minute gaps, in the car line or before bed, so it fits my day.',
    'It is learning on my own schedule, {when}, not at a workshop three hours away.',
  ],
  inspiration: [
    'Some mornings I read a few posts and I am fired up before I even walk in the door.',
    'Seeing what other schools try keeps me hopeful about what is possible for {school}.',
    'It recharges me; I come back to the work with more energy than I had.',
  ],
  timeliness: [
    'I hear about new ideas and policy news weeks before they reach my inbox.',
    'By the time something shows up at a conference, I have already seen it discussed.',
  ],
};

const PRACTICE_TEMPLATES: Record<PracticeChange, readonly string[]> = {
  none: [
    'Honestly, I cannot point to a policy or practice in {school} that changed because of it.',
    'If you asked what we do differently because of Twitter, I would struggle to name one thing.',
    'Nothing concrete has changed from it yet, though I keep meaning to try things out.',
  ],
  inspiration_only: [
    'It mostly confirms what I am already doing; I would not say anything has changed.',
    'I come away inspired, but I could not name one practice we changed because of it.',
    'It keeps me motivated more than it changes what happens in {school}.',
  ],
  own_practice: [
    'I changed how I write my weekly staff memo after seeing how others do theirs.',
    'I now {ownChange}, an idea I picked up from other leaders online.',
  ],
  school_practice: [
    'We rebuilt our {schoolChange} around an idea another principal shared in a chat.',
    'Our staff now {schoolChangeVerb}; that started with a thread I read last year.',
  ],
};

export const BENEFIT_SENTENCES: Record<Benefit, readonly TextTemplate[]> = compileTemplateSet(BENEFIT_TEMPLATES, SLOTS, SENTENCE_BOUNDS);
export const PRACTICE_SENTENCES: Record<PracticeChange, readonly TextTemplate[]> = compileTemplateSet(
  PRACTICE_TEMPLATES,
  SLOTS,
  SENTENCE_BOUNDS,
);

/** Picks a template the speaker has not used yet, while there is one. */
function pickFresh(rng: Random, templates: readonly TextTemplate[], used: Set<TextTemplate>): TextTemplate {
  const fresh = templates.filter((template) => !used.has(template));
  const template = rng.pick(fresh.length > 0 ? fresh : templates);
  used.add(template);
  return template;
}

/**
 * One excerpt: a sentence per benefit code, then the practice-change sentence
 * if coded. `used` holds the speaker's earlier sentences, so that one person
 * does not repeat themselves while other wordings remain.
 */
export function excerptText(
  rng: Random,
  context: SlotContext,
  used: Set<TextTemplate>,
  benefits: readonly Benefit[],
  practiceChange: PracticeChange | undefined,
): string {
  const sentences = benefits.map((code) => fillTemplate(pickFresh(rng, BENEFIT_SENTENCES[code], used), rng, context));
  if (practiceChange) {
    sentences.push(fillTemplate(pickFresh(rng, PRACTICE_SENTENCES[practiceChange], used), rng, context));
  }
  if (sentences.length < 1 || sentences.length > 2) throw new Error(`an excerpt needs one or two codes, got ${sentences.length}`);
  return sentences.join(' ');
}
