import { CheckOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/errors.js';
import { mutations } from '../../api/queries.js';
import type { TaskView } from '../../api/types.js';

/** After an event logged for a task: one tap marks the task done (the unit decides; nothing is assumed). */
export function MarkTaskDone({ task, campaignId }: { task: TaskView; campaignId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [state, setState] = useState<'ask' | 'busy' | 'done'>('ask');
  const [error, setError] = useState<string | null>(null);
  if (state === 'done')
    return (
      <div style={{ marginTop: 8 }}>
        <Typography.Text type="success" data-testid="task-marked-done">
          {t('event.taskDone', { title: task.title })}
        </Typography.Text>
      </div>
    );
  const mark = async () => {
    setState('busy');
    setError(null);
    try {
      await mutations.updateTask(task.id, { status: 'DONE' });
      await qc.invalidateQueries({ queryKey: ['campaigns', campaignId, 'tasks'] });
      setState('done');
    } catch (err) {
      setError(describeError(err, t));
      setState('ask');
    }
  };
  return (
    <div style={{ marginTop: 8 }}>
      <Typography.Text>{t('event.taskAsk', { title: task.title })}</Typography.Text>{' '}
      <Button
        size="small"
        icon={<CheckOutlined />}
        loading={state === 'busy'}
        onClick={mark}
        data-testid="mark-task-done"
      >
        {t('event.markTaskDone')}
      </Button>
      {error && (
        <div>
          <Typography.Text type="danger">{error}</Typography.Text>
        </div>
      )}
    </div>
  );
}
