import {
  CloudUploadOutlined,
  DisconnectOutlined,
  GlobalOutlined,
  KeyOutlined,
  LogoutOutlined,
  MenuOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Button, Drawer, Dropdown, Grid, Layout, Menu, Space, Tag, Typography } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth, useRoles } from '../auth/auth.js';
import { type Language, setLanguage } from '../i18n/index.js';
import { useOnline, useQueuedEvents } from '../offline/runtime.js';
import { prefetchUnitPages } from '../prefetch.js';
import { ChangePasswordModal } from './ChangePasswordModal.js';
import { NotificationBell } from './NotificationBell.js';

export function LanguageSwitch() {
  const { i18n, t } = useTranslation();
  const next: Language = i18n.language === 'en' ? 'zh-CN' : 'en';
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      onClick={() => setLanguage(next)}
      aria-label={t('nav.language')}
      data-testid="language-switch"
    >
      {next === 'en' ? 'EN' : '中文'}
    </Button>
  );
}

export function SyncStatus() {
  const { t } = useTranslation();
  const online = useOnline();
  const queued = useQueuedEvents();
  const waiting = queued.filter((q) => q.state === 'waiting').length;
  const failed = queued.filter((q) => q.state === 'failed').length;
  return (
    <Space size={4} data-testid="sync-status">
      {!online && (
        <Tag icon={<DisconnectOutlined />} color="default" data-testid="offline-tag">
          {t('sync.offline')}
        </Tag>
      )}
      {waiting > 0 && (
        <Tag icon={<CloudUploadOutlined />} color="orange" data-testid="queued-tag">
          {t('sync.waiting', { count: waiting })}
        </Tag>
      )}
      {failed > 0 && <Tag color="red">{t('sync.failed', { count: failed })}</Tag>}
    </Space>
  );
}

export function AppLayout() {
  const { t } = useTranslation();
  const { me, signOut } = useAuth();
  const roles = useRoles();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const location = useLocation();
  const navigate = useNavigate();
  const [drawer, setDrawer] = useState(false);
  const [changingPassword, setChangingPassword] = useState(false);
  useEffect(() => {
    // The web font (several hundred KB of glyphs) waits until the user is in: the log-in page reads well
    // in the phone's own Chinese font and opens fast on a weak network (issue 20).
    void import('@fontsource-variable/noto-sans-sc');
    if (roles.canReport) prefetchUnitPages();
  }, [roles.canReport]);

  type Item = { key: string; label: ReactNode; children?: Item[] };
  const link = (to: string, label: string): Item => ({ key: to, label: <Link to={to}>{label}</Link> });
  const items: Item[] = [];
  if (roles.canOrganize || roles.roles.has('VIEWER') || roles.roles.has('ADMIN'))
    items.push(link('/campaigns', t('nav.campaigns')));
  if (roles.canReport) items.push(link('/unit', t('nav.unit')));
  const admin: Item[] = [];
  if (roles.canManageUnits) admin.push(link('/admin/units', t('nav.units')));
  if (roles.canManageUsers) admin.push(link('/admin/users', t('nav.users')));
  if (roles.canAudit) admin.push(link('/admin/audit', t('nav.audit')));
  if (admin.length)
    items.push({ key: 'admin', label: <span data-testid="nav-admin">{t('nav.admin')}</span>, children: admin });
  const selected = items
    .flatMap((i) => i.children ?? [i])
    .map((i) => i.key)
    .filter((k) => location.pathname.startsWith(k));

  const userMenu = {
    items: [
      { key: 'who', disabled: true, label: <span>{me?.phone ?? me?.email}</span> },
      ...(me?.memberships ?? []).map((m) => ({
        key: m.id,
        disabled: true,
        label: (
          <span>
            {m.organizationName} · {t(`role.${m.role}`)}
          </span>
        ),
      })),
      { type: 'divider' as const },
      { key: 'password', icon: <KeyOutlined />, label: t('nav.changePassword') },
      { key: 'logout', icon: <LogoutOutlined />, label: t('nav.signOut'), danger: true },
    ],
    onClick: async ({ key }: { key: string }) => {
      if (key === 'password') setChangingPassword(true);
      if (key === 'logout') {
        await signOut();
        navigate('/login', { replace: true });
      }
    },
  };

  return (
    <Layout style={{ minHeight: '100dvh' }}>
      <Layout.Header
        className="cm-header"
        style={{ padding: '0 16px', background: 'linear-gradient(90deg, #b71c1c, #d32f2f)' }}
      >
        <Space size={phone ? 8 : 24} style={{ flex: 1, minWidth: 0 }}>
          {phone && items.length > 1 && (
            <Button
              type="text"
              icon={<MenuOutlined />}
              onClick={() => setDrawer(true)}
              aria-label={t('nav.menu')}
              style={{ color: '#fff' }}
            />
          )}
          <Link to="/" className="cm-brand">
            <span className="cm-brand-mark" aria-hidden>
              宣
            </span>
            {!phone && (
              <Typography.Text strong style={{ color: '#fff', whiteSpace: 'nowrap' }}>
                {t('app.name')}
              </Typography.Text>
            )}
          </Link>
          {!phone && items.length > 1 && (
            <Menu
              mode="horizontal"
              theme="dark"
              selectedKeys={selected}
              items={items}
              style={{ flex: 1, minWidth: 200, background: 'transparent' }}
            />
          )}
        </Space>
        <Space size={4}>
          <SyncStatus />
          <NotificationBell phone={phone} />
          <LanguageSwitch />
          <Dropdown menu={userMenu} trigger={['click']}>
            <Button type="text" icon={<UserOutlined />} data-testid="user-menu" style={{ color: '#fff' }}>
              {!phone && me?.name}
            </Button>
          </Dropdown>
        </Space>
      </Layout.Header>
      <Drawer open={drawer} onClose={() => setDrawer(false)} placement="left" size={260} title={t('app.name')}>
        <Menu
          mode="inline"
          selectedKeys={selected}
          defaultOpenKeys={['admin']}
          items={items}
          onClick={() => setDrawer(false)}
        />
      </Drawer>
      <ChangePasswordModal open={changingPassword} onClose={() => setChangingPassword(false)} />
      <Layout.Content className={phone ? 'cm-content cm-content-phone' : 'cm-content'}>
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
