// Server state through TanStack Query: one hook per read, one function per write.
import type { ReportScope, TaskStatus } from '@campaign-month/contracts';
import { keepPreviousData, type QueryClient, useQuery } from '@tanstack/react-query';
import { recall, remember } from '../lib/remember.js';
import { api, apiFetch, unwrap } from './client.js';
import { isTransient } from './errors.js';
import {
  asList,
  normalizeCampaign,
  normalizeEvent,
  normalizeLeadingGroup,
  normalizeProgress,
  normalizeStats,
  normalizeSummary,
  normalizeTask,
  normalizeTemplate,
} from './normalize.js';
import type {
  CampaignView,
  EventView,
  ImportResult,
  LeadingGroupMemberView,
  MeView,
  OrganizationTreeNode,
  Page,
} from './types.js';

const p = (id: string) => ({ path: { id } });
const po = (id: string, orgId: string) => ({ path: { id, orgId } });

export const keys = {
  me: ['me'] as const,
  campaigns: ['campaigns'] as const,
  campaign: (id: string) => ['campaigns', id] as const,
  templates: ['campaign-templates'] as const,
  tree: (orgId: string) => ['org-tree', orgId] as const,
  progress: (id: string) => ['campaigns', id, 'progress'] as const,
  stats: (id: string, orgId?: string) => ['campaigns', id, 'stats', orgId ?? ''] as const,
  tasks: (id: string, orgId?: string) => ['campaigns', id, 'tasks', orgId ?? ''] as const,
  group: (id: string, orgId: string) => ['campaigns', id, 'group', orgId] as const,
  events: (id: string, orgId?: string) => ['campaigns', id, 'events', orgId ?? ''] as const,
  summary: (id: string, orgId: string, scope: ReportScope) => ['campaigns', id, 'summary', orgId, scope] as const,
};

/** Query options whose last answer is kept on the device, so the phone opens without a connection. */
function kept<T>(queryKey: readonly unknown[], queryFn: () => Promise<T>) {
  return {
    queryKey,
    queryFn: async () => {
      const data = await queryFn();
      remember(queryKey, data);
      return data;
    },
    initialData: () => recall<T>(queryKey),
    initialDataUpdatedAt: 0,
  };
}

export function useMe(enabled = true) {
  return useQuery({ ...kept(keys.me, () => unwrap<MeView>(api.GET('/api/v1/me'))), enabled });
}

export function useTemplates() {
  return useQuery({
    queryKey: keys.templates,
    queryFn: async () => asList(await unwrap(api.GET('/api/v1/campaign-templates'))).map(normalizeTemplate),
  });
}

export function useOrgTree(orgId: string | undefined) {
  return useQuery({
    queryKey: keys.tree(orgId ?? ''),
    enabled: !!orgId,
    queryFn: () => unwrap<OrganizationTreeNode>(api.GET('/api/v1/organizations/{id}/tree', { params: p(orgId!) })),
  });
}

export function useCampaigns() {
  return useQuery(
    kept(keys.campaigns, async () => {
      const page = await unwrap<Page<unknown>>(api.GET('/api/v1/campaigns', { params: { query: { pageSize: 200 } } }));
      return asList(page).map(normalizeCampaign);
    }),
  );
}

export function useCampaign(id: string | undefined) {
  return useQuery({
    ...kept(keys.campaign(id ?? ''), async () =>
      normalizeCampaign(await unwrap(api.GET('/api/v1/campaigns/{id}', { params: p(id!) }))),
    ),
    enabled: !!id,
  });
}

export function useProgress(campaign: CampaignView | undefined, today: string) {
  return useQuery({
    queryKey: keys.progress(campaign?.id ?? ''),
    enabled: !!campaign,
    queryFn: async () => {
      // Every unit in scope, 200 a page (a county may have more units than one page holds).
      const rows: unknown[] = [];
      for (let page = 1; page <= 50; page += 1) {
        const res = await unwrap<Page<unknown>>(
          api.GET('/api/v1/campaigns/{id}/progress', {
            params: { path: { id: campaign!.id }, query: { page, pageSize: 200 } },
          }),
        );
        const items = asList(res);
        rows.push(...items);
        if (items.length < 200 || rows.length >= (res.total ?? 0)) break;
      }
      return normalizeProgress(rows, today, campaign!.reportDueOn);
    },
  });
}

export function useStats(id: string | undefined, orgId?: string) {
  return useQuery({
    ...kept(keys.stats(id ?? '', orgId), async () =>
      normalizeStats(
        await unwrap(
          api.GET('/api/v1/campaigns/{id}/stats', {
            params: { path: { id: id! }, query: orgId ? { organizationId: orgId } : {} },
          }),
        ),
      ),
    ),
    enabled: !!id,
  });
}

