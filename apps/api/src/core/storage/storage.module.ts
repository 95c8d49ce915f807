import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { LocalStorage } from './local-storage.js';
import { OBJECT_STORAGE } from './object-storage.js';
import { S3Storage } from './s3-storage.js';

@Global()
@Module({
  providers: [
    {
      provide: OBJECT_STORAGE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        config.storage.driver === 's3' ? new S3Storage(config.storage.s3) : new LocalStorage(config.storage.dir),
    },
  ],
  exports: [OBJECT_STORAGE],
})
export class StorageModule {}
