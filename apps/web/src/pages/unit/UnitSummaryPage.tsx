import { useParams } from 'react-router';
import type { FigureView } from '../../api/types.js';
import { useUnit } from '../../auth/unit.js';
import { SummaryWorkspace } from '../../components/summary/SummaryWorkspace.js';
import { UnitNav } from './UnitNav.js';

export function UnitSummaryPage() {
  const { id = '' } = useParams();
  const unit = useUnit();
  const ledgerLink = (f: FigureView) => {
    if (f.source.kind !== 'events') return undefined;
    const type = f.source.filter.eventType as string | undefined;
    return `/unit/${id}/ledger${type ? `?type=${type}` : ''}`;
  };
  return (
    <>
      <UnitNav campaignId={id} />
      {unit && <SummaryWorkspace campaignId={id} orgId={unit.id} scope="UNIT" allowSubmit ledgerLink={ledgerLink} />}
    </>
  );
}
