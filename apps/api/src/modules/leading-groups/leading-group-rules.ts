// The roster rule: exactly one LEADER (组长); any number of DEPUTY (副组长) and MEMBER (成员); ids not repeated.
import type { LeadingGroupMemberInput } from '@campaign-month/contracts';
import { InvalidInput } from '../../core/errors/domain-errors.js';

export function checkRoster(members: readonly LeadingGroupMemberInput[]): void {
  const leaders = members.flatMap((m, i) => (m.role === 'LEADER' ? [i] : []));
  if (leaders.length === 0)
    throw InvalidInput.field('members', 'A leading group needs exactly one LEADER (组长); none was given');
  if (leaders.length > 1) {
    throw InvalidInput.field(
      `members.${leaders[1]}.role`,
      `A leading group has exactly one LEADER (组长); members ${leaders.join(', ')} are all LEADER`,
    );
  }
  const ids = new Set<string>();
  members.forEach((m, i) => {
    if (!m.id) return;
    if (ids.has(m.id)) throw InvalidInput.field(`members.${i}.id`, 'A member may appear only once');
    ids.add(m.id);
  });
}
