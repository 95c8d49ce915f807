import { UploadOutlined } from '@ant-design/icons';
import type { OrganizationTreeNode } from '@campaign-month/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Input, Skeleton, Space, Switch } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { adminMutations, invalidateOrganizations } from '../../../api/admin.js';
import { describeError } from '../../../api/errors.js';
import { useOrgTree } from '../../../api/queries.js';
import { useRoles } from '../../../auth/auth.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { ImportDrawer } from '../import/ImportDrawer.js';
import { ArchivedUnits } from './ArchivedUnits.js';
import { ChannelsDrawer } from './ChannelsDrawer.js';
import { MoveUnitModal } from './MoveUnitModal.js';
import { UnitFormModal, type UnitFormTarget } from './UnitFormModal.js';
import { type UnitAction, UnitTreeView } from './UnitTreeView.js';
import { allUnitIds, searchUnits } from './unit-tree.js';

/** 单位管理 (/admin/units): the caller's tree, search, counts, add / edit / move / archive, import. */
export function UnitsPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const roles = useRoles();
  const qc = useQueryClient();
  const tree = useOrgTree(roles.topOrgId);
  const [params, setParams] = useSearchParams();
  const importing = params.get('import') === '1';
  const [q, setQ] = useState('');
  const [expanded, setExpanded] = useState<string[]>([]);
  const [showArchived, setShowArchived] = useState(false);
  const [form, setForm] = useState<UnitFormTarget | null>(null);
  const [moving, setMoving] = useState<OrganizationTreeNode | null>(null);
  const [channelsOf, setChannelsOf] = useState<OrganizationTreeNode | null>(null);

  const search = useMemo(() => (tree.data ? searchUnits(tree.data, q) : null), [tree.data, q]);
  // Opens the top unit at first, and the way to every match while searching.
  useEffect(() => {
    if (tree.data && expanded.length === 0) setExpanded([tree.data.id]);
  }, [tree.data, expanded.length]);
  useEffect(() => {
    if (search && q.trim()) setExpanded(search.expand);
  }, [search, q]);

  const refresh = useCallback(() => invalidateOrganizations(qc), [qc]);

  const onAction = useCallback(
    (action: UnitAction, node: OrganizationTreeNode) => {
      if (action === 'add') setForm({ mode: 'add', parent: node });
      else if (action === 'edit') setForm({ mode: 'edit', unit: node });
      else if (action === 'move') setMoving(node);
      else if (action === 'channels') setChannelsOf(node);
      else
        modal.confirm({
          title: `${t('units.archive')}“${node.name}”`,
          content: t('units.archiveConfirm'),
          okText: t('units.archive'),
          okButtonProps: { danger: true },
          cancelText: t('common.cancel'),
          onOk: async () => {
            try {
              const r = await adminMutations.archiveOrganization(node.id);
              message.success(r.deleted ? t('units.deleted') : t('units.archived'));
              await refresh();
            } catch (err) {
              message.error(describeError(err, t));
            }
          },
        });
    },
    [modal, message, t, refresh],
  );

  const setImporting = (open: boolean) =>
    setParams(
      (p) => {
        if (open) p.set('import', '1');
        else p.delete('import');
        return p;
      },
      { replace: true },
    );

  return (
    <>
      <PageTitle
        title={t('units.title')}
        sub={t('units.subtitle')}
        extra={
          <Button
            type="primary"
            icon={<UploadOutlined />}
            onClick={() => setImporting(true)}
            data-testid="units-import"
          >
            {t('units.import')}
          </Button>
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 12, width: '100%' }}>
          <Input.Search
            allowClear
            placeholder={t('units.search')}
            onChange={(e) => setQ(e.target.value)}
            style={{ width: 260, maxWidth: '100%' }}
            data-testid="units-search"
          />
          <Button onClick={() => setExpanded(allUnitIds(search?.root ?? undefined))}>{t('units.expandAll')}</Button>
          <Button onClick={() => setExpanded([])}>{t('units.collapseAll')}</Button>
          <Space size={6}>
            <Switch checked={showArchived} onChange={setShowArchived} data-testid="units-show-archived" />
            {t('units.showArchived')}
          </Space>
        </Space>
        <ErrorAlert error={tree.error} />
        {tree.isLoading ? (
          <Skeleton active />
        ) : search?.root && roles.topOrgId ? (
          <UnitTreeView
            root={search.root}
            topId={roles.topOrgId}
            matches={search.matches}
            expanded={expanded}
            onExpand={setExpanded}
            onAction={onAction}
          />
        ) : (
          <Empty description={t('units.noMatch')} />
        )}
      </Card>
      {showArchived && <ArchivedUnits onRestored={refresh} />}
      <UnitFormModal
        target={form}
        onClose={() => setForm(null)}
        onSaved={() => {
          setForm(null);
          void refresh();
        }}
      />
      <MoveUnitModal
        root={tree.data}
        unit={moving}
        onClose={() => setMoving(null)}
        onMoved={() => {
          setMoving(null);
          void refresh();
        }}
      />
      <ChannelsDrawer unit={channelsOf} onClose={() => setChannelsOf(null)} />
      <ImportDrawer
        kind="units"
        open={importing}
        onClose={() => setImporting(false)}
        onApplied={() => void refresh()}
      />
    </>
  );
}