export function useTasks(id: string | undefined, orgId?: string) {
  return useQuery({
    ...kept(keys.tasks(id ?? '', orgId), async () =>
      asList(
        await unwrap(
          api.GET('/api/v1/campaigns/{id}/tasks', {
            params: { path: { id: id! }, query: { pageSize: 200, ...(orgId ? { organizationId: orgId } : {}) } },
          }),
        ),
      ).map(normalizeTask),
    ),
    enabled: !!id,
  });
}

export function useLeadingGroup(id: string | undefined, orgId: string | undefined) {
  return useQuery({
    ...kept(keys.group(id ?? '', orgId ?? ''), async () => {
      try {
        return normalizeLeadingGroup(
          await unwrap(
            api.GET('/api/v1/campaigns/{id}/organizations/{orgId}/leading-group', { params: po(id!, orgId!) }),
          ),
        );
      } catch (err) {
        if ((err as { status?: number }).status === 404) return { members: [], updatedAt: null, outOfScope: true };
        throw err;
      }
    }),
    enabled: !!id && !!orgId,
    retry: (n, err) => (err as { status?: number }).status !== 404 && isTransient(err) && n < 2,
  });
}

export function useEvents(id: string | undefined, orgId?: string) {
  return useQuery({
    ...kept(keys.events(id ?? '', orgId), async () => {
      const page = await unwrap<Page<unknown>>(
        api.GET('/api/v1/campaigns/{id}/events', {
          params: { path: { id: id! }, query: { pageSize: 200, ...(orgId ? { organizationId: orgId } : {}) } },
        }),
      );
      return {
        items: asList(page).map(normalizeEvent),
        total: (page as Partial<Page<unknown>>)?.total ?? asList(page).length,
      };
    }),
    enabled: !!id,
  });
}

/**
 * An event this phone sent joins the phone's copy of the unit's ledger at once, so that the ledger shows
 * it without a connection even if the ledger was never opened online since (not only the waiting ones).
 */
export function keepInLedgerCopy(campaignId: string, orgId: string, created: unknown): void {
  const key = keys.events(campaignId, orgId);
  const event = normalizeEvent(created);
  const copy = recall<{ items: EventView[]; total: number }>(key) ?? { items: [], total: 0 };
  if (copy.items.some((e) => e.id === event.id)) return;
  remember(key, { items: [event, ...copy.items], total: copy.total + 1 });
}

/**
 * One page of a unit's events, newest day first, as the API pages them (a reviewer's view of a ledger
 * that may be long). The previous page stays on screen while the next one loads.
 */
export function useEventPage(id: string, orgId: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...keys.events(id, orgId), 'page', page, pageSize] as const,
    enabled: !!id && !!orgId,
    placeholderData: keepPreviousData,
    queryFn: async () => {
      const res = await unwrap<Page<unknown>>(
        api.GET('/api/v1/campaigns/{id}/events', {
          params: {
            path: { id },
            query: { organizationId: orgId, page, pageSize, sort: 'occurredOn', order: 'desc' },
          },
        }),
      );
      return { items: asList(res).map(normalizeEvent), total: (res as Partial<Page<unknown>>)?.total ?? 0 };
    },
  });
}

/** An event with its photos (GET /events/:id), for useQuery or useQueries. */
export function eventQuery(eventId: string) {
  return {
    queryKey: ['events', eventId] as const,
    enabled: !!eventId,
    queryFn: async () => normalizeEvent(await unwrap(api.GET('/api/v1/events/{id}', { params: p(eventId) }))),
  };
}

export function useEvent(eventId: string | undefined) {
  return useQuery(eventQuery(eventId ?? ''));
}

/**
 * A summary (null: none generated yet). `keep`: its last answer stays on the device (the unit's own
 * summary, whose status its phone needs offline); a reviewer's many summaries are not kept.
 */
export function useSummary(
  id: string | undefined,
  orgId: string | undefined,
  scope: ReportScope = 'UNIT',
  { keep = false }: { keep?: boolean } = {},
) {
  const queryKey = keys.summary(id ?? '', orgId ?? '', scope);
  // no version generated yet is a normal state: null, not a failed request in the console
  const queryFn = async () => {
    const data = await unwrap<unknown>(
      api.GET('/api/v1/campaigns/{id}/organizations/{orgId}/summary', {
        params: { ...po(id!, orgId!), query: { scope, ifExists: true } },
      }),
    );
    return data ? normalizeSummary(data) : null;
  };
  return useQuery({
    ...(keep ? kept(queryKey, queryFn) : { queryKey, queryFn }),
    enabled: !!id && !!orgId,
  });
}

