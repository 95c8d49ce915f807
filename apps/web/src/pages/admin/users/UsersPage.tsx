import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { ROLES, type Role, type UserView } from '@campaign-month/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { adminMutations, invalidateUsers, useUsers } from '../../../api/admin.js';
import { describeError } from '../../../api/errors.js';
import { useAuth } from '../../../auth/auth.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect.js';
import { formatDateTime } from '../../../lib/dates.js';
import { ImportDrawer } from '../import/ImportDrawer.js';
import { InvitationDialog, type ShownInvitation } from './InvitationDialog.js';
import { UserFormModal, type UserFormTarget } from './UserFormModal.js';
import { statusQuery, USER_STATUSES, type UserStatus, userStatus } from './user-status.js';

const STATUS_COLOR: Record<UserStatus, string> = { active: 'green', pending: 'orange', inactive: 'default' };
const PAGE_SIZE = 20;

/** 用户管理 (/admin/users): people in the caller's scope, their units and roles, invitations and imports. */
export function UsersPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { me } = useAuth();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const importing = params.get('import') === '1';
  const [q, setQ] = useState('');
  const [organizationId, setOrganizationId] = useState<string>();
  const [role, setRole] = useState<Role>();
  const [status, setStatus] = useState<UserStatus>();
  const [page, setPage] = useState(1);
  const [form, setForm] = useState<UserFormTarget | null>(null);
  const [invitation, setInvitation] = useState<ShownInvitation | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const users = useUsers({
    page,
    pageSize: PAGE_SIZE,
    ...(q.trim() ? { q: q.trim() } : {}),
    ...(organizationId ? { organizationId, subtree: true } : {}),
    ...(role ? { role } : {}),
    ...statusQuery(status),
  });
  const refresh = () => invalidateUsers(qc);

  const act = async (user: UserView, work: () => Promise<void>) => {
    setBusy(user.id);
    try {
      await work();
    } catch (err) {
      message.error(describeError(err, t));
    } finally {
      setBusy(null);
    }
  };

  const invite = (user: UserView) =>
    act(user, async () => {
      const link = await adminMutations.createInvitation(user.id);
      setInvitation({ name: user.name, link, reset: user.hasPassword });
      void refresh();
    });

  const setActive = (user: UserView, isActive: boolean) =>
    act(user, async () => {
      await adminMutations.updateUser(user.id, { isActive });
      message.success(t(isActive ? 'users.activated' : 'users.deactivated', { name: user.name }));
      await refresh();
    });

  const setImporting = (open: boolean) =>
    setParams(
      (p) => {
        if (open) p.set('import', '1');
        else p.delete('import');
        return p;
      },
      { replace: true },
    );

  const filter =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };

  return (
    <>
      <PageTitle
        title={t('users.title')}
        sub={t('users.subtitle')}
        extra={
          <>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="users-import">
              {t('units.import')}
            </Button>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setForm({ mode: 'new' })}
              data-testid="users-new"
            >
              {t('users.new')}
            </Button>
          </>
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder={t('users.search')}
            onSearch={filter(setQ)}
            style={{ width: 240, maxWidth: '100%' }}
            data-testid="users-search"
          />
          <UnitTreeSelect
            allowClear
            placeholder={t('users.unit')}
            value={organizationId}
            onChange={filter(setOrganizationId)}
            style={{ width: 200, maxWidth: '100%' }}
          />
          <Select<Role>
            allowClear
            placeholder={t('users.role')}
            value={role}
            onChange={filter(setRole)}
            options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
            style={{ width: 120 }}
          />
          <Select<UserStatus>
            allowClear
            placeholder={t('users.status')}
            value={status}
            onChange={filter(setStatus)}
            options={USER_STATUSES.map((s) => ({ value: s, label: t(`users.statusLabel.${s}`) }))}
            style={{ width: 120 }}
            data-testid="users-status"
          />
        </Space>
        <ErrorAlert error={users.error} />
        <Table<UserView>
          rowKey="id"
          size="middle"
          loading={users.isFetching}
          dataSource={users.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          data-testid="users-table"
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: users.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
            showTotal: (count) => t('users.count', { count }),
          }}
          columns={[
            { title: t('users.col.name'), dataIndex: 'name', fixed: 'left' },
            { title: t('users.col.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
            { title: t('users.col.email'), dataIndex: 'email', render: (v: string | null) => v ?? '—' },
            {
              title: t('users.col.memberships'),
              render: (_, u) => (
                <Space size={[0, 4]} wrap>
                  {u.memberships.map((m) => (
                    <Tag key={m.id}>
                      {m.organizationName} · {t(`role.${m.role}`)}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            {
              title: t('users.col.status'),
              render: (_, u) => {
                const s = userStatus(u);
                return (
                  <Tag color={STATUS_COLOR[s]} data-testid="user-status">
                    {t(`users.statusLabel.${s}`)}
                  </Tag>
                );
              },
            },
            {
              title: t('users.col.lastLogin'),
              dataIndex: 'lastLoginAt',
              render: (v: string | null) => (v ? formatDateTime(v, i18n.language) : t('users.never')),
            },
            {
              title: t('common.actions'),
              render: (_, u) => (
                <Space size={0} wrap>
                  <Button type="link" size="small" onClick={() => setForm({ mode: 'edit', user: u })}>
                    {t('users.edit')}
                  </Button>
                  {u.isActive &&
                    u.id !== me?.id &&
                    (u.hasPassword ? (
                      <Popconfirm
                        title={t('users.reset')}
                        description={t('users.resetConfirm')}
                        onConfirm={() => invite(u)}
                        okText={t('users.reset')}
                        cancelText={t('common.cancel')}
                      >
                        <Button type="link" size="small" loading={busy === u.id}>
                          {t('users.reset')}
                        </Button>
                      </Popconfirm>
                    ) : (
                      <Button
                        type="link"
                        size="small"
                        loading={busy === u.id}
                        onClick={() => invite(u)}
                        data-testid="user-invite"
                      >
                        {t('users.invite')}
                      </Button>
                    ))}
                  {u.id !== me?.id && (
                    <Popconfirm
                      title={u.isActive ? t('users.deactivate') : t('users.activate')}
                      description={u.isActive ? t('users.deactivateConfirm') : t('users.activateConfirm')}
                      onConfirm={() => setActive(u, !u.isActive)}
                      okText={u.isActive ? t('users.deactivate') : t('users.activate')}
                      okButtonProps={{ danger: u.isActive }}
                      cancelText={t('common.cancel')}
                    >
                      <Button type="link" size="small" danger={u.isActive}>
                        {u.isActive ? t('users.deactivate') : t('users.activate')}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <UserFormModal
        target={form}
        onClose={() => setForm(null)}
        onSaved={(user, created) => {
          setForm(null);
          void refresh();
          if (created) void invite(user);
        }}
      />
      <InvitationDialog shown={invitation} onClose={() => setInvitation(null)} />
      <ImportDrawer
        kind="users"
        open={importing}
        onClose={() => setImporting(false)}
        onApplied={() => void refresh()}
        after={
          <Alert
            type="info"
            showIcon
            title={t('import.usersNext')}
            action={
              <Button
                size="small"
                onClick={() => {
                  filter(setStatus)('pending');
                  setImporting(false);
                }}
                data-testid="import-show-pending"
              >
                {t('import.showPending')}
              </Button>
            }
          />
        }
      />
    </>
  );
}
