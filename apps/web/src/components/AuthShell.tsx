import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { LanguageSwitch } from './AppLayout.js';

/** The public pages' frame (log-in, sign-up, invitation): a card on the brand's red, fitting a phone. */
export function AuthShell({
  title,
  subtitle,
  children,
  width = 400,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  children: ReactNode;
  width?: number;
}) {
  return (
    <div className="cm-auth">
      <Card style={{ width: '100%', maxWidth: width, boxShadow: '0 8px 24px rgba(0,0,0,.12)' }}>
        <div
          style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 8, gap: 8 }}
        >
          <Typography.Title level={3} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          <LanguageSwitch />
        </div>
        {subtitle && <Typography.Paragraph type="secondary">{subtitle}</Typography.Paragraph>}
        {children}
      </Card>
    </div>
  );
}
