import { Module } from '@nestjs/common';
import { IdempotencyService } from './idempotency.service.js';

/** Import where a POST route honours the Idempotency-Key header. */
@Module({ providers: [IdempotencyService], exports: [IdempotencyService] })
export class IdempotencyModule {}
