import { Form, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MetricDefinitionView } from '../../api/types.js';

/** One count of an event (form field metrics.<key>): whole numbers, or yuan with two decimals for MONEY. */
export function MetricField({ metric: m, testId }: { metric: MetricDefinitionView; testId: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name={['metrics', m.key]}
      label={m.label || t(`metric.${m.key}`, { defaultValue: m.key })}
      rules={[{ type: 'number', min: 0, message: t('fieldError.min', { n: 0 }) }]}
    >
      <InputNumber
        size="large"
        min={0}
        max={m.kind === 'MONEY' ? 1e12 : 1e9}
        precision={m.kind === 'MONEY' ? 2 : 0}
        inputMode={m.kind === 'MONEY' ? 'decimal' : 'numeric'}
        suffix={m.unit || t(`metricUnit.${m.key}`, { defaultValue: '' })}
        style={{ width: '100%' }}
        data-testid={testId}
      />
    </Form.Item>
  );
}
