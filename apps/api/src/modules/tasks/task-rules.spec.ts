import { DomainError } from '../../core/errors/domain-errors.js';
import { assertMayChange, checkDueOn, completedAtAfter, organizerOnlyFields, templateDueOn } from './task-rules.js';

describe('task rules', () => {
  it("places a template's task after the month's first day, never in the past nor after the report deadline", () => {
    const month = { startsOn: '2026-12-01', reportDueOn: '2027-01-08' };
    // 成立领导小组 (3 days) of a month launched on 12月6日: due that day, not 12月4日
    expect(templateDueOn(month, 3, '2026-12-06')).toBe('2026-12-06');
    expect(templateDueOn(month, 20, '2026-12-06')).toBe('2026-12-21');
    expect(templateDueOn(month, 3, '2026-11-20')).toBe('2026-12-04');
    expect(templateDueOn(month, 60, '2026-12-06')).toBe('2027-01-08');
  });

  it('refuses a due day before the campaign starts or after the report deadline, naming the field', () => {
    const campaign = { startsOn: '2026-11-01', reportDueOn: '2026-12-05' };
    expect(() => checkDueOn('2026-12-05', campaign)).not.toThrow();
    expect(() => checkDueOn('2026-11-01', campaign)).not.toThrow();
    expect(() => checkDueOn(null, campaign)).not.toThrow();
    for (const day of ['2026-12-06', '2026-10-31']) {
      try {
        checkDueOn(day, campaign);
        throw new Error(`expected a refusal of ${day}`);
      } catch (e) {
        expect(e).toBeInstanceOf(DomainError);
        expect((e as DomainError).details).toEqual([expect.objectContaining({ field: 'dueOn' })]);
      }
    }
  });

  it('lets the unit move a task through TODO, IN_PROGRESS and DONE and assign it', () => {
    expect(organizerOnlyFields({ status: 'DONE', responsibleMemberId: 'x' }, 'TODO')).toEqual([]);
    expect(organizerOnlyFields({ status: 'TODO' }, 'DONE')).toEqual([]);
    expect(() => assertMayChange({ status: 'IN_PROGRESS' }, 'TODO', false)).not.toThrow();
  });

  it('keeps the definition and cancelling for organizers', () => {
    expect(organizerOnlyFields({ title: 't', dueOn: null, description: 'd' }, 'TODO')).toEqual([
      'title',
      'description',
      'dueOn',
    ]);
    expect(organizerOnlyFields({ status: 'CANCELLED' }, 'TODO')).toEqual(['status']);
    expect(organizerOnlyFields({ status: 'TODO' }, 'CANCELLED')).toEqual(['status']);
    expect(() => assertMayChange({ status: 'CANCELLED' }, 'TODO', false)).toThrow(DomainError);
    expect(() => assertMayChange({ status: 'CANCELLED', title: 'x' }, 'TODO', true)).not.toThrow();
  });

  it('stamps completion when a task becomes DONE and clears it when it is reopened', () => {
    const now = new Date('2026-11-10T02:00:00Z');
    const before = new Date('2026-11-09T02:00:00Z');
    expect(completedAtAfter('IN_PROGRESS', 'DONE', null, now)).toBe(now);
    expect(completedAtAfter('DONE', 'DONE', before, now)).toBe(before);
    expect(completedAtAfter('DONE', 'IN_PROGRESS', before, now)).toBeNull();
  });
});
