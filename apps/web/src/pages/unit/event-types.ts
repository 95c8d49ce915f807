// The event types a unit is offered (its kind's, the month's suggested first, 其他 last) and what it calls
// them (a school's MEETING is its 主题班会): libs/contracts unit-kinds, decision 039.
import {
  EVENT_TYPE_LABELS_BY_KIND,
  EVENT_TYPES,
  type EventType,
  eventTypesFor,
  type OrganizationKind,
} from '@campaign-month/contracts';
import type { TFunction } from 'i18next';

export function unitEventTypes(kind: OrganizationKind | undefined, suggested: readonly EventType[]): EventType[] {
  return eventTypesFor(kind, suggested, EVENT_TYPES);
}

/** The type's name for this kind of unit in Chinese; the general name otherwise (and in English). */
export function eventTypeLabel(type: EventType, kind: OrganizationKind | undefined, t: TFunction, lang: string) {
  const own = kind && lang.startsWith('zh') ? EVENT_TYPE_LABELS_BY_KIND[kind]?.[type] : undefined;
  return own ?? t(`eventType.${type}`);
}

/**
 * A short list is a plain picker (on a phone a search box raises the keyboard over the list); a long one
 * can be searched.
 */
export const SEARCH_FROM = 12;
