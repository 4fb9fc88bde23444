import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { generateStudy, readDefaultSources, writeStudy } from '../scripts/generate-study.ts';

type Row = Record<string, string>;

const FILES = ['study.yaml', 'codebook.yaml', 'participants.csv', 'tweets.csv', 'interviews.csv', 'reliability/tweets.csv'];
const NO_CONTACT = /@\w|https?:|www\.|\S+@\S+\.\w/;

function file(files: Map<string, string>, name: string): string {
  const text = files.get(name);
  if (text === undefined) throw new Error(`missing ${name}`);
  return text;
}

function rows(files: Map<string, string>, name: string): Row[] {
  return parse<Row>(file(files, name), { columns: true });
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

interface Codebook {
  dimensions: { id: string; codes: { id: string; parent?: string }[] }[];
}

const sources = readDefaultSources();
const codebook = parseYaml(sources.codebook) as Codebook;
function codeIds(dimension: string, leavesOnly = false): string[] {
  const codes = codebook.dimensions.find((d) => d.id === dimension)?.codes ?? [];
  const parents = new Set(codes.map((code) => code.parent).filter(Boolean));
  return codes.filter((code) => !leavesOnly || !parents.has(code.id)).map((code) => code.id);
}

const study = generateStudy();
const participants = rows(study, 'participants.csv');
const tweets = rows(study, 'tweets.csv');
const interviews = rows(study, 'interviews.csv');

describe('determinism', () => {
  it('gives identical bytes for every file with the same seed', () => {
    const again = generateStudy({ seed: 2016 });
    expect([...study.keys()].sort()).toEqual([...FILES].sort());
    for (const name of FILES) expect(file(again, name), name).toBe(file(study, name));
  });

  it('gives different tweets with a different seed', () => {
    const other = generateStudy({ seed: 2017 });
    expect(file(other, 'tweets.csv')).not.toBe(file(study, 'tweets.csv'));
  });
});

describe('file format', () => {
  it('writes UTF-8 CSV with LF line ends, a header row and a final newline', () => {
    const headers: Record<string, string> = {
      'participants.csv': 'participant_id,role,country,school_level',
      'tweets.csv': 'tweet_id,participant_id,posted_at,form,purpose,topic,function,text',
      'interviews.csv': 'excerpt_id,participant_id,benefit,practice_change,excerpt',
    };
    for (const [name, header] of Object.entries(headers)) {
      const text = file(study, name);
      expect(text.startsWith(`${header}\n`), name).toBe(true);
      expect(text.endsWith('\n') && !text.endsWith('\n\n'), name).toBe(true);
      expect(text.includes('\r'), name).toBe(false);
    }
  });

  it('quotes a field only when it must', () => {
    for (const line of file(study, 'tweets.csv').trimEnd().split('\n').slice(1)) {
      const text = line.split(',').slice(7).join(',');
      const quoted = text.startsWith('"');
      const inner = quoted ? text.slice(1, -1).replaceAll('""', '"') : text;
      expect(quoted, line).toBe(/[",]/.test(inner));
    }
  });

  it('copies the codebook verbatim and templates only the scale in study.yaml', () => {
    expect(file(study, 'codebook.yaml')).toBe(sources.codebook);
    const rendered = file(study, 'study.yaml');
    expect(rendered).toBe(sources.studyTemplate.replace('{{participants}}', '17'));
    const metadata = parseYaml(rendered) as { subtitle: string; period: { start: unknown; end: unknown } };
    expect(metadata.subtitle).toBe('An illustrative reconstruction with 17 school administrators');
    expect(String(metadata.period.start)).toContain('2014-04-07');
    expect(String(metadata.period.end)).toContain('2014-04-20');
    const scaled = generateStudy({ participants: 5000, tweets: 5000 });
    expect(file(scaled, 'study.yaml')).toContain('with 5,000 school administrators');
  });
});

describe('participants', () => {
  it('has 17 administrators in the study proportions', () => {
    expect(participants.map((p) => p.participant_id)).toEqual(Array.from({ length: 17 }, (_, i) => `P${String(i + 1).padStart(2, '0')}`));
    expect(Object.fromEntries(countBy(participants, (p) => p.role ?? ''))).toEqual({
      Principal: 9,
      'Assistant principal': 4,
      'District leader': 4,
    });
    expect(Object.fromEntries(countBy(participants, (p) => p.country ?? ''))).toEqual({
      'United States': 13,
      Canada: 4,
    });
    for (const p of participants) {
      expect(['Elementary', 'Middle', 'High', 'District']).toContain(p.school_level);
      expect(p.school_level === 'District').toBe(p.role === 'District leader');
    }
  });
});

describe('tweets', () => {
  const ids = new Set(participants.map((p) => p.participant_id));
  const knowledge = tweets.filter((t) => t.purpose === 'knowledge_sharing');
  const informal = tweets.filter((t) => t.purpose === 'informal');

  it('has exactly 1,460 tweets with unique ids in time order, by known participants', () => {
    expect(tweets).toHaveLength(1460);
    expect(tweets[0]?.tweet_id).toBe('T0001');
    expect(tweets.at(-1)?.tweet_id).toBe('T1460');
    expect(new Set(tweets.map((t) => t.tweet_id)).size).toBe(1460);
    for (const t of tweets) expect(ids.has(t.participant_id ?? '')).toBe(true);
    const times = tweets.map((t) => t.posted_at ?? '');
    expect([...times].sort()).toEqual(times);
    // Everyone tweets; a heavy tail: one very active person, a few quiet ones.
    const perPerson = [...countBy(tweets, (t) => t.participant_id ?? '').values()].sort((a, b) => a - b);
    expect(perPerson).toHaveLength(17);
    expect(perPerson.at(-1)).toBeGreaterThanOrEqual(200);
    expect(perPerson.filter((n) => n < 20).length).toBeGreaterThanOrEqual(2);
  });

  it('posts every tweet within the fortnight, mostly in the day, quieter at weekends', () => {
    for (const t of tweets) {
      expect(t.posted_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
      const date = (t.posted_at ?? '').slice(0, 10);
      expect(date >= '2014-04-07' && date <= '2014-04-20', t.posted_at).toBe(true);
    }
    const daytime = tweets.filter((t) => {
      const hour = Number((t.posted_at ?? '').slice(11, 13));
      return hour >= 6 && hour < 22;
    });
    expect(daytime.length / tweets.length).toBeGreaterThan(0.85);

    const perDay = countBy(tweets, (t) => (t.posted_at ?? '').slice(0, 10));
    const weekend = new Set(['2014-04-12', '2014-04-13', '2014-04-19', '2014-04-20']);
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    const days = [...perDay.entries()];
    expect(days).toHaveLength(14);
    const weekendMean = mean(days.filter(([d]) => weekend.has(d)).map(([, n]) => n));
    const weekdayMean = mean(days.filter(([d]) => !weekend.has(d)).map(([, n]) => n));
    expect(weekendMean).toBeLessThan(weekdayMean);
    expect(weekendMean / weekdayMean).toBeLessThan(0.6);
  });

  it('codes each tweet on exactly one of topic and function, matching its purpose', () => {
    const topics = codeIds('topic');
    const functions = codeIds('function', true);
    for (const t of tweets) {
      expect(codeIds('form')).toContain(t.form);
      expect(codeIds('purpose')).toContain(t.purpose);
      if (t.purpose === 'knowledge_sharing') {
        expect(topics).toContain(t.topic);
        expect(t.function).toBe('');
      } else {
        expect(t.topic).toBe('');
        expect(functions).toContain(t.function);
      }
    }
    expect(knowledge.length / tweets.length).toBeGreaterThan(0.55);
    expect(knowledge.length / tweets.length).toBeLessThan(0.7);
    const replies = tweets.filter((t) => t.form === 'reply');
    expect(replies.filter((t) => t.purpose === 'informal').length / replies.length).toBeGreaterThan(0.5);
  });

  it('centres knowledge sharing on technology', () => {
    const byTopic = [...countBy(knowledge, (t) => t.topic ?? '').entries()].sort((a, b) => b[1] - a[1]);
    const [first, second] = byTopic;
    expect(first?.[0]).toBe('technology');
    expect(first?.[1] ?? 0).toBeGreaterThanOrEqual(1.5 * (second?.[1] ?? Infinity));
  });

  it('centres informal tweets on the norms and relationships of the community', () => {
    const community = informal.filter((t) => t.function === 'norms' || t.function === 'relationships');
    expect(community.length / informal.length).toBeGreaterThanOrEqual(2 / 3);
    for (const craft of ['hard_conversations', 'shared_vision', 'data_use', 'managing_time']) {
      expect(informal.filter((t) => t.function === craft).length / informal.length).toBeLessThan(0.1);
    }
  });

  it('writes short texts without handles, addresses or links', () => {
    for (const t of tweets) {
      const text = t.text ?? '';
      expect(text, text).not.toMatch(NO_CONTACT);
      expect(text.length, text).toBeGreaterThanOrEqual(40);
      expect(text.length, text).toBeLessThanOrEqual(140);
    }
    expect(new Set(tweets.map((t) => t.text)).size).toBeGreaterThan(300);
    for (const t of tweets.filter((row) => row.form === 'retweet')) expect(t.text?.startsWith('RT: ')).toBe(true);
  });
});

describe('interviews', () => {
  const byParticipant = new Map<string, Row[]>();
  for (const row of interviews) {
    const list = byParticipant.get(row.participant_id ?? '') ?? [];
    list.push(row);
    byParticipant.set(row.participant_id ?? '', list);
  }

  it('has six to ten excerpts per participant with unique ids', () => {
    expect([...byParticipant.keys()].sort()).toEqual(participants.map((p) => p.participant_id));
    for (const excerpts of byParticipant.values()) {
      expect(excerpts.length).toBeGreaterThanOrEqual(6);
      expect(excerpts.length).toBeLessThanOrEqual(10);
    }
    expect(new Set(interviews.map((row) => row.excerpt_id)).size).toBe(interviews.length);
    expect(interviews[0]?.excerpt_id).toBe('E001');
  });

  it('codes every excerpt with known codes, on benefit or practice change or both', () => {
    const benefits = codeIds('benefit');
    for (const row of interviews) {
      expect(row.benefit !== '' || row.practice_change !== '').toBe(true);
      if (row.benefit) {
        const codes = (row.benefit ?? '').split(';');
        for (const code of codes) expect(benefits).toContain(code);
        expect(codes).toEqual([...codes].sort((a, b) => benefits.indexOf(a) - benefits.indexOf(b)));
        expect(new Set(codes).size).toBe(codes.length);
      }
      if (row.practice_change) expect(codeIds('practice_change')).toContain(row.practice_change);
    }
  });

  it('shows administrators valuing Twitter yet rarely changing school practice', () => {
    for (const excerpts of byParticipant.values()) {
      const named = new Set(excerpts.flatMap((row) => (row.benefit ? (row.benefit ?? '').split(';') : [])));
      expect(named.size).toBeGreaterThanOrEqual(3);
      const coded = excerpts.filter((row) => row.practice_change !== '');
      expect(coded.length).toBeGreaterThanOrEqual(1);
      expect(coded.length).toBeLessThanOrEqual(2);
    }
    const withChange = (code: string) =>
      [...byParticipant.values()].filter((excerpts) => excerpts.some((row) => row.practice_change === code)).length;
    expect(withChange('school_practice')).toBeLessThanOrEqual(3);
    expect(withChange('none') + withChange('inspiration_only')).toBeGreaterThan(17 / 2);
  });

  it('writes first-person excerpts of 60-220 characters without contact details', () => {
    for (const row of interviews) {
      const text = row.excerpt ?? '';
      expect(text.length, text).toBeGreaterThanOrEqual(60);
      expect(text.length, text).toBeLessThanOrEqual(220);
      expect(text, text).toMatch(/\b(I|my|me|we|our)\b/i);
      expect(text, text).not.toMatch(NO_CONTACT);
    }
  });
});

describe('double coding', () => {
  const double = rows(study, 'reliability/tweets.csv');
  const finalCodes = new Map(tweets.map((t) => [t.tweet_id, t]));

  it('has 150 known tweets, each coded once by each of two coders, on the four tweet dimensions', () => {
    expect(file(study, 'reliability/tweets.csv').startsWith('tweet_id,coder,form,purpose,topic,function\n')).toBe(true);
    expect(new Set(double.map((row) => row.tweet_id)).size).toBe(150);
    expect(new Set(double.map((row) => `${row.tweet_id} ${row.coder}`)).size).toBe(300);
    expect([...countBy(double, (row) => row.coder ?? '')]).toEqual([
      ['coder_1', 150],
      ['coder_2', 150],
    ]);
    for (const row of double) {
      expect(finalCodes.has(row.tweet_id ?? '')).toBe(true);
      expect(codeIds('form')).toContain(row.form);
      expect(codeIds('purpose')).toContain(row.purpose);
      // Each coder codes topic or function as their own reading of the purpose asks.
      if (row.purpose === 'knowledge_sharing') expect([row.function, codeIds('topic').includes(row.topic ?? '')]).toEqual(['', true]);
      else expect([row.topic, codeIds('function', true).includes(row.function ?? '')]).toEqual(['', true]);
    }
  });

  it('makes the coders agree often but not always, and mostly with the final codes', () => {
    for (const dimension of ['form', 'purpose', 'topic', 'function'] as const) {
      const byTweet = [...Map.groupBy(double, (row) => row.tweet_id ?? '').values()];
      const agreeing = byTweet.filter(([a, b]) => a?.[dimension] === b?.[dimension]).length / byTweet.length;
      expect(agreeing, dimension).toBeGreaterThan(0.8);
      expect(agreeing, dimension).toBeLessThan(1);
      const withFinal = double.filter((row) => row[dimension] === finalCodes.get(row.tweet_id ?? '')?.[dimension]).length / double.length;
      expect(withFinal, dimension).toBeGreaterThan(0.85);
    }
  });
});

describe('scaled runs', () => {
  it('gives exactly the requested counts with ids padded to fit', () => {
    const scaled = generateStudy({ tweets: 20_000, participants: 300, seed: 7 });
    const scaledParticipants = rows(scaled, 'participants.csv');
    const scaledTweets = rows(scaled, 'tweets.csv');
    expect(scaledParticipants).toHaveLength(300);
    expect(scaledParticipants[0]?.participant_id).toBe('P001');
    expect(scaledTweets).toHaveLength(20_000);
    expect(scaledTweets[0]?.tweet_id).toBe('T00001');
    expect(scaledTweets.at(-1)?.tweet_id).toBe('T20000');
    const dates = scaledTweets.map((t) => (t.posted_at ?? '').slice(0, 10));
    expect(dates.every((d) => d >= '2014-04-07' && d <= '2014-04-20')).toBe(true);
    const schoolChange = new Set(
      rows(scaled, 'interviews.csv')
        .filter((row) => row.practice_change === 'school_practice')
        .map((row) => row.participant_id),
    );
    expect(schoolChange.size).toBe(45);
  });

  it('writes the files to a directory piece by piece, byte-identical to generateStudy', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qualpress-generate-'));
    try {
      const lines = writeStudy(dir, { tweets: 12_345, participants: 40, seed: 3 });
      expect(lines).toHaveLength(6);
      expect(lines.find((line) => line.includes('tweets.csv'))).toContain('12345 rows');
      const inMemory = generateStudy({ tweets: 12_345, participants: 40, seed: 3 });
      for (const name of FILES) expect(readFileSync(join(dir, name), 'utf8'), name).toBe(file(inMemory, name));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
