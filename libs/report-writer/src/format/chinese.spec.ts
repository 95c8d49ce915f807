import {
  enumerate,
  enumerationPrefix,
  formatChineseDate,
  formatChineseDateFull,
  formatPeriod,
  fullWidthPunctuation,
  joinList,
  toChineseNumeral,
} from './chinese.js';

describe('toChineseNumeral', () => {
  it.each([
    [1, '一'],
    [5, '五'],
    [10, '十'],
    [11, '十一'],
    [19, '十九'],
    [20, '二十'],
    [21, '二十一'],
    [99, '九十九'],
    [100, '一百'],
    [105, '一百零五'],
    [110, '一百一十'],
    [2026, '二千零二十六'],
  ])('%p → %p', (n, expected) => {
    expect(toChineseNumeral(n)).toBe(expected);
  });
});

describe('enumerations', () => {
  it('writes 一是…；二是…；三是…。', () => {
    expect(enumerate(['甲', '乙', '丙'])).toBe('一是甲；二是乙；三是丙。');
    expect(enumerationPrefix(10)).toBe('十一是');
  });

  it('writes one item without 一是', () => {
    expect(enumerate(['甲'])).toBe('甲。');
    expect(enumerate([])).toBe('');
  });

  it('joins names with 、', () => {
    expect(joinList(['财务科', '医务科', '护理部'])).toBe('财务科、医务科、护理部');
  });
});

describe('dates', () => {
  it('writes 11月6日 and 2026年11月30日', () => {
    expect(formatChineseDate('2026-11-06')).toBe('11月6日');
    expect(formatChineseDateFull('2026-11-30')).toBe('2026年11月30日');
  });

  it('writes a period within a year without the year, across years with it', () => {
    expect(formatPeriod('2026-11-01', '2026-11-30')).toBe('11月1日至11月30日');
    expect(formatPeriod('2025-12-15', '2026-01-15')).toBe('2025年12月15日至2026年1月15日');
  });

  it('rejects what is not a calendar day', () => {
    expect(() => formatChineseDate('next Tuesday')).toThrow();
  });
});

describe('fullWidthPunctuation', () => {
  it.each([
    ['营造良好氛围,守护好人民群众的“救命钱”', '营造良好氛围，守护好人民群众的“救命钱”'],
    ['提醒客户; 发放指南', '提醒客户；发放指南'],
    ['主题:反诈', '主题：反诈'],
    ['“防骗指南”,由民警讲解', '“防骗指南”，由民警讲解'],
    ['共1,200人次,覆盖全校', '共1,200人次，覆盖全校'],
    ['10:30 开始', '10:30 开始'],
    ['在ATM,POS机旁', '在ATM,POS机旁'],
    ['ATM机旁,发放', 'ATM机旁，发放'],
  ])('%s → %s', (input, expected) => {
    expect(fullWidthPunctuation(input)).toBe(expected);
  });
});
