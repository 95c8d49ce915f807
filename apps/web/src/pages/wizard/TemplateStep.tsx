import { Card, Col, Empty, Radio, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CampaignTemplateView } from '../../api/types.js';

export function TemplateStep({
  templates,
  loading,
  value,
  onChange,
}: {
  templates: CampaignTemplateView[] | undefined;
  loading: boolean;
  value: string | null;
  onChange: (key: string | null) => void;
}) {
  const { t } = useTranslation();
  if (loading) return <Skeleton active />;
  return (
    <Radio.Group value={value ?? ''} onChange={(e) => onChange(e.target.value || null)} style={{ width: '100%' }}>
      <Row gutter={[16, 16]}>
        {(templates ?? []).map((tpl) => (
          <Col xs={24} md={12} xl={8} key={tpl.key}>
            <Card
              hoverable
              onClick={() => onChange(tpl.key)}
              style={{ height: '100%', borderColor: value === tpl.key ? '#c62828' : undefined }}
              data-testid={`template-${tpl.key}`}
            >
              <Radio value={tpl.key}>
                <Typography.Text strong>{tpl.title}</Typography.Text>
              </Radio>
              {tpl.purpose && (
                <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginTop: 8 }}>
                  {tpl.purpose}
                </Typography.Paragraph>
              )}
              <Space size={[4, 4]} wrap>
                {tpl.metrics.slice(0, 6).map((m) => (
                  <Tag key={m.key}>
                    {m.label}（{m.unit}）
                  </Tag>
                ))}
              </Space>
              {tpl.suggestedTasks.length > 0 && (
                <div style={{ marginTop: 8, color: '#8c8c8c', fontSize: 12 }}>
                  {t('wizard.suggestedTaskCount', { count: tpl.suggestedTasks.length })}
                </div>
              )}
            </Card>
          </Col>
        ))}
        <Col xs={24} md={12} xl={8}>
          <Card
            hoverable
            onClick={() => onChange(null)}
            style={{ height: '100%', borderColor: value === null ? '#c62828' : undefined }}
          >
            <Radio value="">
              <Typography.Text strong>{t('wizard.blank')}</Typography.Text>
            </Radio>
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              {t('wizard.blankHint')}
            </Typography.Paragraph>
          </Card>
        </Col>
      </Row>
      {!templates?.length && <Empty description={t('wizard.noTemplates')} />}
    </Radio.Group>
  );
}
