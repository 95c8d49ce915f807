// What SQL the migrations in prisma/migrations lack to produce prisma/schema.prisma.
//
// Self-contained (no native engine download, nothing outside the repository): Prisma's schema engine — its
// WebAssembly build, the npm package @prisma/schema-engine-wasm, driven through @prisma/adapter-pg —
// applies every migration to a scratch shadow database, compares the result with the schema and prints
// the SQL that is missing, as `prisma migrate diff --from-migrations … --to-schema … --script` does.
// Exit 0 when they agree, 2 when they differ (the SQL is printed), 1 on any other failure.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';

const adminUrl =
  process.env.MIGRATIONS_CHECK_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgresql://postgres@127.0.0.1:5432/postgres';
const schemaPath = resolve('prisma/schema.prisma');

const TEXT_OID = 25;
const CHAR_OID = 18;
const NAME_OID = 19;
/** @prisma/driver-adapter-utils ColumnTypeEnum.Character */
const CHARACTER = 6;

/**
 * Introspection reads pg_catalog columns of types `name` and `"char"`, which adapter-pg does not map: pg
 * reads them as text, and the adapter answers the `"char"` ones (pg_constraint.contype …) as the
 * single-character type the schema describer expects of them — as text, a CHECK constraint stops it.
 */
const charColumnsOf = new WeakMap();
function readCatalogTypes() {
  const addFields = pg.Result.prototype.addFields;
  pg.Result.prototype.addFields = function (fields) {
    // keyed by the result's rows array, which the adapter hands back as it is
    charColumnsOf.set(this.rows, fields.flatMap((f, i) => (f.dataTypeID === CHAR_OID ? [i] : [])));
    for (const f of fields) if (f.dataTypeID === NAME_OID || f.dataTypeID === CHAR_OID) f.dataTypeID = TEXT_OID;
    return addFields.call(this, fields);
  };
}

/** An adapter connection whose raw queries report `"char"` columns as characters (see readCatalogTypes). */
function withCharColumns(connection) {
  const queryRaw = connection.queryRaw.bind(connection);
  connection.queryRaw = async (...args) => {
    const result = await queryRaw(...args);
    for (const i of charColumnsOf.get(result.rows) ?? []) result.columnTypes[i] = CHARACTER;
    return result;
  };
  return connection;
}

async function loadSchemaEngine() {
  globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
    message: '',
    get() {
      return this.message;
    },
    set_message(m) {
      this.message = `RuntimeError: ${m}`;
    },
  };
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
  const glue = await import('@prisma/schema-engine-wasm/schema_engine_bg');
  const module = new WebAssembly.Module(readFileSync(join(dir, 'schema_engine_bg.wasm')));
  const instance = new WebAssembly.Instance(module, { './schema_engine_bg.js': glue });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return glue;
}

async function admin(sql) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The engine applies the migrations to a shadow database it asks for: a scratch database, dropped after. */
class ScratchShadowDatabase extends PrismaPg {
  async connectToShadowDb() {
    const name = `cm_migrations_check_${randomBytes(4).toString('hex')}`;
    await admin(`CREATE DATABASE "${name}"`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const shadow = withCharColumns(await new PrismaPg({ connectionString: url.toString() }).connect());
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    };
    return shadow;
  }
}

function migrationList() {
  const baseDir = resolve('prisma/migrations');
  const directories = readdirSync(baseDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  return {
    baseDir,
    lockfile: { path: 'migration_lock.toml', content: readFileSync(join(baseDir, 'migration_lock.toml'), 'utf8') },
    shadowDbInitScript: '',
    migrationDirectories: directories.map((path) => ({
      path,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok', value: readFileSync(join(baseDir, path, 'migration.sql'), 'utf8') },
      },
    })),
  };
}

/** The SQL the migrations lack to reach the schema; null when they agree. */
export async function missingSql() {
  readCatalogTypes();
  const glue = await loadSchemaEngine();
  const schema = [{ path: schemaPath, content: readFileSync(schemaPath, 'utf8') }];
  const adapter = bindMigrationAwareSqlAdapterFactory(new ScratchShadowDatabase({ connectionString: adminUrl }));
  const engine = await glue.SchemaEngine.new({ datamodels: schema.map((s) => [s.path, s.content]) }, () => {}, adapter);
  const result = await engine.diff({
    from: { tag: 'migrations', ...migrationList() },
    to: { tag: 'schemaDatamodel', files: schema },
    script: true,
    exitCode: true,
    filters: { externalTables: [], externalEnums: [] },
  });
  return result.exitCode === 0 ? null : (result.stdout ?? '');
}
