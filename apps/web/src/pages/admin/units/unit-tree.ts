// The 单位管理 tree as pure data: search by name or 单位编码 (matches and their ancestors stay, the
// ancestors expanded), and the choices for 移动到… (not the unit itself nor anything below it).
import type { OrganizationTreeNode } from '@campaign-month/contracts';

export interface UnitSearch {
  /** The tree cut down to the matches and their ancestors (a match keeps its whole subtree); null: none. */
  root: OrganizationTreeNode | null;
  /** Units whose name or code matches. */
  matches: Set<string>;
  /** Ancestors of the matches: the tree opens them to show the matches. */
  expand: string[];
}

export function matchesUnit(node: Pick<OrganizationTreeNode, 'name' | 'code'>, q: string): boolean {
  const needle = q.trim().toLowerCase();
  if (!needle) return false;
  return node.name.toLowerCase().includes(needle) || (node.code ?? '').toLowerCase().includes(needle);
}

export function searchUnits(root: OrganizationTreeNode, q: string): UnitSearch {
  const matches = new Set<string>();
  const expand: string[] = [];
  if (!q.trim()) return { root, matches, expand };
  const walk = (node: OrganizationTreeNode): OrganizationTreeNode | null => {
    const self = matchesUnit(node, q);
    if (self) matches.add(node.id);
    const children = (node.children ?? []).map(walk).filter((c): c is OrganizationTreeNode => c !== null);
    if (children.length) expand.push(node.id);
    if (self) return { ...node, children: children.length ? mergeChildren(node.children, children) : node.children };
    return children.length ? { ...node, children } : null;
  };
  return { root: walk(root), matches, expand };
}

/** A matching unit keeps all its children; those that matched deeper come back cut the same way. */
function mergeChildren(all: OrganizationTreeNode[], kept: OrganizationTreeNode[]): OrganizationTreeNode[] {
  const byId = new Map(kept.map((k) => [k.id, k]));
  return all.map((c) => byId.get(c.id) ?? c);
}

/** Every id in the tree, the root first. */
export function allUnitIds(node: OrganizationTreeNode | undefined): string[] {
  if (!node) return [];
  return [node.id, ...(node.children ?? []).flatMap(allUnitIds)];
}

export interface MoveChoice {
  value: string;
  title: string;
  disabled: boolean;
  children: MoveChoice[];
}

/** The tree as TreeSelect choices for moving `unitId`: itself and its subtree, and its current parent, disabled. */
export function moveChoices(
  root: OrganizationTreeNode,
  unit: Pick<OrganizationTreeNode, 'id' | 'parentId'>,
): MoveChoice {
  const walk = (node: OrganizationTreeNode, inside: boolean): MoveChoice => {
    const within = inside || node.id === unit.id;
    return {
      value: node.id,
      title: node.name,
      disabled: within || node.id === unit.parentId,
      children: (node.children ?? []).map((c) => walk(c, within)),
    };
  };
  return walk(root, false);
}
