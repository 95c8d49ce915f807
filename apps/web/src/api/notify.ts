// 督办 over the API: the bell (notifications), 催办 and who chased a unit, a month's reminder rules, a
// unit's notification channels and the test job that tries them.
import { useQuery } from '@tanstack/react-query';
import type { ChaseResult, ReminderRules } from '../lib/notify.js';
import { api, unwrap } from './client.js';
import type { Page } from './types.js';

export interface NotificationView {
  id: string;
  kind: string;
  campaignId: string | null;
  organizationId: string | null;
  title: string;
  body: string | null;
  link: string | null;
  actorId: string | null;
  readAt: string | null;
  createdAt: string;
}

export interface ChaseRecord {
  id: string;
  actorName: string | null;
  filter: string | null;
  message: string | null;
  recipients: number;
  createdAt: string;
}

export type ChannelKind = 'WECOM' | 'DINGTALK' | 'WEBHOOK' | 'EMAIL';
export interface ChannelView {
  id: string;
  kind: ChannelKind;
  url: string | null;
  secretMasked: string | null;
  to: string[];
  enabled: boolean;
  lastSuccessAt: string | null;
  lastFailure: { at: string; status: number | null; message: string | null } | null;
}
export interface ChannelInput {
  id?: string;
  kind: ChannelKind;
  url?: string;
  secret?: string;
  to?: string[];
  enabled: boolean;
}
export interface JobView {
  id?: string;
  status: 'QUEUED' | 'RUNNING' | 'RETRYING' | 'COMPLETED' | 'FAILED' | 'CANCELLED';
  progress?: number | null;
  result?: unknown;
  error?: unknown;
}
export type ChaseFilter = 'OVERDUE' | 'DUE_SOON' | 'NO_GROUP' | 'NO_SUMMARY';

export const notifyKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread-count'] as const,
  list: ['notifications', 'list'] as const,
  chases: (id: string, orgId: string) => ['campaigns', id, 'reminders', orgId] as const,
  rules: (id: string) => ['campaigns', id, 'reminder-rules'] as const,
  channels: (orgId: string) => ['notification-channels', orgId] as const,
};

// The generated paths type some answers loosely; these calls go through the typed client with casts.
const loose = api as unknown as {
  GET: (path: string, init?: unknown) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
  POST: (path: string, init?: unknown) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
  PUT: (path: string, init?: unknown) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
};

/** The bell's count: every 60 s and whenever the window regains focus. */
export function useUnreadCount(enabled = true) {
  return useQuery({
    queryKey: notifyKeys.unread,
    enabled,
    queryFn: async () => (await unwrap<{ unread: number }>(loose.GET('/api/v1/notifications/unread-count'))).unread,
    refetchInterval: 60_000,
    refetchOnWindowFocus: 'always',
    staleTime: 10_000,
  });
}

/** The newest notifications (the API answers newest first), read only while the list is open. */
export function useNotifications(open: boolean) {
  return useQuery({
    queryKey: notifyKeys.list,
    enabled: open,
    queryFn: () =>
      unwrap<Page<NotificationView>>(
        loose.GET('/api/v1/notifications', { params: { query: { page: 1, pageSize: 30 } } }),
      ),
    refetchOnWindowFocus: 'always',
  });
}

export function useChases(campaignId: string | undefined, orgId: string | undefined) {
  return useQuery({
    queryKey: notifyKeys.chases(campaignId ?? '', orgId ?? ''),
    enabled: !!campaignId && !!orgId,
    queryFn: () =>
      unwrap<Page<ChaseRecord>>(
        loose.GET('/api/v1/campaigns/{id}/organizations/{orgId}/reminders', {
          params: { path: { id: campaignId, orgId }, query: { page: 1, pageSize: 5 } },
        }),
      ),
  });
}

export function useReminderRules(campaignId: string, enabled = true) {
  return useQuery({
    queryKey: notifyKeys.rules(campaignId),
    enabled,
    queryFn: () =>
      unwrap<ReminderRules>(
        loose.GET('/api/v1/campaigns/{id}/reminder-rules', { params: { path: { id: campaignId } } }),
      ),
  });
}

export function useChannels(orgId: string | undefined) {
  return useQuery({
    queryKey: notifyKeys.channels(orgId ?? ''),
    enabled: !!orgId,
    queryFn: () =>
      unwrap<{ items: ChannelView[] }>(
        loose.GET('/api/v1/organizations/{id}/notification-channels', { params: { path: { id: orgId } } }),
      ),
  });
}

export const notifyMutations = {
  markRead: (body: { ids: string[] } | { all: true }) =>
    unwrap<{ updated: number; unread: number }>(loose.POST('/api/v1/notifications/read', { body })),
  chase: (campaignId: string, body: { organizationIds?: string[]; filter?: ChaseFilter; message?: string }) =>
    unwrap<ChaseResult>(loose.POST('/api/v1/campaigns/{id}/reminders', { params: { path: { id: campaignId } }, body })),
  saveRules: (campaignId: string, body: ReminderRules) =>
    unwrap<ReminderRules>(
      loose.PUT('/api/v1/campaigns/{id}/reminder-rules', { params: { path: { id: campaignId } }, body }),
    ),
  saveChannels: (orgId: string, body: ChannelInput[]) =>
    unwrap<{ items: ChannelView[] }>(
      loose.PUT('/api/v1/organizations/{id}/notification-channels', { params: { path: { id: orgId } }, body }),
    ),
  testChannels: (orgId: string) =>
    unwrap<{ jobId: string }>(
      loose.POST('/api/v1/organizations/{id}/notification-channels/test', { params: { path: { id: orgId } } }),
    ),
  job: (jobId: string) => unwrap<JobView>(loose.GET('/api/v1/jobs/{id}', { params: { path: { id: jobId } } })),
};
