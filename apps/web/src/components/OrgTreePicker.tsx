// Participants picked from the organization tree (GET /organizations/:id/tree).
import { Button, Empty, Input, Space, Spin, Tree } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgTree } from '../api/queries.js';
import type { OrganizationTreeNode } from '../api/types.js';
import { ErrorAlert } from './ErrorAlert.js';

function toData(
  node: OrganizationTreeNode,
  kindLabel: (k: string) => string,
  q: string,
  isRoot = false,
): DataNode | null {
  const children = (node.children ?? []).map((c) => toData(c, kindLabel, q)).filter((c): c is DataNode => c !== null);
  const matches = !q || node.name.includes(q);
  if (!matches && children.length === 0) return null;
  return {
    key: node.id,
    title: (
      <span>
        {node.name} <span style={{ color: '#8c8c8c', fontSize: 12 }}>{kindLabel(node.kind)}</span>
      </span>
    ),
    children,
    // The organizer leads the month; it takes part only when ticked on purpose (not by ticking "all").
    checkable: !isRoot,
  };
}

export function collectIds(node: OrganizationTreeNode | undefined, out: string[] = []): string[] {
  if (!node) return out;
  out.push(node.id);
  for (const c of node.children ?? []) collectIds(c, out);
  return out;
}

export function OrgTreePicker({
  rootId,
  value,
  onChange,
}: {
  rootId: string | undefined;
  value: string[];
  onChange: (ids: string[]) => void;
}) {
  const { t } = useTranslation();
  const tree = useOrgTree(rootId);
  const [q, setQ] = useState('');
  const data = useMemo(() => {
    if (!tree.data) return [];
    const d = toData(tree.data, (k) => t(`orgKind.${k}`), q.trim(), true);
    return d ? [d] : [];
  }, [tree.data, q, t]);
  if (tree.isLoading) return <Spin />;
  if (tree.error) return <ErrorAlert error={tree.error} />;
  if (!tree.data) return <Empty />;
  return (
    <div>
      <Space wrap style={{ marginBottom: 8 }}>
        <Input.Search
          allowClear
          placeholder={t('wizard.searchUnits')}
          onChange={(e) => setQ(e.target.value)}
          style={{ width: 240 }}
        />
        <Button
          onClick={() => onChange(collectIds(tree.data).filter((x) => x !== tree.data?.id))}
          data-testid="pick-all"
        >
          {t('wizard.pickAll')}
        </Button>
        <Button onClick={() => onChange([])} disabled={value.length === 0}>
          {t('wizard.pickNone')}
        </Button>
      </Space>
      <div style={{ maxHeight: 360, overflow: 'auto', border: '1px solid #f0f0f0', borderRadius: 8, padding: 8 }}>
        <Tree
          checkable
          defaultExpandAll
          selectable={false}
          treeData={data}
          checkedKeys={value}
          onCheck={(checked) =>
            onChange(
              (Array.isArray(checked) ? checked : checked.checked).map(String).filter((x) => x !== tree.data?.id),
            )
          }
        />
      </div>
      <div style={{ marginTop: 8, color: '#595959' }} data-testid="picked-count">
        {t('wizard.pickedCount', { count: value.length })}
      </div>
    </div>
  );
}
