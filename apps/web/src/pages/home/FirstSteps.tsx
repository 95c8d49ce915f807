import { CheckCircleFilled } from '@ant-design/icons';
import { Button, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUsers } from '../../api/admin.js';
import { useOrgTree } from '../../api/queries.js';
import { useRoles } from '../../auth/auth.js';
import { allUnitIds } from '../admin/units/unit-tree.js';
import { firstSteps, showFirstSteps } from './first-steps.js';

/** 开始使用 for an administrator who runs the months too: import units, import people, create a month. */
export function FirstSteps({ campaigns }: { campaigns: number | undefined }) {
  const { t } = useTranslation();
  const roles = useRoles();
  const admin = roles.canManageUnits && roles.canManageUsers && roles.canOrganize;
  const tree = useOrgTree(admin ? roles.topOrgId : undefined);
  const users = useUsers({ pageSize: 1 }, admin);
  if (!admin || !tree.data || !users.data || campaigns === undefined) return null;
  const input = { units: allUnitIds(tree.data).length, users: users.data.total, campaigns };
  if (!showFirstSteps(input)) return null;
  const steps = firstSteps(input);
  const next = steps.findIndex((s) => !s.done);
  return (
    <Card title={t('firstSteps.title')} style={{ marginBottom: 16 }} data-testid="first-steps">
      <Typography.Paragraph type="secondary">{t('firstSteps.hint')}</Typography.Paragraph>
      <ol className="cm-first-steps">
        {steps.map((s, i) => (
          <li
            key={s.key}
            className={s.done ? 'done' : undefined}
            data-testid={`first-step-${s.key}`}
            data-done={s.done}
          >
            <span className="cm-first-step-mark" aria-hidden>
              {s.done ? <CheckCircleFilled /> : i + 1}
            </span>
            <div style={{ minWidth: 0 }}>
              <Typography.Text strong>{t(`firstSteps.${s.key}.title`)}</Typography.Text>
              <Typography.Paragraph type="secondary" style={{ margin: '4px 0 8px' }}>
                {t(`firstSteps.${s.key}.desc`)}
              </Typography.Paragraph>
              {s.done ? (
                <Typography.Text type="success">{t('firstSteps.done')}</Typography.Text>
              ) : (
                <Link to={s.to}>
                  <Button type={i === next ? 'primary' : 'default'} size="small">
                    {t(`firstSteps.${s.key}.action`)}
                  </Button>
                </Link>
              )}
            </div>
          </li>
        ))}
      </ol>
    </Card>
  );
}
