import { describe, expect, it } from 'vitest';
import { te, tz } from '../../../i18n/testing.js';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, actionLabel, changesText, entityLabel } from './audit-labels.js';

describe('audit labels', () => {
  it('names known actions and entities in Chinese and English', () => {
    expect(actionLabel('organization.create', tz)).toBe('新增单位');
    expect(actionLabel('user.invite', tz)).toBe('生成邀请链接');
    expect(actionLabel('auth.login', te)).toBe('Signed in');
    expect(entityLabel('Organization', tz)).toBe('单位');
  });

  it('has a Chinese and an English name for every action and entity it offers', () => {
    for (const a of AUDIT_ACTIONS) {
      expect(actionLabel(a, tz), a).not.toBe(a);
      expect(actionLabel(a, te), a).not.toBe(a);
    }
    for (const e of AUDIT_ENTITIES) {
      expect(entityLabel(e, tz), e).not.toBe(e);
      expect(te(`audit.entity.${e}`), e).not.toBe(`audit.entity.${e}`);
    }
  });

  it('shows an unknown code as it is', () => {
    expect(actionLabel('robot.dance', tz)).toBe('robot.dance');
    expect(entityLabel('Robot', tz)).toBe('Robot');
  });

  it('prints changes readably, and nothing for none', () => {
    expect(changesText({ name: '东区', kind: 'TOWN' })).toBe('{\n  "name": "东区",\n  "kind": "TOWN"\n}');
    expect(changesText(null)).toBe(null);
    expect(changesText({})).toBe(null);
  });
});
