import { MoreOutlined } from '@ant-design/icons';
import type { OrganizationTreeNode } from '@campaign-month/contracts';
import { Button, Dropdown, Space, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export type UnitAction = 'add' | 'edit' | 'channels' | 'move' | 'archive';

function UnitTitle({
  node,
  isRoot,
  matched,
  onAction,
  t,
}: {
  node: OrganizationTreeNode;
  isRoot: boolean;
  matched: boolean;
  onAction: (action: UnitAction, node: OrganizationTreeNode) => void;
  t: TFunction;
}) {
  const actions: UnitAction[] = isRoot ? ['add', 'edit', 'channels'] : ['add', 'edit', 'channels', 'move', 'archive'];
  return (
    <span className="cm-unit-node" data-testid="unit-node" data-unit={node.name}>
      <span className="cm-unit-name">
        {matched ? <mark>{node.name}</mark> : node.name}
        <Tag style={{ marginInlineStart: 8 }}>{t(`orgKind.${node.kind}`)}</Tag>
        {node.code && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('units.code', { code: node.code })}
          </Typography.Text>
        )}
      </span>
      <Space size={4} className="cm-unit-meta" onClick={(e) => e.stopPropagation()}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="unit-counts">
          {t('units.descendants', { count: node.descendantCount ?? 0 })} ·{' '}
          {t('units.members', { count: node.memberCount ?? 0 })}
        </Typography.Text>
        <Dropdown
          trigger={['click']}
          menu={{
            items: actions.map((a) => ({
              key: a,
              label: a === 'channels' ? t('channels.action') : t(`units.${a}`),
              danger: a === 'archive',
            })),
            onClick: ({ key, domEvent }) => {
              domEvent.stopPropagation();
              onAction(key as UnitAction, node);
            },
          }}
        >
          <Button
            size="small"
            type="text"
            icon={<MoreOutlined />}
            aria-label={t('units.more')}
            data-testid="unit-actions"
          />
        </Dropdown>
      </Space>
    </span>
  );
}

/** The caller's tree with counts (下属单位 N, 人员 N) and each unit's actions. */
export function UnitTreeView({
  root,
  topId,
  matches,
  expanded,
  onExpand,
  onAction,
}: {
  root: OrganizationTreeNode;
  topId: string;
  matches: Set<string>;
  expanded: string[];
  onExpand: (keys: string[]) => void;
  onAction: (action: UnitAction, node: OrganizationTreeNode) => void;
}) {
  const { t } = useTranslation();
  const data = useMemo(() => {
    const walk = (node: OrganizationTreeNode): DataNode => ({
      key: node.id,
      title: (
        <UnitTitle node={node} isRoot={node.id === topId} matched={matches.has(node.id)} onAction={onAction} t={t} />
      ),
      children: (node.children ?? []).map(walk),
    });
    return [walk(root)];
  }, [root, topId, matches, onAction, t]);
  return (
    <Tree
      blockNode
      selectable={false}
      treeData={data}
      expandedKeys={expanded}
      onExpand={(keys) => onExpand(keys.map(String))}
      height={root.descendantCount > 500 ? 640 : undefined}
      data-testid="unit-tree"
    />
  );
}