/** One version of a summary (an earlier one, to compare with): versions never change once written. */
export function useSummaryVersion(id: string, orgId: string, scope: ReportScope, version: number | undefined) {
  return useQuery({
    queryKey: [...keys.summary(id, orgId, scope), 'version', version],
    queryFn: async () =>
      normalizeSummary(
        await unwrap(
          api.GET('/api/v1/campaigns/{id}/organizations/{orgId}/summary', {
            params: { ...po(id, orgId), query: { scope, version } },
          }),
        ),
      ),
    enabled: !!version,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

// Writes ---------------------------------------------------------------------------------------------

export interface CreateCampaignInput {
  templateKey?: string;
  title: string;
  organizerOrgId?: string;
  startsOn: string;
  endsOn: string;
  reportDueOn: string;
  directiveTitle?: string;
  directiveNumber?: string;
  purpose?: string;
  goals?: string;
  participants?: { organizationIds?: string[]; subtreeOf?: string };
}

export const mutations = {
  createCampaign: async (input: CreateCampaignInput) =>
    normalizeCampaign(await unwrap(api.POST('/api/v1/campaigns', { body: input }))),
  addParticipants: (id: string, organizationIds: string[]) =>
    unwrap(api.POST('/api/v1/campaigns/{id}/participants', { params: p(id), body: { organizationIds } })),
  updateCampaign: async (
    id: string,
    body: {
      title: string;
      directiveTitle: string | null;
      directiveNumber: string | null;
      purpose: string | null;
      goals: string | null;
    },
  ) => normalizeCampaign(await unwrap(api.PATCH('/api/v1/campaigns/{id}', { params: p(id), body }))),
  launch: (id: string) => unwrap(api.POST('/api/v1/campaigns/{id}/launch', { params: p(id) })),
  close: (id: string) => unwrap(api.POST('/api/v1/campaigns/{id}/close', { params: p(id) })),
  createTask: async (
    id: string,
    body: {
      organizationId: string;
      title?: string;
      templateTaskKey?: string;
      description?: string;
      dueOn?: string;
      cascade?: 'CHILDREN' | 'PARTICIPANTS';
    },
  ) => unwrap(api.POST('/api/v1/campaigns/{id}/tasks', { params: p(id), body })),
  updateTask: async (taskId: string, body: { status?: TaskStatus; responsibleMemberId?: string | null }) =>
    normalizeTask(await unwrap(api.PATCH('/api/v1/tasks/{id}', { params: p(taskId), body }))),
  saveLeadingGroup: async (id: string, orgId: string, members: LeadingGroupMemberView[]) =>
    normalizeLeadingGroup(
      await unwrap(
        api.PUT('/api/v1/campaigns/{id}/organizations/{orgId}/leading-group', {
          params: po(id, orgId),
          body: { members },
        }),
      ),
    ),
  deleteEvent: (eventId: string) => unwrap(api.DELETE('/api/v1/events/{id}', { params: p(eventId) })),
  /** PATCH /events/:id: the fields sent replace the stored ones; `metrics`, when sent, replaces all values. */
  updateEvent: async (
    eventId: string,
    body: {
      type?: EventView['type'];
      title?: string;
      occurredOn?: string;
      location?: string | null;
      description?: string | null;
      taskId?: string | null;
      metrics?: Record<string, number>;
    },
  ) => normalizeEvent(await unwrap(api.PATCH('/api/v1/events/{id}', { params: p(eventId), body }))),
  generateSummary: async (id: string, orgId: string, scope: ReportScope) =>
    normalizeSummary(
      await unwrap(
        api.POST('/api/v1/campaigns/{id}/organizations/{orgId}/summary', { params: po(id, orgId), body: { scope } }),
      ),
    ),
  saveNarrative: async (
    id: string,
    orgId: string,
    version: number,
    narrative: Record<string, string>,
    scope: ReportScope,
  ) =>
    normalizeSummary(
      await unwrap(
        api.PATCH('/api/v1/campaigns/{id}/organizations/{orgId}/summary', {
          params: { ...po(id, orgId), header: { 'If-Match': String(version) } },
          body: { narrative, scope },
        }),
      ),
    ),
  submitSummary: (id: string, orgId: string, scope: ReportScope) =>
    unwrap(
      api.POST('/api/v1/campaigns/{id}/organizations/{orgId}/summary/submit', {
        params: po(id, orgId),
        body: { scope },
      }),
    ),
  approveSummary: (id: string, orgId: string, scope: ReportScope) =>
    unwrap(
      api.POST('/api/v1/campaigns/{id}/organizations/{orgId}/summary/approve', {
        params: po(id, orgId),
        body: { scope },
      }),
    ),
  returnSummary: (id: string, orgId: string, comment: string, scope: ReportScope) =>
    unwrap(
      api.POST('/api/v1/campaigns/{id}/organizations/{orgId}/summary/return', {
        params: po(id, orgId),
        body: { comment, scope },
      }),
    ),
  importLedger: async (id: string, file: File, dryRun: boolean): Promise<ImportResult> => {
    const form = new FormData();
    form.append('file', file);
    const res = await apiFetch(
      `/api/v1/campaigns/${encodeURIComponent(id)}/events/import${dryRun ? '?dryRun=true' : ''}`,
      { method: 'POST', body: form },
    );
    return (await res.json().catch(() => ({}))) as ImportResult;
  },
};

export function invalidateCampaign(qc: QueryClient, id: string) {
  return qc.invalidateQueries({ queryKey: keys.campaign(id) });
}
