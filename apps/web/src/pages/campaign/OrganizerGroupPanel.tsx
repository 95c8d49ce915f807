import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CampaignView } from '../../api/types.js';
import { LeadingGroupForm } from '../../components/leading-group/LeadingGroupForm.js';
import { organizerGroupMode } from '../../components/leading-group/roster.js';

/**
 * The 领导小组 tab of a month: the organizing office's own group, the one its roll-up names in the
 * first section. Those who may record it edit it here; everyone else reads it.
 */
export function OrganizerGroupPanel({ campaign, mayRecord }: { campaign: CampaignView; mayRecord: boolean }) {
  const { t } = useTranslation();
  const mode = organizerGroupMode({ mayRecord, status: campaign.status });
  return (
    <div data-testid="organizer-group">
      <Typography.Paragraph type="secondary" data-testid="organizer-group-hint">
        {campaign.organizerName
          ? t('campaign.group.hintNamed', { org: campaign.organizerName })
          : t('campaign.group.hint')}
      </Typography.Paragraph>
      {mode === 'closed' && (
        <Alert type="info" showIcon title={t('campaign.group.closed')} style={{ marginBottom: 16 }} />
      )}
      <LeadingGroupForm
        campaignId={campaign.id}
        orgId={campaign.organizerOrgId || undefined}
        editable={mode === 'edit'}
      />
    </div>
  );
}
