import type { OrganizationTreeNode } from '@campaign-month/contracts';
import { TreeSelect, type TreeSelectProps } from 'antd';
import { useMemo } from 'react';
import { useOrgTree } from '../api/queries.js';
import { useRoles } from '../auth/auth.js';

interface Choice {
  value: string;
  title: string;
  children: Choice[];
}

const toChoice = (n: OrganizationTreeNode): Choice => ({
  value: n.id,
  title: n.name,
  children: (n.children ?? []).map(toChoice),
});

/** One unit of the caller's tree, searchable by name. */
export function UnitTreeSelect(props: Omit<TreeSelectProps<string>, 'treeData'>) {
  const roles = useRoles();
  const tree = useOrgTree(roles.topOrgId);
  const data = useMemo(() => (tree.data ? [toChoice(tree.data)] : []), [tree.data]);
  return (
    <TreeSelect<string>
      treeData={data}
      loading={tree.isLoading}
      treeDefaultExpandAll
      showSearch={{ treeNodeFilterProp: 'title' }}
      popupMatchSelectWidth={false}
      {...props}
    />
  );
}
