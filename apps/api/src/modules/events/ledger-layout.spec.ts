import {
  cellText,
  columnLetter,
  ledgerFileName,
  parseEventType,
  parseLedgerDay,
} from './ledger-layout.js';

describe('ledger layout', () => {
  it('reads days in the forms offices type them', () => {
    expect(parseLedgerDay(new Date(Date.UTC(2026, 10, 6)))).toBe('2026-11-06');
    expect(parseLedgerDay('2026-11-06')).toBe('2026-11-06');
    expect(parseLedgerDay('2026/11/6')).toBe('2026-11-06');
    expect(parseLedgerDay('2026年11月6日')).toBe('2026-11-06');
    expect(parseLedgerDay(46332)).toBe('2026-11-06');
    expect(parseLedgerDay('2026-02-30')).toBeNull();
    expect(parseLedgerDay('11月6日')).toBeNull();
    expect(parseLedgerDay(null)).toBeNull();
  });

  it('reads event types by Chinese label or code', () => {
    expect(parseEventType('张贴海报标语')).toBe('POSTER');
    expect(parseEventType('leaflet')).toBe('LEAFLET');
    expect(parseEventType('开会')).toBeNull();
  });

  it('names columns and files', () => {
    expect([columnLetter(1), columnLetter(26), columnLetter(27), columnLetter(703)]).toEqual(['A', 'Z', 'AA', 'AAA']);
    expect(ledgerFileName('2026年全民反诈/宣传月')).toBe('2026年全民反诈宣传月活动台账.xlsx');
    // one unit's ledger carries the unit's name
    expect(ledgerFileName('反诈宣传月', '工商银行:滨江支行')).toBe('反诈宣传月-工商银行滨江支行活动台账.xlsx');
    expect(cellText({ richText: [{ text: '城关' }, { text: '小学' }] })).toBe('城关小学');
    expect(cellText({ formula: 'A1', result: 12 } as never)).toBe('12');
  });
});
