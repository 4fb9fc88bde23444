import { describe, expect, it } from 'vitest';
import { progressLine } from '../../../src/build/progressLine.ts';

function terminal(isTTY: boolean, columns = 80) {
  const written: string[] = [];
  return { written, stream: { isTTY, columns, write: (text: string) => written.push(text) > 0 } };
}

describe('progressLine', () => {
  it('writes nothing when the output is not a terminal', () => {
    const { written, stream } = terminal(false);
    let now = 0;
    const line = progressLine(stream, () => now);
    now = 5000;
    line.report('Reading data/tweets.csv: 65,536 rows');
    line.clear();
    expect(written).toEqual([]);
  });

  it('stays quiet for the first second, then overwrites one line at most four times a second', () => {
    const { written, stream } = terminal(true);
    let now = 0;
    const line = progressLine(stream, () => now);
    now = 900;
    line.report('too early');
    now = 1000;
    line.report('first');
    now = 1100;
    line.report('too soon after the first');
    now = 1250;
    line.report('second');
    expect(written).toEqual(['\rfirst\x1b[K', '\rsecond\x1b[K']);
    line.clear();
    line.clear();
    expect(written.slice(2)).toEqual(['\r\x1b[K']);
  });

  it('cuts a message to the width of the terminal, so it never wraps', () => {
    const { written, stream } = terminal(true, 20);
    let now = 0;
    const line = progressLine(stream, () => now);
    now = 2000;
    line.report('Reading a/very/long/path/to/tweets.csv: 1,000,000 rows');
    expect(written).toEqual(['\rReading a/very/lon…\x1b[K']);
    expect('Reading a/very/lon…'.length).toBe(19);
  });

  it('clears nothing when it showed nothing', () => {
    const { written, stream } = terminal(true);
    const line = progressLine(stream, () => 0);
    line.report('quick');
    line.clear();
    expect(written).toEqual([]);
  });
});
