// Calendar days as the API speaks them: 'YYYY-MM-DD' in the tenant's time zone (Asia/Shanghai by default).
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export function todayIn(timeZone = DEFAULT_TIME_ZONE, at: Date = new Date()): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
  } catch {
    return at.toISOString().slice(0, 10);
  }
}

const toUtc = (day: string) => {
  const [y, m, d] = day.slice(0, 10).split('-').map(Number);
  return Date.UTC(y, m - 1, d);
};

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / 86_400_000);
}

export function addDays(day: string, n: number): string {
  return new Date(toUtc(day) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Every day from `from` to `to`, both included. */
export function eachDay(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; daysBetween(d, to) >= 0 && out.length < 400; d = addDays(d, 1)) out.push(d);
  return out;
}

/** 11月6日 in Chinese, Nov 6 in English; with the year (2027年1月8日) when it is not this year's. */
export function formatDay(
  day: string | null | undefined,
  lang: string,
  thisYear: string = todayIn().slice(0, 4),
): string {
  if (!day) return '';
  const [y, m, d] = day.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return day;
  if (String(y) !== thisYear) return formatFullDay(day, lang);
  if (lang.startsWith('zh')) return `${m}月${d}日`;
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-US', {
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
}

/** 2026年11月1日 / Nov 1, 2026. */
export function formatFullDay(day: string | null | undefined, lang: string): string {
  if (!day) return '';
  const [y, m, d] = day.slice(0, 10).split('-').map(Number);
  if (lang.startsWith('zh')) return `${y}年${m}月${d}日`;
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-US', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
}

export function formatPeriod(from: string, to: string, lang: string): string {
  return `${formatFullDay(from, lang)} – ${from.slice(0, 4) === to.slice(0, 4) ? formatDay(to, lang) : formatFullDay(to, lang)}`;
}

/**
 * The days an event of a campaign may be logged for: inside the campaign and not after today (the API
 * refuses a day that has not come). `last` is null while the campaign has not started.
 */
export function loggableDays(
  campaign: { startsOn: string; endsOn: string },
  today: string,
): { first: string; last: string | null } {
  const last = [today, campaign.endsOn].sort()[0]!;
  return { first: campaign.startsOn, last: last < campaign.startsOn ? null : last };
}

/** Whether `day` ('YYYY-MM-DD') is one of `loggableDays`' days (a date picker greys out the others). */
export function isLoggableDay(days: { first: string; last: string | null }, day: string): boolean {
  return days.last !== null && day >= days.first && day <= days.last;
}

/** A moment (ISO timestamp) as a person reads it in the tenant's zone: 2026年12月6日 14:30 / Dec 6, 2026, 14:30. */
export function formatDateTime(iso: string | null | undefined, lang: string, timeZone = DEFAULT_TIME_ZONE): string {
  if (!iso) return '';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return new Intl.DateTimeFormat(lang.startsWith('zh') ? 'zh-CN' : 'en-US', {
    timeZone,
    year: 'numeric',
    month: lang.startsWith('zh') ? 'long' : 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}
