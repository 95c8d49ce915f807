import type { CampaignStatus, ReportStatus, TaskStatus } from '@campaign-month/contracts';
import { Badge, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TrafficLight } from '../api/types.js';

const LIGHT_COLOR: Record<TrafficLight, string> = { GREEN: '#2e7d32', YELLOW: '#f9a825', RED: '#c62828' };

export function TrafficLightBadge({ light, withText = true }: { light: TrafficLight; withText?: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={LIGHT_COLOR[light]}
      text={withText ? t(`light.${light}`) : undefined}
      aria-label={t(`light.${light}`)}
      data-light={light}
    />
  );
}

const REPORT_COLOR: Record<ReportStatus, string> = {
  DRAFT: 'default',
  SUBMITTED: 'processing',
  APPROVED: 'success',
  RETURNED: 'warning',
};

export function ReportStatusTag({ status }: { status: ReportStatus | null | undefined }) {
  const { t } = useTranslation();
  if (!status) return <Tag>{t('reportStatus.NONE')}</Tag>;
  return <Tag color={REPORT_COLOR[status]}>{t(`reportStatus.${status}`)}</Tag>;
}

const TASK_COLOR: Record<TaskStatus, string> = {
  TODO: 'default',
  IN_PROGRESS: 'processing',
  DONE: 'success',
  CANCELLED: 'default',
};

export function TaskStatusTag({ status }: { status: TaskStatus }) {
  const { t } = useTranslation();
  return <Tag color={TASK_COLOR[status]}>{t(`taskStatus.${status}`)}</Tag>;
}

const CAMPAIGN_COLOR: Record<CampaignStatus, string> = { DRAFT: 'default', ACTIVE: 'red', CLOSED: 'default' };

export function CampaignStatusTag({ status }: { status: CampaignStatus }) {
  const { t } = useTranslation();
  return <Tag color={CAMPAIGN_COLOR[status]}>{t(`campaignStatus.${status}`)}</Tag>;
}
