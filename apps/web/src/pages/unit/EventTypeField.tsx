import type { EventType, OrganizationKind } from '@campaign-month/contracts';
import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { eventTypeLabel, SEARCH_FROM } from './event-types.js';

/** The event form's 活动形式 field: the unit's types under the names its kind uses. */
export function EventTypeField({
  types,
  kind,
  testId,
}: {
  types: EventType[];
  kind: OrganizationKind | undefined;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Form.Item
      name="type"
      label={t('event.field.type')}
      rules={[{ required: true, message: t('fieldError.required') }]}
    >
      <Select
        size="large"
        showSearch={types.length >= SEARCH_FROM ? { optionFilterProp: 'label' } : false}
        data-testid={testId}
        options={types.map((x) => ({ value: x, label: eventTypeLabel(x, kind, t, i18n.language) }))}
      />
    </Form.Item>
  );
}
