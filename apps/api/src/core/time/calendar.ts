// Calendar days (event days, due dates, "overdue") are in the tenant's time zone, Asia/Shanghai by default.
// A calendar day travels as 'YYYY-MM-DD' and is stored in DATE columns (Prisma gives it as a UTC-midnight Date).

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const dayFormats = new Map<string, Intl.DateTimeFormat>();
/** The last answer per zone, with the minute it was asked for (every zone's offset is whole minutes). */
const lastDay = new Map<string, { minute: number; day: string }>();

/**
 * Today's date in a time zone, as 'YYYY-MM-DD'. Formatters are kept per zone (building one costs far more
 * than using it), and the last answer too: formatting costs ~20 µs, and a day in any zone starts on a
 * whole minute, so one minute has one answer.
 */
export function todayIn(timeZone: string = DEFAULT_TIME_ZONE, now: Date = new Date()): string {
  const minute = Math.floor(now.getTime() / 60_000);
  const last = lastDay.get(timeZone);
  if (last?.minute === minute) return last.day;
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  const day = format.format(now);
  lastDay.set(timeZone, { minute, day });
  return day;
}

/** 'YYYY-MM-DD' → the Date Prisma expects for a DATE column. */
export function dayToDate(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** A DATE column's value → 'YYYY-MM-DD'. */
export function dateToDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Whole days from a to b ('YYYY-MM-DD'); negative when b is before a. */
export function daysBetween(a: string, b: string): number {
  return Math.round((dayToDate(b).getTime() - dayToDate(a).getTime()) / 86400_000);
}

export function addDays(day: string, n: number): string {
  return dateToDay(new Date(dayToDate(day).getTime() + n * 86400_000));
}

/** The time zone's calendar day of an instant (e.g. a photo's capture time). */
export function dayOfInstant(instant: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  return todayIn(timeZone, instant);
}
