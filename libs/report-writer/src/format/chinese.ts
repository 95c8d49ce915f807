// Chinese numerals, dates and enumerations as the official genre writes them.

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五 (0–9999). */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) return String(n);
  if (n < 10) return DIGITS[n];
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  const units = ['', '十', '百', '千'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let pendingZero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i];
    if (d === 0) {
      pendingZero = out !== '';
      return;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += DIGITS[d] + unit;
  });
  return out;
}

const HALF_TO_FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '!': '！', '?': '？' };
const HAN = String.raw`\p{Script=Han}|[“”‘’《》（）]`;
const HALF_WIDTH_NEXT_TO_HAN = new RegExp(String.raw`(?<=${HAN})\s*([,;:!?])\s*|\s*([,;:!?])\s*(?=${HAN})`, 'gu');

/**
 * Half-width commas, semicolons, colons, exclamation and question marks next to Chinese text become
 * full-width, as an official document writes them (GB/T 15834): 氛围,守护 → 氛围，守护. Between digits or
 * Latin letters they stay (1,200 · 10:30 · ATM,POS).
 */
export function fullWidthPunctuation(text: string): string {
  return text.replace(HALF_WIDTH_NEXT_TO_HAN, (_m, a?: string, b?: string) => HALF_TO_FULL[(a ?? b)!]!);
}

/** Prefix of the i-th (0-based) item of an enumeration: 一是, 二是, 三是… */
export function enumerationPrefix(index: number): string {
  return `${toChineseNumeral(index + 1)}是`;
}

/** 'A', 'B', 'C' → '一是A；二是B；三是C。'; a single item is written as it is, with 。. */
export function enumerate(items: string[]): string {
  if (items.length === 0) return '';
  if (items.length === 1) return `${items[0]}。`;
  return `${items.map((item, i) => enumerationPrefix(i) + item).join('；')}。`;
}

/** Names in a list: 财务科、医务科、护理部. */
export function joinList(items: string[]): string {
  return items.join('、');
}

function parseDay(day: string): { y: number; m: number; d: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (!match) throw new Error(`Not a calendar day: ${day}`);
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
}

/** '2026-11-06' → '11月6日'. */
export function formatChineseDate(day: string): string {
  const { m, d } = parseDay(day);
  return `${m}月${d}日`;
}

/** '2026-11-30' → '2026年11月30日'. */
export function formatChineseDateFull(day: string): string {
  const { y, m, d } = parseDay(day);
  return `${y}年${m}月${d}日`;
}

/**
 * A period: '11月1日至11月30日' within a year, '2025年12月15日至2026年1月15日' across years, '11月1日' for one day.
 */
export function formatPeriod(startsOn: string, endsOn: string): string {
  if (startsOn === endsOn) return formatChineseDate(startsOn);
  if (parseDay(startsOn).y === parseDay(endsOn).y) {
    return `${formatChineseDate(startsOn)}至${formatChineseDate(endsOn)}`;
  }
  return `${formatChineseDateFull(startsOn)}至${formatChineseDateFull(endsOn)}`;
}
