const isoDateTime = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * The calendar day of an ISO 8601 date or date-time, as written (a local time stays on
 * its local day), or undefined when the text is not a real date and time.
 */
export function dayOf(text: string): string | undefined {
  const match = isoDateTime.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second] = match;
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  if (hour !== undefined && (Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 59)) return undefined;
  return `${year}-${month}-${day}`;
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  // As Date.UTC counts them (a million dates, no Date each): it reads years 0 to 99 as 1900 to 1999.
  const counted = year < 100 ? year + 1900 : year;
  return (counted % 4 === 0 && counted % 100 !== 0) || counted % 400 === 0 ? 29 : 28;
}
