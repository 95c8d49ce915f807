// One uploaded file per request, held in memory, with limits taken from the validated configuration
// (Nest's FileInterceptor for Fastify: @fastify/multipart with multer's semantics and error codes).
// Its errors become the API's error shape: over the size limit 413, any other
// malformed upload 400, a request that is not multipart/form-data 415 (never a 500).
import {
  type CallHandler,
  type ExecutionContext,
  HttpException,
  Inject,
  Injectable,
  mixin,
  type NestInterceptor,
  type OnModuleInit,
  type Type,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { FileInterceptor } from '@nestjs/platform-fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { InvalidInput, PayloadTooLarge, UnsupportedMediaType } from '../errors/domain-errors.js';

export type UploadLimit = keyof AppConfig['uploads'];

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

/** An interceptor that reads the multipart field `field` into req.file, at most `config.uploads[limit]` bytes. */
export function SingleFileUpload(field: string, limit: UploadLimit): Type<NestInterceptor> {
  @Injectable()
  class SingleFileUploadInterceptor implements NestInterceptor, OnModuleInit {
    private readonly inner: NestInterceptor & OnModuleInit;
    private readonly maxBytes: number;

    constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(HttpAdapterHost) adapterHost: HttpAdapterHost) {
      this.maxBytes = config.uploads[limit];
      const Inner = FileInterceptor(field, {
        // in memory (the default storage); browsers send file names as raw UTF-8 (中文.jpg), not latin1
        defParamCharset: 'utf8',
        limits: {
          fileSize: this.maxBytes,
          files: 1,
          fields: 10,
          fieldSize: 64 * 1024,
          fieldNameSize: 100,
          parts: 12,
          headerPairs: 100,
        },
      });
      // the adapter host lets it have the adapter register @fastify/multipart (onModuleInit)
      type Host = new (options: unknown, host: HttpAdapterHost) => NestInterceptor & OnModuleInit;
      this.inner = new (Inner as unknown as Host)(undefined, adapterHost);
    }

    onModuleInit(): void {
      this.inner.onModuleInit();
    }

    async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      const req = context.switchToHttp().getRequest<FastifyRequest>();
      if (!/^multipart\/form-data\b/i.test(req.headers['content-type'] ?? '')) {
        throw new UnsupportedMediaType(`Send the file as multipart/form-data in the field "${field}"`);
      }
      try {
        return (await this.inner.intercept(context, next)) as Observable<unknown>;
      } catch (error) {
        throw this.toDomainError(error);
      }
    }

    private toDomainError(error: unknown): Error {
      const status = error instanceof HttpException ? error.getStatus() : 400;
      if (status === 413)
        return new PayloadTooLarge(`The file is larger than the limit of ${formatBytes(this.maxBytes)}`);
      if (status === 415)
        return new UnsupportedMediaType(`Send the file as multipart/form-data in the field "${field}"`);
      const message = error instanceof Error ? error.message : 'Malformed upload';
      return new InvalidInput(`The upload could not be read: ${message}`, [{ field, message }]);
    }
  }
  return mixin(SingleFileUploadInterceptor);
}

/** The stored upload (multer's file shape, memory storage). */
export interface UploadedFileData {
  fieldname: string;
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}
