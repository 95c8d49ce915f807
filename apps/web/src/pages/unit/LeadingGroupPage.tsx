import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useUnit } from '../../auth/unit.js';
import { LeadingGroupForm } from '../../components/leading-group/LeadingGroupForm.js';
import { PageTitle } from '../../components/PageTitle.js';
import { UnitNav } from './UnitNav.js';

/** The signed-in unit's own leading group; saving goes back to the unit's campaign home. */
export function LeadingGroupPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const unit = useUnit();
  const navigate = useNavigate();
  return (
    <>
      <UnitNav campaignId={id} />
      <PageTitle title={t('group.title')} sub={t('group.subtitle')} />
      <LeadingGroupForm campaignId={id} orgId={unit?.id} editable onSaved={() => navigate(`/unit/${id}`)} />
    </>
  );
}
