import { describe, expect, it } from 'vitest';
import { dayOf } from '../../../src/sources/csv/parseDate.ts';

describe('dayOf', () => {
  it('reads a calendar date', () => {
    expect(dayOf('2024-03-02')).toBe('2024-03-02');
  });

  it('reads a date-time on its day as written', () => {
    expect(dayOf('2024-03-09T14:30:00')).toBe('2024-03-09');
    expect(dayOf('2024-03-09 14:30')).toBe('2024-03-09');
    expect(dayOf('2024-03-09T14:30:00.250')).toBe('2024-03-09');
  });

  it('keeps a local time with an offset on its local day', () => {
    expect(dayOf('2024-03-31T23:30:00-05:00')).toBe('2024-03-31');
    expect(dayOf('2024-03-01T00:15:00+0100')).toBe('2024-03-01');
    expect(dayOf('2024-03-01T00:15:00Z')).toBe('2024-03-01');
  });

  it('accepts 29 February in a leap year only', () => {
    expect(dayOf('2024-02-29')).toBe('2024-02-29');
    expect(dayOf('2000-02-29')).toBe('2000-02-29');
    expect(dayOf('2023-02-29')).toBeUndefined();
    expect(dayOf('1900-02-29')).toBeUndefined();
  });

  it.each(['2014-02-30', '2024-04-31', '2024-13-01', '2024-00-10', '2024-01-00', '2024-01-32'])(
    'refuses the impossible date %s',
    (text) => {
      expect(dayOf(text)).toBeUndefined();
    },
  );

  it.each(['2024-03-02T24:00:00', '2024-03-02T12:60', '2024-03-02T12:30:60'])('refuses the impossible time %s', (text) => {
    expect(dayOf(text)).toBeUndefined();
  });

  it.each(['yesterday', '', '02/03/2024', '2024-3-2', '20240302', '2024-03-02T', '2024-03-02T12', ' 2024-03-02', '2024-03-02 and more'])(
    'refuses %j, which is not ISO 8601',
    (text) => {
      expect(dayOf(text)).toBeUndefined();
    },
  );
});
