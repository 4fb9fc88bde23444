/** Every calendar day from start to end inclusive (YYYY-MM-DD), in UTC so no time zone shifts a day. */
export function periodDays(start: string, end: string): string[] {
  const days: string[] = [];
  const last = Date.parse(`${end}T00:00:00Z`);
  for (let time = Date.parse(`${start}T00:00:00Z`); time <= last; time += 86_400_000) days.push(new Date(time).toISOString().slice(0, 10));
  return days;
}
