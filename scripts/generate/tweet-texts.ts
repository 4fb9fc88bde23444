// Synthetic tweet texts, several templates per code with random fill-ins.
// Freshly written paraphrases: no handles, no names of people, no addresses;
// "[link]" stands where a tweet would carry a link.
import type { Form, Topic, TweetFunction } from './tweet-codes.ts';
import type { Random } from './random.ts';
import { compileTemplateSet, fillTemplate, type TextTemplate } from './text-templates.ts';

export const TWEET_TEXT_BOUNDS = { min: 40, max: 140 } as const;

const RETWEET_PREFIX = 'RT: ';
/** Openers for replies that share knowledge; informal replies need none. */
const REPLY_OPENERS = ['Agreed. ', 'So true. ', 'Good point. ', 'Same here. ', 'Yes! ', 'Exactly. '] as const;
const LONGEST_PREFIX = Math.max(RETWEET_PREFIX.length, ...REPLY_OPENERS.map((opener) => opener.length));

const SLOTS = {
  link: ['[link]'],
  n: ['3', '4', '5', '6', '7', '10'],
  device: ['tablets', 'Chromebooks', 'laptops', 'one-to-one devices', 'BYOD', 'iPads'],
  tool: ['Google Forms', 'a shared calendar', 'video feedback', 'a school blog', 'QR codes', 'digital portfolios', 'Twitter'],
  techUse: ['exit tickets', 'staff feedback', 'parent updates', 'walkthrough notes', 'sharing lesson ideas'],
  audience: ['new teachers', 'parents', 'students', 'your leadership team', 'staff meetings'],
  techTag: ['#edtech', '#edchat', '#cpchat', '#1to1', '#digcit', '#satchat'],
  instrTopic: [
    'project-based learning',
    'student talk',
    'formative assessment',
    'guided reading',
    'flipped lessons',
    'inquiry',
    'writing workshop',
  ],
  subject: ['math', 'science', 'literacy', 'social studies', 'the arts'],
  grade: ['third grade', 'sixth grade', 'ninth grade', 'kindergarten', 'Grade 8'],
  leaderHabit: ['are in classrooms every day', 'listen before they speak', 'grow other leaders', 'admit mistakes out loud'],
  leaderGoal: ['build trust fast', 'grow their teams', 'protect teaching time', 'stay curious'],
  cultureAct: ['positive phone calls home', 'Friday staff shout-outs', 'greeting kids at the door', 'student-led assemblies'],
  level: ['elementary', 'middle', 'high'],
  cultureTag: ['#schoolculture', '#cpchat', '#satchat', '#leadupchat'],
  chat: ['#cpchat', '#satchat', '#edchat', '#ptchat', '#edadmin'],
  chatTime: ['8pm ET', '9pm ET', '7:30am ET', '8pm CT'],
  plTopic: ['instructional coaching', 'peer observation', 'PLCs', 'feedback that helps', 'goal setting'],
  plTag: ['#edcamp', '#cpchat', '#PLN', '#satchat'],
  policyItem: ['evaluation framework', 'testing window', 'graduation requirements', 'funding formula', 'new standards'],
  region: ['The state', 'The province', 'Our district', 'The ministry'],
  famEvent: ['curriculum night', 'parent conferences', 'the spring concert', 'family math night', 'the open house'],
  dayPart: ['morning', 'day', 'afternoon', 'week'],
  funny: ['fire drill', 'cafeteria', 'bus duty', 'lost-and-found', 'staff lounge'],
  feeling: ['a little gray', 'running on coffee', 'counting pennies', 'up late'],
  thanks: ['Thanks for sharing', 'Thanks for the share', 'Appreciate you passing this on', 'Thanks for posting this'],
} as const;

