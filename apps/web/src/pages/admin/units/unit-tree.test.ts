import type { OrganizationTreeNode } from '@campaign-month/contracts';
import { describe, expect, it } from 'vitest';
import { allUnitIds, moveChoices, searchUnits } from './unit-tree.js';

const node = (id: string, name: string, children: OrganizationTreeNode[] = [], code: string | null = null) =>
  ({
    id,
    parentId: null,
    name,
    kind: 'OTHER',
    code,
    depth: 0,
    archived: false,
    createdAt: '',
    descendantCount: 0,
    memberCount: 0,
    children,
  }) as OrganizationTreeNode;

const tree = node('root', '某县教育局', [
  node('east', '东区学区', [node('s1', '东区第一小学', [], 'DQ01'), node('s2', '东区第二小学', [], 'DQ02')]),
  node('west', '西区学区', [node('s3', '西区实验小学', [], 'XQ01')]),
]);

describe('unit tree search', () => {
  it('keeps the whole tree and marks nothing for an empty search', () => {
    const r = searchUnits(tree, '  ');
    expect(r.root).toBe(tree);
    expect(r.matches.size).toBe(0);
  });

  it('keeps matches by name with their ancestors, and opens the ancestors', () => {
    const r = searchUnits(tree, '实验');
    expect(allUnitIds(r.root ?? undefined)).toEqual(['root', 'west', 's3']);
    expect([...r.matches]).toEqual(['s3']);
    expect(r.expand.sort()).toEqual(['root', 'west']);
  });

  it('finds a unit by its 单位编码, case-insensitive', () => {
    const r = searchUnits(tree, 'dq02');
    expect([...r.matches]).toEqual(['s2']);
    expect(allUnitIds(r.root ?? undefined)).toEqual(['root', 'east', 's2']);
  });

  it('keeps every child of a matching unit', () => {
    const r = searchUnits(tree, '东区学区');
    expect(allUnitIds(r.root ?? undefined)).toEqual(['root', 'east', 's1', 's2']);
  });

  it('answers no tree when nothing matches', () => {
    expect(searchUnits(tree, '医院').root).toBe(null);
  });
});

describe('move choices', () => {
  it('disables the unit, everything below it and its current parent', () => {
    const choices = moveChoices(tree, { id: 'east', parentId: 'root' });
    const flat: [string, boolean][] = [];
    const walk = (c: ReturnType<typeof moveChoices>) => {
      flat.push([c.value, c.disabled]);
      c.children.forEach(walk);
    };
    walk(choices);
    expect(Object.fromEntries(flat)).toEqual({
      root: true,
      east: true,
      s1: true,
      s2: true,
      west: false,
      s3: false,
    });
  });
});
