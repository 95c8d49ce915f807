import type { OrganizationKind, OrganizationView } from '@campaign-month/contracts';

export type OrgRow = {
  id: string;
  parentId: string | null;
  name: string;
  kind: string;
  code: string | null;
  depth: number;
  archivedAt: Date | null;
  createdAt: Date;
  path: string;
};

export function toOrganizationView(o: OrgRow): OrganizationView {
  return {
    id: o.id,
    parentId: o.parentId,
    name: o.name,
    kind: o.kind as OrganizationKind,
    code: o.code,
    depth: o.depth,
    archived: o.archivedAt !== null,
    createdAt: o.createdAt.toISOString(),
  };
}
