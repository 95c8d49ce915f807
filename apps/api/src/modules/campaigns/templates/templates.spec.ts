import { EVENT_TYPES, METRIC_KINDS, ORGANIZATION_KINDS } from '@campaign-month/contracts';
import { METRIC_KEY } from '../dto/campaign.dto.js';
import { CAMPAIGN_TEMPLATES, defaultTitle, findSuggestedTask, findTemplate } from './index.js';

describe('campaign templates', () => {
  it('include the three months of DESIGN.md', () => {
    expect(CAMPAIGN_TEMPLATES.map((t) => t.name)).toEqual(
      expect.arrayContaining([
        '全民反诈在行动集中宣传月',
        '打击欺诈骗保维护基金安全集中宣传月',
        '防范通讯网络新型违法犯罪宣传月',
      ]),
    );
  });

  it('have unique keys', () => {
    const keys = CAMPAIGN_TEMPLATES.map((t) => t.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  describe.each(CAMPAIGN_TEMPLATES.map((t) => [t.key, t] as const))('%s', (_key, t) => {
    it('has metrics with valid, unique keys, Chinese labels and units', () => {
      expect(t.metrics.length).toBeGreaterThan(0);
      expect(new Set(t.metrics.map((m) => m.key)).size).toBe(t.metrics.length);
      for (const m of t.metrics) {
        expect(m.key).toMatch(METRIC_KEY);
        expect(m.label).toMatch(/[\u4e00-\u9fff]/);
        expect(m.label.length).toBeLessThanOrEqual(100);
        expect(m.unit.length).toBeGreaterThan(0);
        expect(m.unit.length).toBeLessThanOrEqual(20);
        expect(METRIC_KINDS).toContain(m.kind);
      }
    });

    it('suggests known event types and organization kinds', () => {
      for (const e of t.suggestedEventTypes) expect(EVENT_TYPES).toContain(e);
      for (const k of [...t.organizerKinds, ...t.participantKinds]) expect(ORGANIZATION_KINDS).toContain(k);
    });

    it('shapes a leading group with exactly one leader', () => {
      expect(t.leadingGroupShape.filter((s) => s.role === 'LEADER')).toHaveLength(1);
    });

    it('suggests tasks with unique keys due within a month', () => {
      expect(new Set(t.suggestedTasks.map((s) => s.key)).size).toBe(t.suggestedTasks.length);
      for (const s of t.suggestedTasks) {
        expect(s.dueAfterDays).toBeGreaterThanOrEqual(0);
        expect(s.dueAfterDays).toBeLessThanOrEqual(31);
        expect(s.title.length).toBeLessThanOrEqual(200);
      }
    });

    it('has a purpose clause for the summary opening (no final punctuation)', () => {
      expect(t.purpose).toMatch(/[\u4e00-\u9fff]$/);
      expect(t.purpose.length).toBeLessThanOrEqual(1000);
    });
  });

  it('finds templates and suggested tasks by key', () => {
    expect(findTemplate('telecom-crime')?.name).toBe('防范通讯网络新型违法犯罪宣传月');
    expect(findTemplate('nope')).toBeUndefined();
    expect(findSuggestedTask('telecom-crime', 'flag-ceremony')?.title).toBe('国旗下宣讲');
    expect(findSuggestedTask(null, 'flag-ceremony')).toBeUndefined();
    expect(defaultTitle(findTemplate('anti-fraud')!, '2026-11-01')).toBe('2026年全民反诈在行动集中宣传月');
  });
});
