import type { Actor } from '../../core/context/request-context.js';
import { canManageUser } from './user-scope.js';

const ROOT = '/r/';
const BRANCH = '/r/b/';
const LEAF = '/r/b/l/';
const SIBLING = '/r/s/';

function actor(...memberships: [Actor['memberships'][number]['role'], string][]): Actor {
  return {
    userId: 'u',
    tenantId: 't',
    email: 'a@x',
    memberships: memberships.map(([role, path]) => ({ organizationId: path, role, path })),
  };
}

describe('canManageUser: a subtree admin against users with memberships above or beside it', () => {
  const branchAdmin = actor(['ADMIN', BRANCH]);
  const cases: [string, Parameters<typeof canManageUser>[1], boolean][] = [
    ['a reporter of the branch', [{ role: 'REPORTER', path: BRANCH }], true],
    ['a reporter of a unit below', [{ role: 'REPORTER', path: LEAF }], true],
    ['a fellow admin of the branch', [{ role: 'ADMIN', path: BRANCH }], true],
    [
      'the tenant admin who also sits in the branch',
      [
        { role: 'VIEWER', path: BRANCH },
        { role: 'ADMIN', path: ROOT },
      ],
      false,
    ],
    [
      'a viewer of the root with a reporter seat in the branch',
      [
        { role: 'REPORTER', path: LEAF },
        { role: 'VIEWER', path: ROOT },
      ],
      false,
    ],
    ['an organizer of the root', [{ role: 'ORGANIZER', path: ROOT }], false],
    [
      'a user of the branch and of a sibling branch',
      [
        { role: 'REPORTER', path: BRANCH },
        { role: 'REPORTER', path: SIBLING },
      ],
      false,
    ],
    ['a sibling-branch user', [{ role: 'REPORTER', path: SIBLING }], false],
    ['a user without memberships', [], false],
  ];
  it.each(cases)('%s', (_name, target, expected) => {
    expect(canManageUser(branchAdmin, target)).toBe(expected);
  });

  it('the tenant admin manages everyone below the root, another admin of the root included', () => {
    const rootAdmin = actor(['ADMIN', ROOT]);
    expect(
      canManageUser(rootAdmin, [
        { role: 'ADMIN', path: ROOT },
        { role: 'REPORTER', path: SIBLING },
      ]),
    ).toBe(true);
  });

  it('an organizer or reporter of the root manages nobody (no user:write)', () => {
    expect(canManageUser(actor(['ORGANIZER', ROOT]), [{ role: 'VIEWER', path: LEAF }])).toBe(false);
    expect(canManageUser(actor(['REPORTER', ROOT]), [{ role: 'VIEWER', path: LEAF }])).toBe(false);
  });

  it('admin of the branch and viewer of the root: the root viewer seat gives no write rank there', () => {
    const mixed = actor(['ADMIN', BRANCH], ['VIEWER', ROOT]);
    expect(canManageUser(mixed, [{ role: 'VIEWER', path: ROOT }])).toBe(false);
    expect(canManageUser(mixed, [{ role: 'VIEWER', path: LEAF }])).toBe(true);
  });
});
