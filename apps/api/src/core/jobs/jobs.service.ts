// The job queue: pg-boss on the product's own PostgreSQL (embedded included), so any number of API or
// worker processes share one queue and each job runs once (docs/decisions/036-reminders-on-pg-boss.md).
// Modules register their queues and handlers (register) while the application is built; the workers run
// when config.workers is true (the API process by default; `npm run worker` runs them alone).
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type PgBoss from 'pg-boss';
import pLimit from 'p-limit';
import type pg from 'pg';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { requestContext } from '../context/request-context.js';
import { PrismaService } from '../database/prisma.service.js';

export type JobHandler<T> = (data: T, job: { id: string; name: string }) => Promise<unknown>;

export interface QueueDefinition<T> {
  name: string;
  handler: JobHandler<T>;
  /**
   * Instead of one handler call per job: the whole fetched batch at once (e.g. deliveries read and marked
   * with one statement each); answers, per job in order, null or the error that fails it (retried).
   */
  batchHandler?: (jobs: { id: string; data: T }[]) => Promise<(Error | null)[]>;
  /** Jobs fetched per poll; the batch runs concurrently and each job completes or fails on its own. */
  batchSize?: number;
  /** Workers per process for this queue. */
  workers?: number;
  /** Retries with exponential backoff (pg-boss's retryBackoff), e.g. deliveries for about a day. */
  retry?: { limit: number; delaySeconds: number };
  expireInSeconds?: number;
  /** Jobs a user starts and follows with GET /jobs/:id (their data carries `owner`). */
  visibleToOwner?: boolean;
}

/** Who asked for a job a user may look at (GET /jobs/:id): kept in the job's data and checked on read. */
export interface JobOwner {
  tenantId: string;
  userId: string;
}

export interface JobView {
  id: string;
  name: string;
  status: 'QUEUED' | 'RUNNING' | 'RETRYING' | 'COMPLETED' | 'FAILED' | 'CANCELLED';
  progress: number;
  result: unknown;
  error: string | null;
  createdAt: string;
  completedAt: string | null;
}

const SCHEMA = 'pgboss';

