export interface WorkDate {
  year: number;
  month: number;
  day: number;
}

/**
 * The parts of a `YYYY-MM-DD` calendar date.
 *
 * @throws Error if the text is not in that form or names a day that does not exist.
 */
export function parseWorkDate(date: string): WorkDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`Date "${date}" must be written YYYY-MM-DD`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new Error(`Date "${date}" is not a calendar day`);
  }
  return { year, month, day };
}

/** The date as Highwire Press tags want it: `YYYY/MM/DD`. */
export function slashedDate(date: string): string {
  const { year, month, day } = parseWorkDate(date);
  return `${String(year).padStart(4, '0')}/${String(month).padStart(2, '0')}/${String(day).padStart(2, '0')}`;
}
