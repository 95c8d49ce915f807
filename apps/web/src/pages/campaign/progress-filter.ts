import type { ReportStatus } from '@campaign-month/contracts';
import type { ProgressRow, TrafficLight } from '../../api/types.js';

export interface ProgressFilter {
  light: TrafficLight | 'ALL';
  summary: ReportStatus | 'NONE' | 'ALL';
  group: 'ALL' | 'SET' | 'MISSING';
  q: string;
}

const ORDER: Record<TrafficLight, number> = { RED: 0, YELLOW: 1, GREEN: 2 };

/** Rows matching the board's filters, red first, then by name. */
export function filterProgress(rows: ProgressRow[], f: ProgressFilter): ProgressRow[] {
  const q = f.q.trim().toLowerCase();
  return rows
    .filter((r) => f.light === 'ALL' || r.light === f.light)
    .filter((r) => f.summary === 'ALL' || (f.summary === 'NONE' ? !r.summaryStatus : r.summaryStatus === f.summary))
    .filter((r) => f.group === 'ALL' || (f.group === 'SET') === r.leadingGroupSet)
    .filter((r) => !q || r.name.toLowerCase().includes(q))
    .sort((a, b) => ORDER[a.light] - ORDER[b.light] || a.name.localeCompare(b.name, 'zh-CN'));
}
