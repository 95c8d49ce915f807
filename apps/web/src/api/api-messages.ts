import type { TFunction } from 'i18next';

// The API's messages are English developer text. The ones users actually meet are translated here by
// pattern into the interface language; the rest are shown only where the locale's `untranslated`
// text lets them through (English shows the API's words, Chinese shows nothing).

type Rule = [RegExp, (m: RegExpMatchArray, t: TFunction) => string];

const key =
  (k: string): Rule[1] =>
  (_, t) =>
    t(k);

/** 'Campaign', 'Photo file', 'Resource' → the thing's name in the interface language. */
function entity(name: string, t: TFunction): string {
  return t(`apiEntity.${name.replace(/\s+(\w)/g, (_, c: string) => c.toUpperCase())}`, {
    defaultValue: t('apiEntity.Resource'),
  });
}

const RULES: Rule[] = [
  [/^Your role (?:does not allow|may not)\b/i, key('apiMessage.roleNotAllowed')],
  [/^Only the organizers change .* of a task/i, key('apiMessage.roleNotAllowed')],
  [/^Only the unit.s reporter submits its summary/i, key('apiMessage.onlyReporterSubmits')],
  [/^Summaries are (?:approved|returned) by an organizer of a superior unit/i, key('apiMessage.onlySuperiorReviews')],
  [/summary (?:for this campaign |of .+ )?is approved: its events are read-only/i, key('apiMessage.summaryApproved')],
  [/^The summary still has paragraphs to write/i, key('apiMessage.paragraphsToWrite')],
  [/^Too many log-in attempts/i, key('apiMessage.loginThrottled')],
  [/has changed \(version \d+\)|at the same time|changed meanwhile|was saved first/i, key('apiMessage.staleVersion')],
  [/If-Match/i, key('apiMessage.ifMatch')],
  [/Idempotency-Key was already used/i, key('apiMessage.idempotencyReused')],
  [/Idempotency-Key is still in progress/i, key('apiMessage.idempotencyInProgress')],
  [/^(\w+(?: \w+)?) not found$/i, (m, t) => t('apiMessage.notFound', { what: entity(m[1], t) })],
  [
    /can only be (?:changed|imported) while the campaign is ACTIVE \(it is (\w+)\)/i,
    (m, t) => t('apiMessage.campaignNotActive', { status: t(`campaignStatus.${m[1]}`, { defaultValue: m[1] }) }),
  ],
  [/^The campaign is closed/i, key('apiMessage.campaignClosed')],
  [
    /(?:must lie inside|lies outside) the campaign period (\d{4}-\d\d-\d\d) to (\d{4}-\d\d-\d\d)/i,
    (m, t) => t('apiMessage.outsidePeriod', { from: m[1], to: m[2] }),
  ],
  [/is not a participating unit|^No unit below this one takes part/i, key('apiMessage.notParticipant')],
  [/^Only JPEG, PNG and WebP photos are accepted/i, key('apiMessage.photoType')],
  [/^The file starts like an? \w+ image but cannot be read/i, key('apiMessage.photoUnreadable')],
  [/^An event carries at most (\d+) photos/i, (m, t) => t('apiMessage.tooManyPhotos', { n: m[1] })],
  [/larger than the limit of (.+)$/i, (m, t) => t('apiMessage.tooLarge', { limit: m[1] })],
  [/as an \.xlsx workbook|cannot be read as an \.xlsx workbook/i, key('apiMessage.ledgerType')],
  [/^An account with this e-mail already exists/i, key('apiMessage.emailTaken')],
  [
    /^The summary is \w+(?:; it can be regenerated| and cannot be edited)|^An? \w+ summary cannot become/i,
    key('apiMessage.summaryState'),
  ],
  [/^An? \w+ campaign cannot be (?:launched|closed)/i, key('apiMessage.campaignState')],
  [/^Refresh token|access token is required|^Authentication required/i, key('apiMessage.sessionExpired')],
  [/^This account is not active/i, key('apiMessage.accountInactive')],
];

/** The known API message in the interface language; undefined when no pattern knows it. */
export function matchApiMessage(message: string, t: TFunction): string | undefined {
  for (const [re, f] of RULES) {
    const m = message.match(re);
    if (m) return f(m, t);
  }
  return undefined;
}

/** The API message in the interface language, or undefined when this locale does not show it. */
export function translateApiMessage(message: string, t: TFunction): string | undefined {
  return matchApiMessage(message, t) ?? (t('apiMessage.untranslated', { message }) || undefined);
}
