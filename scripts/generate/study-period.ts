// The fortnight of tweets: Monday 2014-04-07 to Sunday 2014-04-20, as local
// dates and times without an offset. Dates come from Date.UTC only, so the
// result never depends on the machine's time zone.

export const PERIOD_START_UTC = Date.UTC(2014, 3, 7);
export const PERIOD_DAYS = 14;
export const SECONDS_PER_DAY = 86_400;

export interface StudyDay {
  /** YYYY-MM-DD */
  readonly date: string;
  readonly weekend: boolean;
}

export function studyDays(): StudyDay[] {
  return Array.from({ length: PERIOD_DAYS }, (_, i) => {
    const day = new Date(PERIOD_START_UTC + i * SECONDS_PER_DAY * 1000);
    const weekday = day.getUTCDay();
    return { date: day.toISOString().slice(0, 10), weekend: weekday === 0 || weekday === 6 };
  });
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));

/** `YYYY-MM-DDTHH:MM:SS` for a number of seconds since the period's first midnight. */
export function timestampFormatter(days: readonly StudyDay[]): (secondsFromStart: number) => string {
  const dates = days.map((day) => day.date);
  return (secondsFromStart) => {
    const dayIndex = Math.floor(secondsFromStart / SECONDS_PER_DAY);
    const second = secondsFromStart - dayIndex * SECONDS_PER_DAY;
    const hour = Math.floor(second / 3600);
    const minute = Math.floor((second % 3600) / 60);
    const date = dates[dayIndex];
    if (date === undefined) throw new Error(`time outside the study period: ${secondsFromStart}`);
    return `${date}T${TWO_DIGITS[hour]}:${TWO_DIGITS[minute]}:${TWO_DIGITS[second % 60]}`;
  };
}
