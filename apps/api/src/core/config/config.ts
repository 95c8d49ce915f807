// One typed configuration object, read from the environment once and validated at start-up.
// A missing or bad variable stops the process with a message naming it. Features never read process.env.

export type StorageDriver = 'local' | 's3';

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /**
   * The web app's public origin (PUBLIC_URL), used to build links handed to people, such as invitation
   * links `${publicUrl}/invite/${token}`. Never derived from a request's Host header.
   */
  publicUrl: string;
  /** Unset: the embedded PostgreSQL (PGlite) is started and used. */
  databaseUrl: string | null;
  embeddedDb: { dataDir: string; port: number };
  /** Load the demo data when the database has no tenant yet. */
  seedDemo: boolean;
  /** secret null: generated once and kept with the data (core/auth/signing-secret.ts). */
  jwt: { secret: string | null; accessTtlSeconds: number; refreshTtlDays: number };
  corsOrigins: string[];
  trustProxy: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  storage: {
    driver: StorageDriver;
    dir: string;
    s3: {
      bucket: string;
      region: string;
      endpoint: string | null;
      accessKeyId: string | null;
      secretAccessKey: string | null;
      forcePathStyle: boolean;
    };
  };
  uploads: { maxPhotoBytes: number; maxImportBytes: number };
  loginThrottle: { perEmail: number; perAddress: number; windowSeconds: number };
  /** Sign-ups (register-tenant) per address per window; every attempt counts. */
  signupThrottle: { perAddress: number; windowSeconds: number };
  /** Invitation look-ups and acceptances per address per window; every attempt counts. */
  invitationThrottle: { perAddress: number; windowSeconds: number };
  renderConcurrency: number;
  webDir: string | null;
  dbPoolSize: number;
  /** Row-level security: connections run as campaign_month_app with the request's tenant set. */
  rowLevelSecurity: boolean;
  /**
   * Hot-path SQL as named prepared statements (planned once per connection). Off behind a pooler that
   * shares sessions between connections (PgBouncer in transaction mode), and on the embedded database.
   */
  preparedStatements: boolean;
  /** Run the job workers (deliveries, rule checks, digests) in this process; `npm run worker` runs them alone. */
  workers: boolean;
  /** Job handlers running at once per process (they share the database pool with the requests). */
  jobsConcurrency: number;
  notify: NotifyConfig;
}

/** Reminders, notifications and their delivery (modules/reminders, modules/channels, core/jobs). */
export interface NotifyConfig {
  /** smtp://user:pass@host:port or smtps://…; null: e-mail is off (channels of kind EMAIL fail, no digests). */
  smtpUrl: string | null;
  smtpFrom: string;
  /** Channel URLs may point into private networks (tests reach their local sinks this way). */
  allowPrivateUrls: boolean;
  /** Absolute base of the web app for links in e-mails and robot messages; null: links stay paths. */
  publicUrl: string | null;
  /** How often rule checks and digests are looked at (one tick per period across all processes). */
  tickSeconds: number;
  /** First retry of a failed delivery after about this long; each retry waits twice as long (about a day in all). */
  retryDelaySeconds: number;
  retryLimit: number;
  /** How often an idle worker asks PostgreSQL for jobs. */
  pollSeconds: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

class Reader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  str(name: string, fallback: string): string {
    const v = this.env[name];
    return v === undefined || v === '' ? fallback : v;
  }

  optional(name: string): string | null {
    const v = this.env[name];
    return v === undefined || v === '' ? null : v;
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      this.problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
      return fallback;
    }
    return n;
  }

  bool(name: string, fallback: boolean): boolean {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
    if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
    this.problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    if (!(allowed as readonly string[]).includes(raw)) {
      this.problems.push(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
      return fallback;
    }
    return raw as T;
  }
}

