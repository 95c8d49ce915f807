import type { TaskStatus } from '@campaign-month/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { App, Card, Empty, List, Select, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { describeError } from '../../api/errors.js';
import { keys, mutations, useLeadingGroup, useTasks } from '../../api/queries.js';
import { useRoles } from '../../auth/auth.js';
import { useUnit } from '../../auth/unit.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageTitle } from '../../components/PageTitle.js';
import { TaskStatusTag } from '../../components/StatusBadges.js';
import { daysBetween, formatDay, todayIn } from '../../lib/dates.js';
import { RecentChases } from './RecentChases.js';
import { UnitNav } from './UnitNav.js';

export function UnitTasksPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const unit = useUnit();
  const roles = useRoles();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const tasks = useTasks(id, unit?.id);
  const group = useLeadingGroup(id, unit?.id);
  const today = todayIn(roles.timeZone);
  const members = (group.data?.members ?? []).filter((m) => m.id);
  const mine = (tasks.data ?? []).filter((x) => !unit || x.organizationId === unit.id);

  const update = async (taskId: string, body: { status?: TaskStatus; responsibleMemberId?: string | null }) => {
    try {
      await mutations.updateTask(taskId, body);
      message.success(t('tasks.updated'));
      await qc.invalidateQueries({ queryKey: keys.tasks(id, unit?.id) });
    } catch (err) {
      message.error(describeError(err, t));
    }
  };

  return (
    <>
      <UnitNav campaignId={id} />
      <PageTitle title={t('tasks.mine')} />
      <RecentChases campaignId={id} orgId={unit?.id} />
      <ErrorAlert error={tasks.error} />
      {tasks.isLoading ? (
        <Skeleton active />
      ) : mine.length === 0 ? (
        <Card>
          <Empty description={t('tasks.none')} />
        </Card>
      ) : (
        <List
          dataSource={mine}
          renderItem={(task) => {
            const overdue =
              task.dueOn && task.status !== 'DONE' && task.status !== 'CANCELLED' && daysBetween(today, task.dueOn) < 0;
            return (
              <Card size="small" style={{ marginBottom: 12 }} data-testid="task-card">
                <Space style={{ justifyContent: 'space-between', width: '100%' }} align="start">
                  <Typography.Text strong>{task.title}</Typography.Text>
                  <TaskStatusTag status={task.status} />
                </Space>
                {task.description && (
                  <Typography.Paragraph type="secondary" style={{ margin: '4px 0' }}>
                    {task.description}
                  </Typography.Paragraph>
                )}
                {task.dueOn && (
                  <Typography.Text type={overdue ? 'danger' : 'secondary'} style={{ fontSize: 13 }}>
                    {t('tasks.dueOn', { day: formatDay(task.dueOn, i18n.language) })}
                  </Typography.Text>
                )}
                <Space wrap style={{ marginTop: 8, width: '100%' }}>
                  <Select
                    value={task.status}
                    style={{ width: 120 }}
                    onChange={(s) => update(task.id, { status: s })}
                    options={(['TODO', 'IN_PROGRESS', 'DONE'] as const).map((s) => ({
                      value: s,
                      label: t(`taskStatus.${s}`),
                    }))}
                    aria-label={t('tasks.col.status')}
                  />
                  {members.length > 0 && (
                    <Select
                      allowClear
                      value={task.responsibleMemberId ?? undefined}
                      placeholder={t('tasks.responsible')}
                      style={{ minWidth: 160 }}
                      onChange={(m) => update(task.id, { responsibleMemberId: m ?? null })}
                      options={members.map((m) => ({
                        value: m.id!,
                        label: `${m.name}${m.title ? `（${m.title}）` : ''}`,
                      }))}
                    />
                  )}
                </Space>
              </Card>
            );
          }}
        />
      )}
    </>
  );
}
