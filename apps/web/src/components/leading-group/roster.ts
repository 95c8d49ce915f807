// The rules of a leading group (领导小组) roster as the editor applies them: no React, no antd.
import type { CampaignTemplateView, CampaignView, LeadingGroupMemberView } from '../../api/types.js';

/** The API's rule for a phone number (digits, spaces, + - ( ), 3 to 30), on the trimmed value. */
export const PHONE = /^\s*(?:[0-9+\-() ]{3,30})?\s*$/;
export const EMPTY_MEMBER: LeadingGroupMemberView = { name: '', role: 'MEMBER' };

/**
 * What the editor starts from: the stored roster, or for an empty one the template's suggested seats
 * (role, duty; names and posts left to fill in), or 组长, 副组长 and one member. A seat's department is
 * kept only when units of this kind have it (`departments`): an education bureau's own group does not
 * start with a school's 政教处.
 */
export function startingRoster(
  stored: LeadingGroupMemberView[],
  shape: CampaignTemplateView['leadingGroupShape'],
  departments: readonly string[] = [],
): LeadingGroupMemberView[] {
  if (stored.length) return stored;
  if (shape.length)
    return shape.map((x) => ({
      ...EMPTY_MEMBER,
      role: x.role,
      department: x.department && departments.includes(x.department) ? x.department : null,
      duty: x.duty,
    }));
  return [{ ...EMPTY_MEMBER, role: 'LEADER' }, { ...EMPTY_MEMBER, role: 'DEPUTY' }, { ...EMPTY_MEMBER }];
}

/**
 * A row nobody filled in: no name, post or phone (a suggested seat's role, department and duty alone are
 * the template's, not the unit's). Saving leaves such rows out.
 */
export function isBlankRow(m: LeadingGroupMemberView | undefined): boolean {
  return !m || (!m.name?.trim() && !m.title?.trim() && !m.phone?.trim());
}

/** A roster needs exactly one 组长 (the API refuses anything else); blank rows do not count. */
export function hasOneLeader(members: (LeadingGroupMemberView | undefined)[]): boolean {
  return members.filter((m) => !isBlankRow(m) && m?.role === 'LEADER').length === 1;
}

/**
 * The form's values as the PUT body wants them: blank rows left out, trimmed, blanks as null, ids kept so
 * members stay the same rows.
 */
export function rosterPayload(members: LeadingGroupMemberView[]): LeadingGroupMemberView[] {
  return members
    .filter((m) => !isBlankRow(m))
    .map((m) => ({
      ...(m.id ? { id: m.id } : {}),
      name: m.name.trim(),
      role: m.role,
      title: m.title?.trim() || null,
      department: m.department?.trim() || null,
      duty: m.duty?.trim() || null,
      phone: m.phone?.trim() || null,
    }));
}

/** The 组长 first, then 副组长, then members, each in the order recorded (for reading, not for saving). */
export function inReadingOrder(members: LeadingGroupMemberView[]): LeadingGroupMemberView[] {
  const rank = { LEADER: 0, DEPUTY: 1, MEMBER: 2 } as const;
  return members
    .map((m, i) => ({ m, i }))
    .sort((a, b) => rank[a.m.role] - rank[b.m.role] || a.i - b.i)
    .map((x) => x.m);
}

/**
 * How the campaign page offers the organizing office's own group: editable to those who may record it
 * (the API: campaign:write over the office, or the office's reporters), shown without a form once the
 * month is closed (the API would answer 422), read-only to everyone else.
 */
export function organizerGroupMode({
  mayRecord,
  status,
}: {
  mayRecord: boolean;
  status: CampaignView['status'];
}): 'edit' | 'closed' | 'read' {
  if (!mayRecord) return 'read';
  return status === 'CLOSED' ? 'closed' : 'edit';
}
