// Formatters are costly to create and pages format many dates: make each once.
const dayMonthYear = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthYear = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Formats a date as "23 November 2026", in UTC so the result never depends on the machine. */
export function formatDate(date: Date): string {
  return dayMonthYear.format(date);
}

/** `YYYY-MM-DD` for `<time datetime>`. */
export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

/** Formats a partial date (`1897`, `2013-11`, `2017-03-15`) for reading. */
export function formatPartialDate(when: string): string {
  const [year, month, day] = when.split('-');
  if (!month) return year ?? when;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day ?? 1)));
  return (day ? dayMonthYear : monthYear).format(date);
}
