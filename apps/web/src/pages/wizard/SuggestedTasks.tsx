// The template's tasks on the wizard's last step, each with the day it will be due; all ticked at first.
import { Card, Checkbox, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CampaignTemplateView } from '../../api/types.js';
import { formatDay } from '../../lib/dates.js';
import { templateDueOn } from './task-dates.js';

export function SuggestedTasks({
  template,
  value,
  onChange,
  period,
  launchDay,
}: {
  template: CampaignTemplateView;
  value: string[];
  onChange: (titles: string[]) => void;
  period: { startsOn: string; endsOn: string; reportDueOn: string };
  launchDay: string;
}) {
  const { t, i18n } = useTranslation();
  const dueOf = (offset: number | null | undefined) =>
    templateDueOn(period.startsOn, offset ?? 0, launchDay, period.reportDueOn);
  return (
    <Card size="small" title={t('wizard.suggestedTasks')} style={{ marginBottom: 16 }} data-testid="suggested-tasks">
      <Typography.Paragraph type="secondary">{t('wizard.suggestedTasksHint')}</Typography.Paragraph>
      <Checkbox.Group
        value={value}
        onChange={(x) => onChange(x as string[])}
        style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
        options={template.suggestedTasks.map((task) => ({
          value: task.title,
          label: (
            <Space size={8} wrap>
              <span>{task.title}</span>
              <Tag data-testid="suggested-task-due">
                {t('wizard.taskDue', {
                  day: formatDay(task.dueOffsetDays == null ? period.endsOn : dueOf(task.dueOffsetDays), i18n.language),
                })}
              </Tag>
            </Space>
          ),
        }))}
      />
    </Card>
  );
}
