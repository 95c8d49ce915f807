// Browser tests of the web app: playwright-core driving Debian's chromium against the built app served
// by the API on a fresh PostgreSQL database.
//
//   node apps/web-e2e/run.mjs
//
// Without WEB_E2E_URL it builds the web app (vite; SKIP_WEB_BUILD=1 to reuse dist/apps/web), builds the
// API when dist/apps/api is missing, creates a database on E2E_ADMIN_URL (default the local PostgreSQL),
// starts the API on a free port with SEED_DEMO=false, and drops the database afterwards (KEEP_E2E_DB=1
// keeps it). With WEB_E2E_URL it drives that running API + web app instead. Either way the tenant,
// organizations and users are set up through the API. Screenshots go to artifacts/screenshots/.
// CHROMIUM_PATH overrides /usr/bin/chromium.

import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { main, shotsDir } from './lib/harness.mjs';
import { issue20 } from './issue20.mjs';
import { onboarding } from './onboarding.mjs';
import { reminders } from './reminders.mjs';
import { scenarios } from './scenarios.mjs';

const ctx = {};
before(async () => Object.assign(ctx, await main.setUp()), { timeout: 300_000 });
after(async () => main.tearDown(ctx), { timeout: 60_000 });

for (const s of [...scenarios, ...onboarding, ...issue20, ...reminders]) {
  test(s.name, { timeout: s.timeout ?? 120_000 }, async (t) => {
    const missing = (s.needs ?? []).filter((k) => ctx.state[k] === undefined);
    if (missing.length) {
      t.skip(`needs ${missing.join(', ')} from an earlier step`);
      return;
    }
    try {
      await s.run(ctx, t);
    } catch (err) {
      // What the screens showed when it failed, for whoever reads the CI artifacts.
      // Every page still open, the scenario's own ones included (not only those kept in ctx.state).
      const pages = ctx.browser.contexts().flatMap((c) => c.pages());
      for (const [i, page] of pages.entries()) {
        if (page.isClosed()) continue;
        const who = Object.entries(ctx.state).find(([, v]) => v?.page === page)?.[0] ?? `page${i}`;
        await page
          .screenshot({ path: join(shotsDir, `failed-${s.name.slice(0, 40).replace(/[^\w]+/g, '-')}-${who}.png`) })
          .catch(() => {});
      }
      throw err;
    }
  });
}
