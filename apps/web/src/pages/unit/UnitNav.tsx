import { FileTextOutlined, HomeOutlined, OrderedListOutlined, PlusOutlined, TableOutlined } from '@ant-design/icons';
import { Grid, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation, useNavigate } from 'react-router';

/** Phone: a bottom bar with the big "log an event" button in the middle. Desktop: a segmented bar. */
export function UnitNav({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const phone = !Grid.useBreakpoint().md;
  const navigate = useNavigate();
  const location = useLocation();
  const base = `/unit/${campaignId}`;
  const items = [
    { to: base, icon: <HomeOutlined />, label: t('unitNav.home'), end: true },
    { to: `${base}/tasks`, icon: <OrderedListOutlined />, label: t('unitNav.tasks') },
    { to: `${base}/events/new`, icon: <PlusOutlined />, label: t('unitNav.log'), primary: true },
    { to: `${base}/ledger`, icon: <TableOutlined />, label: t('unitNav.ledger') },
    { to: `${base}/summary`, icon: <FileTextOutlined />, label: t('unitNav.summary') },
  ];
  if (phone) {
    return (
      <nav className="cm-bottom-bar" aria-label={t('unitNav.label')}>
        {items.map((i) => (
          <NavLink
            key={i.to}
            to={i.to}
            end={i.end}
            className={({ isActive }) => [isActive ? 'active' : '', i.primary ? 'cm-primary-action' : ''].join(' ')}
            data-testid={`unit-nav-${i.to.split('/').pop()}`}
          >
            {i.icon}
            <span>{i.label}</span>
          </NavLink>
        ))}
      </nav>
    );
  }
  const current =
    items.find((i) => (i.end ? location.pathname === i.to : location.pathname.startsWith(i.to)))?.to ?? '';
  return (
    <Segmented
      style={{ marginBottom: 16 }}
      value={current}
      onChange={(v) => navigate(String(v))}
      options={items.map((i) => ({ value: i.to, label: i.label, icon: i.icon }))}
    />
  );
}
