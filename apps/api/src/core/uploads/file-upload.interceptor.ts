// One uploaded file per request, held in memory, with limits taken from the validated configuration.
// multer's and busboy's own errors become the API's error shape: over the size limit 413, any other
// malformed upload 400, a request that is not multipart/form-data 415 (never a 500).
import {
  type CallHandler,
  type ExecutionContext,
  HttpException,
  Inject,
  Injectable,
  mixin,
  type NestInterceptor,
  type Type,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Request } from 'express';
import multer from 'multer';
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
  class SingleFileUploadInterceptor implements NestInterceptor {
    private readonly inner: NestInterceptor;
    private readonly maxBytes: number;

    constructor(@Inject(APP_CONFIG) config: AppConfig) {
      this.maxBytes = config.uploads[limit];
      const Inner = FileInterceptor(field, {
        storage: multer.memoryStorage(),
        // Browsers send file names as raw UTF-8 (中文.jpg); multer would read them as latin1.
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
      this.inner = new (Inner as unknown as new (options?: unknown) => NestInterceptor)(undefined);
    }

    async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      const req = context.switchToHttp().getRequest<Request>();
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

/** Express.Multer.File without the global namespace. */
export interface UploadedFileData {
  fieldname: string;
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}