export function loadConfig(env: Env = process.env): AppConfig {
  const r = new Reader(env);
  const appEnv = r.oneOf('NODE_ENV', ['development', 'production', 'test'] as const, 'development');

  const databaseUrl = r.optional('DATABASE_URL');
  if (databaseUrl && !/^postgres(ql)?:\/\/.+/.test(databaseUrl)) {
    r.problems.push('DATABASE_URL must be a postgresql:// connection string');
  }

  const secret = r.str('JWT_SECRET', '') || null;
  if (!secret) {
    if (appEnv === 'production') r.problems.push('JWT_SECRET is required when NODE_ENV=production');
  } else if (secret.length < 32) {
    r.problems.push('JWT_SECRET must be at least 32 characters');
  }

  const driver = r.oneOf('STORAGE_DRIVER', ['local', 's3'] as const, 'local');
  const bucket = r.str('S3_BUCKET', '');
  if (driver === 's3' && !bucket) r.problems.push('S3_BUCKET is required when STORAGE_DRIVER=s3');

  const cors = r.str('CORS_ORIGINS', appEnv === 'production' ? '' : 'http://localhost:3000,http://localhost:5173');
  const origins = cors
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const o of origins) {
    if (!/^https?:\/\/[^\s/]+$/.test(o))
      r.problems.push(`CORS_ORIGINS entry "${o}" must look like https://host[:port]`);
  }

  const port = r.int('PORT', 3000, 0, 65535);
  const publicUrl = r.str('PUBLIC_URL', `http://localhost:${port}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s/?#@]+$/.test(publicUrl))
    r.problems.push(`PUBLIC_URL must look like https://host[:port] (got "${publicUrl}")`);
  const smtpUrl = r.optional('SMTP_URL');
  if (smtpUrl && !/^smtps?:\/\/.+/.test(smtpUrl)) r.problems.push('SMTP_URL must look like smtp://user:pass@host:port');

  const config: AppConfig = {
    env: appEnv,
    port,
    publicUrl,
    // The embedded database is the zero-setup demo: it listens on this machine only unless HOST says otherwise.
    host: r.str('HOST', databaseUrl ? '0.0.0.0' : '127.0.0.1'),
    databaseUrl,
    embeddedDb: { dataDir: r.str('EMBEDDED_DB_DIR', '.data/pglite'), port: r.int('EMBEDDED_DB_PORT', 5499, 1, 65535) },
    seedDemo: r.bool('SEED_DEMO', databaseUrl === null),
    jwt: {
      secret,
      accessTtlSeconds: r.int('JWT_ACCESS_TTL_SECONDS', 900, 30, 86400),
      refreshTtlDays: r.int('REFRESH_TOKEN_TTL_DAYS', 30, 1, 365),
    },
    corsOrigins: origins,
    trustProxy: r.bool('TRUST_PROXY', false),
    logLevel: r.oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    storage: {
      driver,
      dir: r.str('STORAGE_DIR', '.data/storage'),
      s3: {
        bucket,
        region: r.str('S3_REGION', 'us-east-1'),
        endpoint: r.optional('S3_ENDPOINT'),
        accessKeyId: r.optional('S3_ACCESS_KEY_ID'),
        secretAccessKey: r.optional('S3_SECRET_ACCESS_KEY'),
        forcePathStyle: r.bool('S3_FORCE_PATH_STYLE', true),
      },
    },
    uploads: {
      maxPhotoBytes: r.int('UPLOAD_MAX_PHOTO_BYTES', 10 * 1024 * 1024, 1024, 100 * 1024 * 1024),
      maxImportBytes: r.int('UPLOAD_MAX_IMPORT_BYTES', 5 * 1024 * 1024, 1024, 100 * 1024 * 1024),
    },
    loginThrottle: {
      perEmail: r.int('LOGIN_MAX_PER_EMAIL', 5, 1, 1_000_000),
      perAddress: r.int('LOGIN_MAX_PER_ADDRESS', 50, 1, 1_000_000),
      windowSeconds: r.int('LOGIN_WINDOW_SECONDS', 900, 1, 86400),
    },
    signupThrottle: {
      perAddress: r.int('SIGNUP_MAX_PER_ADDRESS', 10, 1, 1_000_000),
      windowSeconds: r.int('SIGNUP_WINDOW_SECONDS', 3600, 1, 86400),
    },
    invitationThrottle: {
      perAddress: r.int('INVITATION_MAX_PER_ADDRESS', 30, 1, 1_000_000),
      windowSeconds: r.int('INVITATION_WINDOW_SECONDS', 900, 1, 86400),
    },
    renderConcurrency: r.int('RENDER_CONCURRENCY', 2, 1, 32),
    webDir: r.optional('WEB_DIR'),
    dbPoolSize: r.int('DB_POOL_SIZE', 10, 1, 200),
    rowLevelSecurity: r.bool('DB_ROW_LEVEL_SECURITY', true),
    preparedStatements: r.bool('DB_PREPARED_STATEMENTS', true),
    workers: r.bool('WORKERS', true),
    jobsConcurrency: r.int('JOBS_CONCURRENCY', 4, 1, 100),
    notify: {
      smtpUrl,
      smtpFrom: r.str('SMTP_FROM', 'Campaign Month <no-reply@campaign-month.local>'),
      allowPrivateUrls: r.bool('NOTIFY_ALLOW_PRIVATE_URLS', false),
      publicUrl,
      tickSeconds: r.int('NOTIFY_TICK_SECONDS', 300, 1, 3600),
      retryDelaySeconds: r.int('NOTIFY_RETRY_DELAY_SECONDS', 30, 1, 3600),
      retryLimit: r.int('NOTIFY_RETRY_LIMIT', 11, 0, 20),
      pollSeconds: r.int('JOBS_POLL_SECONDS', 2, 1, 60),
    },
  };

  if (r.problems.length > 0) throw new ConfigError(r.problems);
  return config;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