@Injectable()
export class JobsService implements OnApplicationBootstrap {
  private readonly queues = new Map<string, QueueDefinition<never>>();
  private readonly recurring: { every: number; run: () => Promise<void> }[] = [];
  private readonly timers: NodeJS.Timeout[] = [];
  private boss: PgBoss | null = null;
  private starting: Promise<PgBoss> | null = null;
  private stopped = false;
  private readonly log = new Logger('Jobs');
  /**
   * Job handlers running at once in this process, all queues together: they share the API's database pool,
   * so a digest morning's thousands of deliveries must leave connections to the requests (JOBS_CONCURRENCY).
   */
  private readonly limit: ReturnType<typeof pLimit>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PrismaService) private readonly prisma: PrismaService,
  ) {
    prisma.onBeforeClose(() => this.stop());
    this.limit = pLimit(config.jobsConcurrency);
  }

  /** Called by modules in their constructors: the queue exists and, with workers on, is worked. */
  register<T>(definition: QueueDefinition<T>): void {
    this.queues.set(definition.name, definition as QueueDefinition<never>);
  }

  /** Something every `seconds` in every worker process (e.g. the reminder tick, itself a throttled job). */
  every(seconds: number, run: () => Promise<void>): void {
    this.recurring.push({ every: seconds, run });
  }

  get workersOn(): boolean {
    return this.config.workers;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.workers) return;
    const boss = await this.ready();
    for (const q of this.queues.values()) {
      for (let i = 0; i < (q.workers ?? 1); i++) {
        await boss.work<unknown>(
          q.name,
          { batchSize: q.batchSize ?? 1, pollingIntervalSeconds: this.config.notify.pollSeconds },
          (jobs) => this.runBatch(boss, q, jobs),
        );
      }
    }
    for (const r of this.recurring) {
      const tick = () => {
        if (this.stopped) return;
        void fresh(() => r.run()).catch((err) => this.log.warn({ msg: 'recurring job failed', err: String(err) }));
      };
      tick();
      const timer = setInterval(tick, r.every * 1000);
      timer.unref();
      this.timers.push(timer);
    }
    this.log.log({ msg: 'job workers started', queues: [...this.queues.keys()] });
  }

  /** Graceful stop, before the database pool closes (PrismaService.onBeforeClose). */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearInterval(t);
    const boss = this.boss ?? (this.starting ? await this.starting.catch(() => null) : null);
    if (!boss) return;
    // Graceful: running jobs may finish (up to 10 s); our own pool (or the app's, on the embedded database)
    // is closed by whoever owns it.
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 12_000);
      boss.once('stopped', () => {
        clearTimeout(timer);
        resolve();
      });
      boss.stop({ graceful: true, timeout: 10_000, close: true }).catch(() => resolve());
    });
    await this.ownPool?.end().catch(() => {});
  }

  /** Enqueue one job; returns its id (null when a singleton key already holds the slot). */
  async send(name: string, data: object, options: PgBoss.SendOptions = {}): Promise<string | null> {
    const boss = await this.ready();
    return boss.send(name, data, { ...this.defaults(name), ...options });
  }

  /** Enqueue many jobs in one statement. */
  async insert(name: string, jobs: { data: object; singletonKey?: string }[]): Promise<void> {
    if (!jobs.length) return;
    const boss = await this.ready();
    const d = this.defaults(name);
    const base: Omit<PgBoss.JobInsert, 'name'> = {
      retryLimit: d.retryLimit,
      retryDelay: d.retryDelay,
      retryBackoff: d.retryBackoff,
      expireInSeconds: d.expireInSeconds,
    };
    for (let i = 0; i < jobs.length; i += 1000) {
      await boss.insert(
        jobs.slice(i, i + 1000).map((j) => ({ ...base, name, data: j.data, singletonKey: j.singletonKey })),
      );
    }
  }

  /** A job a user started (its data carries the owner), or null: another tenant's or user's job is not found. */
  async find(id: string, owner: JobOwner): Promise<JobView | null> {
    const boss = await this.ready();
    for (const { name } of [...this.queues.values()].filter((q) => q.visibleToOwner)) {
      const job = await boss.getJobById<{ owner?: JobOwner }>(name, id, { includeArchive: true });
      if (!job) continue;
      const o = job.data?.owner;
      if (!o || o.tenantId !== owner.tenantId || o.userId !== owner.userId) return null;
      return toView(job);
    }
    return null;
  }

  private defaults(name: string): PgBoss.SendOptions {
    const q = this.queues.get(name);
    const retry = q?.retry;
    return {
      ...(retry ? { retryLimit: retry.limit, retryDelay: retry.delaySeconds, retryBackoff: true } : { retryLimit: 0 }),
      expireInSeconds: q?.expireInSeconds ?? 300,
    };
  }

  private ownPool: pg.Pool | null = null;

  /** Starts pg-boss once (its schema is created or migrated under its own advisory lock). */
  ready(): Promise<PgBoss> {
    if (this.boss) return Promise.resolve(this.boss);
    if (!this.starting) {
      this.starting = fresh(() => this.start()).then(
        (boss) => {
          this.boss = boss;
          return boss;
        },
        (err) => {
          this.starting = null;
          throw err;
        },
      );
    }
    return this.starting;
  }

  private async start(): Promise<PgBoss> {
    // pg-boss runs its SQL through the app's pool: on the embedded database that pool is the one connection
    // every query must take turns on (decision 028). On PostgreSQL the app's pool may carry row-level
    // security's role, which has no rights on pg-boss's schema, so pg-boss gets a small pool of its own.
    const pool = this.prisma.jobsPool();
    if (pool !== this.prisma.pool) this.ownPool = pool;
    const db: PgBoss.Db = {
      executeSql: (text, values) =>
        pool.query(text, values) as Promise<{ rows: unknown[] }> as Promise<{ rows: never[] }>,
    };
    // loaded on first use: a process that never queues anything does not pay for it at start-up
    const { default: PgBossClass } = await import('pg-boss');
    const boss = new PgBossClass({
      db,
      schema: SCHEMA,
      supervise: this.config.workers,
      schedule: false,
      migrate: true,
      maintenanceIntervalSeconds: 120,
    });
    boss.on('error', (err: unknown) => this.log.warn({ msg: 'pg-boss error', err: String(err) }));
    await boss.start();
    for (const q of this.queues.values()) {
      await createQueueRetryingDeadlocks(boss, q.name);
    }
    return boss;
  }

  private async runBatch(boss: PgBoss, q: QueueDefinition<never>, jobs: PgBoss.Job<unknown>[]): Promise<unknown> {
    if (q.batchHandler) {
      const batch = q.batchHandler;
      const errors = await this.limit(() => fresh(() => batch(jobs.map((j) => ({ id: j.id, data: j.data as never })))));
      for (const [i, err] of errors.entries()) {
        if (!err) continue;
        await boss
          .fail(q.name, jobs[i]!.id, { message: err.message })
          .catch((e) => this.log.warn({ msg: 'could not fail a job', err: String(e) }));
      }
      return undefined;
    }
    const results = await Promise.allSettled(
      jobs.map((job) => this.limit(() => fresh(() => q.handler(job.data as never, { id: job.id, name: job.name })))),
    );
    const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [{ job: jobs[i]!, reason: r.reason }] : []));
    for (const { job, reason } of failed) {
      const message = reason instanceof Error ? reason.message : String(reason);
      await boss
        .fail(q.name, job.id, { message })
        .catch((err) => this.log.warn({ msg: 'could not fail a job', err: String(err) }));
    }
    // the batch's remaining (active) jobs complete when this resolves; one job's result is kept with it
    const first = results[0];
    return jobs.length === 1 && first?.status === 'fulfilled' ? toResult(first.value) : undefined;
  }
}

