import { describe, expect, it } from 'vitest';
import type { LeadingGroupMemberView } from '../../api/types.js';
import { hasOneLeader, inReadingOrder, organizerGroupMode, PHONE, rosterPayload, startingRoster } from './roster.js';

const member = (name: string, role: LeadingGroupMemberView['role'], extra: Partial<LeadingGroupMemberView> = {}) => ({
  name,
  role,
  ...extra,
});

describe('leading group roster', () => {
  it('starts from the stored roster, else the template seats, else 组长, 副组长 and a member', () => {
    const stored = [member('高建军', 'LEADER')];
    const shape = [
      { role: 'LEADER' as const, title: '局长', department: null, duty: '全面负责' },
      { role: 'MEMBER' as const, department: '反诈中心', duty: '日常联络' },
    ];
    expect(startingRoster(stored, shape)).toBe(stored);
    expect(startingRoster([], shape, ['反诈中心', '刑侦大队'])).toEqual([
      { name: '', role: 'LEADER', department: null, duty: '全面负责' },
      { name: '', role: 'MEMBER', department: '反诈中心', duty: '日常联络' },
    ]);
    // a unit of another kind does not start with departments it does not have
    expect(startingRoster([], shape, ['政教处']).map((m) => m.department)).toEqual([null, null]);
    expect(startingRoster([], []).map((m) => m.role)).toEqual(['LEADER', 'DEPUTY', 'MEMBER']);
  });

  it('needs exactly one 组长', () => {
    expect(hasOneLeader([member('a', 'LEADER'), member('b', 'DEPUTY'), undefined])).toBe(true);
    expect(hasOneLeader([member('a', 'DEPUTY')])).toBe(false);
    expect(hasOneLeader([member('a', 'LEADER'), member('b', 'LEADER')])).toBe(false);
  });

  it('leaves out the rows nobody filled in (a suggested seat alone), and does not count their 组长', () => {
    const seat = member('', 'LEADER', { department: '政教处', duty: '全面负责' });
    expect(rosterPayload([member('张华', 'MEMBER'), seat]).map((m) => m.name)).toEqual(['张华']);
    expect(hasOneLeader([member('张华', 'LEADER'), seat])).toBe(true);
    expect(hasOneLeader([seat])).toBe(false);
  });

  it('sends trimmed values, blanks as null, and keeps the ids of stored members', () => {
    expect(
      rosterPayload([
        member(' 林志明 ', 'DEPUTY', { id: 'm1', title: ' 副局长 ', department: '', duty: '  ', phone: ' 0571-1234 ' }),
        member('陈警官', 'MEMBER'),
      ]),
    ).toEqual([
      { id: 'm1', name: '林志明', role: 'DEPUTY', title: '副局长', department: null, duty: null, phone: '0571-1234' },
      { name: '陈警官', role: 'MEMBER', title: null, department: null, duty: null, phone: null },
    ]);
  });

  it('takes the phone numbers the API takes', () => {
    for (const ok of ['', '  ', '0571-8888 1234', '+86 (571) 8888']) expect(PHONE.test(ok)).toBe(true);
    for (const bad of ['12', 'call me', '1'.repeat(31)]) expect(PHONE.test(bad)).toBe(false);
  });

  it('reads the 组长 first, then the deputies, then the members, each in recorded order', () => {
    const order = inReadingOrder([
      member('m1', 'MEMBER'),
      member('d1', 'DEPUTY'),
      member('m2', 'MEMBER'),
      member('l', 'LEADER'),
      member('d2', 'DEPUTY'),
    ]).map((m) => m.name);
    expect(order).toEqual(['l', 'd1', 'd2', 'm1', 'm2']);
  });

  it("offers the organizing office's group for editing only to those who may record it, and not once closed", () => {
    expect(organizerGroupMode({ mayRecord: true, status: 'ACTIVE' })).toBe('edit');
    expect(organizerGroupMode({ mayRecord: true, status: 'DRAFT' })).toBe('edit');
    expect(organizerGroupMode({ mayRecord: true, status: 'CLOSED' })).toBe('closed');
    expect(organizerGroupMode({ mayRecord: false, status: 'ACTIVE' })).toBe('read');
    expect(organizerGroupMode({ mayRecord: false, status: 'CLOSED' })).toBe('read');
  });
});
