// A unit's phone fetches its daily pages once signed in, so that the service worker keeps their chunks
// and the event form opens without a connection the next day (the routes load each page lazily).
export function prefetchUnitPages(): void {
  void Promise.all([
    import('./pages/unit/UnitHomePage.js'),
    import('./pages/unit/UnitCampaignPage.js'),
    import('./pages/unit/EventFormPage.js'),
    import('./pages/unit/LedgerPage.js'),
    import('./pages/unit/LeadingGroupPage.js'),
    import('./pages/unit/UnitTasksPage.js'),
    import('./pages/unit/UnitSummaryPage.js'),
  ]).catch(() => undefined);
}