function toResult(value: unknown): object | undefined {
  return value && typeof value === 'object' ? (value as object) : value === undefined ? undefined : { value };
}

/** Jobs run outside any request's context: no actor, so row-level security's bypass applies (system work). */
function fresh<T>(fn: () => Promise<T>): Promise<T> {
  return requestContext.run({ requestId: 'job', ip: null }, fn);
}

function toView(job: PgBoss.JobWithMetadata<unknown>): JobView {
  const status = (
    {
      created: 'QUEUED',
      retry: 'RETRYING',
      active: 'RUNNING',
      completed: 'COMPLETED',
      failed: 'FAILED',
      cancelled: 'CANCELLED',
    } as const
  )[job.state];
  const output = (job as { output?: unknown }).output;
  const done = job.state === 'completed' || job.state === 'failed' || job.state === 'cancelled';
  const error =
    job.state === 'failed' || job.state === 'retry'
      ? String((output as { message?: unknown } | null)?.message ?? 'failed')
      : null;
  return {
    id: job.id,
    name: job.name,
    status,
    progress: done ? 100 : job.state === 'active' ? 50 : 0,
    result: job.state === 'completed' ? (output ?? null) : null,
    error,
    createdAt: new Date(job.createdOn).toISOString(),
    completedAt: job.completedOn ? new Date(job.completedOn).toISOString() : null,
  };
}

export const JOBS_SCHEMA = SCHEMA;

/**
 * Processes started together on an empty database create the same queues at once, and pg-boss's
 * create_queue (an insert plus a partition per queue) can deadlock between them: PostgreSQL aborts one side
 * with 40P01. The queue exists once the other side commits, so trying again (after a short, jittered
 * pause) always ends; any other error is not caught.
 */
async function createQueueRetryingDeadlocks(boss: PgBoss, name: string, attempts = 8): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await boss.createQueue(name, { name, policy: 'standard' });
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if ((code !== '40P01' && code !== '23505') || attempt >= attempts) throw error;
      await new Promise((r) => setTimeout(r, 50 * attempt + Math.floor(Math.random() * 100)));
    }
  }
}
