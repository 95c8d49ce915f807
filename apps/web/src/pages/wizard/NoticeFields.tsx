import { Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * The month's notice as the summary quotes it: 通知文件 and 文号, 活动目的, 工作目标. Used by the wizard
 * and by the edit dialog of a campaign already created.
 */
export function NoticeFields() {
  const { t } = useTranslation();
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={16}>
          <Form.Item name="directiveTitle" label={t('wizard.field.directiveTitle')} rules={[{ max: 300 }]}>
            <Input placeholder={t('wizard.field.directiveTitlePlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="directiveNumber" label={t('wizard.field.directiveNumber')} rules={[{ max: 100 }]}>
            <Input placeholder={t('wizard.field.directiveNumberPlaceholder')} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="purpose" label={t('wizard.field.purpose')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={1000} />
      </Form.Item>
      <Form.Item name="goals" label={t('wizard.field.goals')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
      </Form.Item>
    </>
  );
}
