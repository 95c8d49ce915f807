// Pure logic of 督办 on the web: what each kind of notification is called, the sentence after a 催办,
// and the reminder rules as a form (a switch per rule that may be off: null = 关闭).
import type { TFunction } from 'i18next';

export const NOTIFICATION_KINDS = [
  'TASK_DUE_SOON',
  'TASK_OVERDUE',
  'ESCALATION',
  'NO_GROUP',
  'NO_EVENTS',
  'SUMMARY_DUE_SOON',
  'SUMMARY_RETURNED',
  'CHASE',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The label of a kind; a kind this build does not know yet (a newer API) reads 通知. */
export function kindLabel(kind: string | null | undefined, t: TFunction): string {
  return (NOTIFICATION_KINDS as readonly string[]).includes(kind ?? '')
    ? t(`notify.kind.${kind}`)
    : t('notify.kind.OTHER');
}

/** The colour of a kind's tag: overdue and escalation red, returned summaries orange, the rest blue. */
export function kindColor(kind: string | null | undefined): string {
  if (kind === 'TASK_OVERDUE' || kind === 'ESCALATION' || kind === 'CHASE') return 'red';
  if (kind === 'SUMMARY_RETURNED' || kind === 'TASK_DUE_SOON' || kind === 'SUMMARY_DUE_SOON') return 'orange';
  return 'blue';
}

/** The bell's badge: 99+ beyond 99. */
export const badgeText = (unread: number) => (unread > 99 ? '99+' : String(unread));

export interface ChaseResult {
  units: number;
  recipients: number;
  skipped: { organizationId: string; reason: string; lastChasedAt?: string | null }[];
}

/**
 * 已催办 N 个单位，通知 N 人；N 个单位一小时内已催办过，已跳过 — the parts that apply, and 没有需要催办的单位
 * when nothing was sent and nothing skipped.
 */
export function chaseResultMessage(r: ChaseResult, t: TFunction): { type: 'success' | 'warning'; text: string } {
  const skipped = r.skipped?.length ?? 0;
  const parts: string[] = [];
  if (r.units > 0) parts.push(t('chase.result.sent', { units: r.units, recipients: r.recipients }));
  if (skipped > 0) parts.push(t('chase.result.skipped', { count: skipped }));
  if (!parts.length) return { type: 'warning', text: t('chase.result.nothing') };
  return { type: r.units > 0 ? 'success' : 'warning', text: parts.join(t('chase.result.separator')) };
}

export interface ReminderRules {
  dueSoonDays: number;
  overdue: boolean;
  escalateAfterDays: number | null;
  noGroupByDay: number | null;
  noEventDays: number | null;
  summaryDueSoonDays: number | null;
  digestHour: number;
}

/** The rules that may be off (null), with the value a switch turned on starts from. */
export const NULLABLE_RULES = {
  escalateAfterDays: 3,
  noGroupByDay: 3,
  noEventDays: 7,
  summaryDueSoonDays: 3,
} as const;
type Nullable = keyof typeof NULLABLE_RULES;

export type RulesForm = Omit<ReminderRules, Nullable> & {
  [K in Nullable]: { on: boolean; value: number };
};

export function rulesToForm(r: ReminderRules): RulesForm {
  const f = { ...r } as unknown as RulesForm;
  for (const k of Object.keys(NULLABLE_RULES) as Nullable[])
    f[k] = { on: r[k] !== null && r[k] !== undefined, value: r[k] ?? NULLABLE_RULES[k] };
  return f;
}

/** PUT needs every field: the form back to the API's shape, a switched-off rule as null. */
export function formToRules(f: RulesForm): ReminderRules {
  const r = {
    dueSoonDays: Number(f.dueSoonDays),
    overdue: !!f.overdue,
    digestHour: Number(f.digestHour),
  } as ReminderRules;
  for (const k of Object.keys(NULLABLE_RULES) as Nullable[]) r[k] = f[k]?.on ? Number(f[k].value) : null;
  return r;
}

/** A test job is done once it has COMPLETED, FAILED or been CANCELLED. */
export const jobDone = (status: string | undefined) =>
  status === 'COMPLETED' || status === 'FAILED' || status === 'CANCELLED';

/** The per-channel results of a test job, whatever shape its `result` has (an array or {channels: []}). */
export function testResults(
  result: unknown,
): { channelId?: string; kind?: string; ok: boolean; status?: number | null; message?: string | null }[] {
  const list = Array.isArray(result)
    ? result
    : Array.isArray((result as { channels?: unknown })?.channels)
      ? (result as { channels: unknown[] }).channels
      : Array.isArray((result as { results?: unknown })?.results)
        ? (result as { results: unknown[] }).results
        : [];
  return list.map((x) => {
    const o = x as Record<string, unknown>;
    return {
      channelId: (o.channelId ?? o.id) as string | undefined,
      kind: o.kind as string | undefined,
      ok: o.ok === true || o.success === true || o.status === 'SENT',
      status: (typeof o.httpStatus === 'number' ? o.httpStatus : typeof o.status === 'number' ? o.status : null) as
        | number
        | null,
      message: (o.message ?? o.error ?? null) as string | null,
    };
  });
}