const TOPIC_TEMPLATES: Record<Topic, readonly string[]> = {
  technology: [
    'A practical guide to planning a {device} rollout before fall {link} {techTag}',
    'Our staff tried {tool} for {techUse} this week. Simple and free {link}',
    '{n} tips for using {tool} with {audience} {link} {techTag}',
    'How one school made {device} part of every classroom, not an add-on {link}',
    'Digital citizenship starts in kindergarten, not after the first problem {link} #digcit',
    'Is your social media policy ready for next year? Worth a read {link} {techTag}',
    'Leaders who blog model learning in public. Start small, start now {link}',
    'Tech is a tool, not the goal: pedagogy first, then {device} {techTag}',
    'Ran our whole staff meeting paperless with {tool}. Nobody missed the handouts.',
  ],
  instruction: [
    "Formative assessment is feedback that changes tomorrow's lesson {link} #edchat",
    'A thoughtful read on {instrTopic} in {subject} {link}',
    'Visited a {grade} class using {instrTopic} today. Students led the talk.',
    '{n} questions for a post-observation chat about {instrTopic} {link}',
    'Standards-based grading, year one: what we would do differently {link}',
    "Less lecture, more inquiry: one {subject} teacher's story {link}",
  ],
  leadership: [
    'The best principals {leaderHabit} {link} #cpchat',
    'Leadership is less about answers and more about good questions {link}',
    '{n} habits of leaders who {leaderGoal} {link}',
    "A leader's calendar shows what they value. What does yours say? {link}",
    'On leading from the middle as an assistant principal {link} #leadupchat',
  ],
  school_culture: [
    'Culture is built in hallways and lunch lines, and it starts at the front door {link}',
    'We started {cultureAct} this month. The building feels different.',
    '{n} low-cost ways to lift staff morale in the spring stretch {link}',
    "Restorative circles instead of suspensions: one {level} school's results {link}",
    'Celebrate the small wins. {cultureAct} is now a weekly habit here {cultureTag}',
  ],
  professional_learning: [
    "Join tonight's {chat} chat at {chatTime}. Topic: {plTopic}",
    'Edcamp this weekend: free, teacher-led, and the best PD of the year {link}',
    'Our teachers ran their own PD today on {plTopic}. So proud of them.',
    'A learning network beats a one-off workshop every time {link} {plTag}',
    "Slides from this morning's session on {plTopic} {link} {plTag}",
  ],
  policy: [
    'What the new {policyItem} means for principals {link}',
    'Testing season starts next week. Scores are one data point, not the story {link}',
    'A careful piece on teacher evaluation and trust {link} #edpolicy',
    '{region} released draft guidance on the {policyItem}. Comments due soon {link}',
  ],
  family_community: [
    '{n} ways to get more families to {famEvent} {link} #ptchat',
    'Our {famEvent} drew a record crowd tonight. Thank you, families!',
    'Parents want to hear from us more often, not more formally {link} #ptchat',
    'Sharing class news online has changed how families see our school {link}',
  ],
};

const FUNCTION_TEMPLATES: Record<TweetFunction, readonly string[]> = {
  norms: [
    '{thanks}! Passing this on to my staff.',
    'Welcome to {chat}! Ask anything; someone always answers.',
    '#FF to the admins who make me smarter every single week {chat}',
    'So many new faces in {chat} tonight. Keep sharing, everyone!',
    "If you learn something here, share something back. That's how this works.",
    'Thanks for the follow! Looking forward to learning with you.',
    'Please add the hashtag so everyone can find the thread {chat}',
    '{thanks}, this is exactly why I stay connected.',
  ],
  relationships: [
    'Congrats on the new job! They are lucky to have you.',
    'Ha! That {funny} story made my {dayPart}. Needed that laugh.',
    'Good morning, friends. Coffee in hand and ready for the day.',
    'Finally met some of my online friends in person at the conference. Great people!',
    'Hope you feel better soon. Thinking of you and your family.',
    'Enjoy the break, everyone. You have more than earned it!',
    'Same here! Budget season has us all {feeling}.',
    'Happy birthday! Hope the staff brought cake to celebrate.',
  ],
  hard_conversations: [
    'Tough conversation with a parent today. Listening first made all the difference.',
    'Hard talks with staff never get easier, but they get clearer with practice.',
  ],
  shared_vision: [
    'Asked staff what we want our kids to remember in 20 years. Powerful meeting.',
    "If everyone can't say why we do it, we don't have a shared vision yet.",
  ],
  data_use: [
    'Looking at attendance data with my team. The story is in the patterns.',
    'Data should start a conversation, not end one. Good reminder today.',
  ],
  managing_time: [
    'Inbox zero lasted until 7:42am. How do you all keep up with email?',
    'Blocking classroom visits on my calendar before anything else fills it.',
    'Trying to leave by five two days a week. Wish me luck, friends.',
  ],
};

const innerBounds = { min: TWEET_TEXT_BOUNDS.min, max: TWEET_TEXT_BOUNDS.max - LONGEST_PREFIX };

export const TOPIC_TEXTS: Record<Topic, readonly TextTemplate[]> = compileTemplateSet(TOPIC_TEMPLATES, SLOTS, innerBounds);
export const FUNCTION_TEXTS: Record<TweetFunction, readonly TextTemplate[]> = compileTemplateSet(FUNCTION_TEMPLATES, SLOTS, innerBounds);

/** A tweet's text for its form and its one topic or function code. */
export function tweetText(rng: Random, form: Form, code: Topic | TweetFunction, informal: boolean): string {
  const templates = informal ? FUNCTION_TEXTS[code as TweetFunction] : TOPIC_TEXTS[code as Topic];
  const body = fillTemplate(rng.pick(templates), rng);
  if (form === 'retweet') return RETWEET_PREFIX + body;
  if (form === 'reply' && !informal) return rng.pick(REPLY_OPENERS) + body;
  return body;
}
