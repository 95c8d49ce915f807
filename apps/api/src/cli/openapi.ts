// Writes the OpenAPI document to a file without a database (npm run openapi): the web app's client is
// generated from it. Usage: node dist/apps/api/src/cli/openapi.js [out.json]
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { AppModule } from '../app.module.js';
import { loadConfig } from '../core/config/config.js';
import { createHttpApp, createOpenApiDocument } from '../core/http/configure-app.js';
import { createRootLogger } from '../core/logging/logger.js';

const out = process.argv[2] ?? 'dist/openapi.json';
const config = loadConfig({
  ...process.env,
  DATABASE_URL: 'postgresql://unused@127.0.0.1:1/unused',
  // nothing is signed here; without it the app would read its secret from the (absent) database
  JWT_SECRET: randomBytes(32).toString('hex'),
  LOG_LEVEL: 'silent',
  WORKERS: 'false',
});
const app = await createHttpApp(AppModule.forRoot(config), config, createRootLogger('silent'), { nestLogs: false });
await app.init();
writeFileSync(out, `${JSON.stringify(createOpenApiDocument(app), null, 2)}\n`);
await app.close();
console.log(`OpenAPI document written to ${out}`);
