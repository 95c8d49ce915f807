import { Inject, Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';

export interface WindowState {
  count: number;
  retryAfterSeconds: number;
}

/**
 * Fixed-window counters in PostgreSQL, so every API process sees the same counts (DESIGN.md "Scale").
 * Used for log-in throttling; general request rate limits belong in front of the API.
 */
@Injectable()
export class RateLimitService {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  private window(windowSeconds: number): { start: Date; end: Date } {
    const ms = windowSeconds * 1000;
    const start = Math.floor(Date.now() / ms) * ms;
    return { start: new Date(start), end: new Date(start + ms) };
  }

  async peek(key: string, windowSeconds: number): Promise<WindowState> {
    const { start, end } = this.window(windowSeconds);
    const row = await this.prisma.rateLimitCounter.findUnique({
      where: { key_windowStart: { key, windowStart: start } },
      select: { count: true },
    });
    return { count: row?.count ?? 0, retryAfterSeconds: Math.max(1, Math.ceil((end.getTime() - Date.now()) / 1000)) };
  }

  async hit(key: string, windowSeconds: number): Promise<number> {
    const { start, end } = this.window(windowSeconds);
    const rows = await this.prisma.$queryRaw<{ count: number }[]>`
      INSERT INTO rate_limit_counter (key, window_start, count, expires_at)
      VALUES (${key}, ${start}, 1, ${end})
      ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit_counter.count + 1
      RETURNING count`;
    if (Math.random() < 0.01) {
      await this.prisma.rateLimitCounter.deleteMany({ where: { expiresAt: { lt: new Date() } } });
    }
    return rows[0]?.count ?? 1;
  }

  /**
   * Counts an attempt first and then answers whether it is within `limit`: requests sent at once each get
   * their own number from the one UPSERT, so exactly `limit` of them pass however many arrive together.
   */
  async take(key: string, windowSeconds: number, limit: number): Promise<WindowState & { allowed: boolean }> {
    const count = await this.hit(key, windowSeconds);
    const { end } = this.window(windowSeconds);
    return {
      allowed: count <= limit,
      count,
      retryAfterSeconds: Math.max(1, Math.ceil((end.getTime() - Date.now()) / 1000)),
    };
  }

  /** Gives back an attempt counted by take() that turned out not to count (a successful log-in). */
  async release(key: string, windowSeconds: number): Promise<void> {
    const { start } = this.window(windowSeconds);
    await this.prisma.$executeRaw`
      UPDATE rate_limit_counter SET count = greatest(count - 1, 0) WHERE key = ${key} AND window_start = ${start}`;
  }

  async reset(key: string, windowSeconds: number): Promise<void> {
    const { start } = this.window(windowSeconds);
    await this.prisma.rateLimitCounter.deleteMany({ where: { key, windowStart: start } });
  }
}
