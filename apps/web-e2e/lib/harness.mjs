// Starts (or finds) the API serving the built web app, sets up a tenant through the API, launches
// chromium, and cleans everything up afterwards.
import { execSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { chromium } from 'playwright-core';

export const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
export const shotsDir = join(root, 'artifacts', 'screenshots');
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
export const PASSWORD = 'Campaign-Month-2026!';

const log = (...a) => console.log('[web-e2e]', ...a);

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function adminQuery(adminUrl, sql) {
  const c = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

async function waitForHealth(url, child, timeoutMs = 90_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child && child.exitCode !== null)
      throw new Error(`the API exited with code ${child.exitCode} before it answered`);
    try {
      const res = await fetch(`${url}/api/v1/health`);
      if (res.ok) {
        const page = await fetch(`${url}/`);
        if (page.ok) return;
      }
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the API at ${url} did not answer within ${timeoutMs / 1000}s`);
}

/** A tiny API client for setting up data and checking results from the test (not through the browser). */
export function apiClient(baseUrl) {
  let token = null;
  const call = async (method, path, body, headers = {}) => {
    const res = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: {
        ...(body ? { 'Content-Type': 'application/json' } : {}),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    let data = text;
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON */
    }
    if (!res.ok) {
      const err = new Error(
        `${method} ${path} -> ${res.status}: ${typeof data === 'string' ? data.slice(0, 300) : JSON.stringify(data).slice(0, 500)}`,
      );
      err.status = res.status;
      err.body = data;
      throw err;
    }
    return data;
  };
  return {
    call,
    get: (p) => call('GET', p),
    post: (p, b, h) => call('POST', p, b, h),
    async login(email, password = PASSWORD) {
      const pair = await call('POST', '/auth/login', { email, password });
      token = pair.accessToken;
      return pair;
    },
    as(email) {
      const other = apiClient(baseUrl);
      return other.login(email).then(() => other);
    },
  };
}

export const list = (x) => (Array.isArray(x) ? x : (x?.items ?? x?.units ?? x?.rows ?? []));

/**
 * Adds a user as an admin does (no password: nobody types another person's password) and lets the user set
 * PASSWORD through the invitation link, as the person would.
 */
async function addUser(baseUrl, admin, { email, phone, name, role, organizationId }) {
  const user = await admin.post('/users', { name, email, phone, memberships: [{ organizationId, role }] });
  const { token } = await admin.post(`/users/${user.id}/invitation`);
  await apiClient(baseUrl).post(`/invitations/${encodeURIComponent(token)}/accept`, { password: PASSWORD });
  return user;
}

async function seed(baseUrl) {
  const suffix = randomBytes(3).toString('hex');
  const emails = {
    admin: `admin-${suffix}@bureau.example`,
    organizer: `organizer-${suffix}@bureau.example`,
    reporter: `reporter-${suffix}@school1.example`,
    reporter2: `reporter-${suffix}@school2.example`,
    viewer: `viewer-${suffix}@bureau.example`,
  };
  const api = apiClient(baseUrl);
  await api.post('/auth/register-tenant', {
    tenantName: `某县教育局-${suffix}`,
    organization: { name: '某县教育局', kind: 'EDUCATION_BUREAU' },
    admin: { name: '王局长', email: emails.admin, password: PASSWORD },
  });
  await api.login(emails.admin);
  const me = await api.get('/me');
  const rootId = me.memberships[0].organizationId;
  const school1 = await api.post('/organizations', { parentId: rootId, name: '某县第一中学', kind: 'SCHOOL' });
  const school2 = await api.post('/organizations', { parentId: rootId, name: '某县第二中学', kind: 'SCHOOL' });
  const hospital = await api.post('/organizations', { parentId: rootId, name: '某县人民医院', kind: 'HOSPITAL' });
  await addUser(baseUrl, api, { email: emails.organizer, name: '李科长', role: 'ORGANIZER', organizationId: rootId });
  await addUser(baseUrl, api, { email: emails.reporter, name: '张老师', role: 'REPORTER', organizationId: school1.id });
  await addUser(baseUrl, api, {
    email: emails.reporter2,
    name: '赵老师',
    role: 'REPORTER',
    organizationId: school2.id,
  });
  await addUser(baseUrl, api, { email: emails.viewer, name: '周主任', role: 'VIEWER', organizationId: rootId });
  return { emails, orgs: { rootId, school1: school1.id, school2: school2.id, hospital: hospital.id } };
}

async function setUp() {
  mkdirSync(shotsDir, { recursive: true });
  const cleanups = [];
  let baseUrl = process.env.WEB_E2E_URL?.replace(/\/$/, '');
  let child = null;
  if (!baseUrl) {
    if (process.env.SKIP_WEB_BUILD !== '1') {
      log('building the web app (vite)');
      execSync(
        `"${process.execPath}" node_modules/vite/bin/vite.js build --config apps/web/vite.config.ts --logLevel warn`,
        { cwd: root, stdio: 'inherit' },
      );
    }
    if (!existsSync(join(root, 'dist/apps/api/src/main.js'))) {
      log('building the API');
      execSync('npm run --silent build', { cwd: root, stdio: 'inherit' });
    }
    const adminUrl =
      process.env.E2E_ADMIN_URL ?? process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
    const name = `cm_web_e2e_${process.pid}_${randomBytes(3).toString('hex')}`;
    await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
    const dbUrl = new URL(adminUrl);
    dbUrl.pathname = `/${name}`;
    log(`database ${name} on ${dbUrl.host}`);
    if (process.env.KEEP_E2E_DB !== '1')
      cleanups.push(() => adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    const storage = mkdtempSync(join(tmpdir(), 'cm-web-e2e-'));
    cleanups.push(() => rmSync(storage, { recursive: true, force: true }));
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, ['--enable-source-maps', 'dist/apps/api/src/main.js'], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: dbUrl.toString(),
        PORT: String(port),
        HOST: '127.0.0.1',
        SEED_DEMO: 'false',
        LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
        STORAGE_DIR: storage,
        LOGIN_MAX_PER_EMAIL: '200',
        LOGIN_MAX_PER_ADDRESS: '2000',
        SIGNUP_MAX_PER_ADDRESS: '200',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    cleanups.unshift(
      () =>
        new Promise((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once('exit', resolve);
          child.kill('SIGTERM');
          setTimeout(() => child.exitCode === null && child.kill('SIGKILL'), 5000).unref();
        }),
    );
    try {
      await waitForHealth(baseUrl, child);
    } catch (err) {
      for (const c of cleanups) await c().catch(() => {});
      throw err;
    }
    log(`API and web app at ${baseUrl}`);
  } else {
    await waitForHealth(baseUrl, null, 30_000);
  }
  const seeded = await seed(baseUrl);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_FLAGS,
  });
  cleanups.unshift(() => browser.close());
  return { baseUrl, browser, api: apiClient(baseUrl), ...seeded, state: {}, cleanups };
}

async function tearDown(ctx) {
  for (const c of ctx.cleanups ?? []) {
    try {
      await c();
    } catch (err) {
      console.error('[web-e2e] cleanup failed:', err.message);
    }
  }
}

export const main = { setUp, tearDown };

export const DESKTOP = {
  viewport: { width: 1366, height: 900 },
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
  acceptDownloads: true,
};
export const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
  userAgent:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36',
  acceptDownloads: true,
};

/** Saves a screenshot once fonts are loaded and animations have settled. */
export async function shot(page, name, options = {}) {
  const fullPage = options.fullPage ?? true;
  await page.evaluate(() => document.fonts?.ready).catch(() => {});
  // A full-page capture paints sticky and fixed bars where the viewport happened to be: lay them flat.
  const flat = fullPage
    ? await page.addStyleTag({
        content: '.cm-header { position: static !important; } .cm-bottom-bar { display: none !important; }',
      })
    : null;
  await page.waitForTimeout(350);
  await page.screenshot({ path: join(shotsDir, `${name}.png`), ...options, fullPage });
  await flat?.evaluate((el) => el.remove()).catch(() => {});
}

/** Logs what goes wrong inside the page: uncaught errors and API answers of 400 and above. */
export function watch(page) {
  page.on('pageerror', (err) => console.error('[browser] page error:', err.message));
  page.on('response', async (res) => {
    const quiet = res.status() === 404 && /\/summary$/.test(new URL(res.url()).pathname); // "no summary yet" is normal
    if (res.status() >= 400 && res.url().includes('/api/') && !quiet) {
      const body = await res.text().catch(() => '');
      console.error(
        `[browser] ${res.request().method()} ${new URL(res.url()).pathname} -> ${res.status()} ${body.slice(0, 300)}`,
      );
    }
  });
}

/** Opens a new page signed in through the login screen. */
export async function signIn(browser, baseUrl, email, contextOptions = DESKTOP) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  watch(page);
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('手机号或邮箱').fill(email);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 20_000 });
  return { context, page };
}
