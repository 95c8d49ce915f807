import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TaskView } from '../../api/types.js';

/** The event's task (对应任务): the unit's open tasks, and the one the event already names. */
export function TaskField({ tasks, testId }: { tasks: TaskView[]; testId?: string }) {
  const { t } = useTranslation();
  if (tasks.length === 0) return null;
  return (
    <Form.Item name="taskId" label={t('event.field.task')}>
      <Select
        allowClear
        size="large"
        data-testid={testId}
        options={tasks.map((x) => ({ value: x.id, label: x.title }))}
        placeholder={t('event.field.taskPlaceholder')}
      />
    </Form.Item>
  );
}
