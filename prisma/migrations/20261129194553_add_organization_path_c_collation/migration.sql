-- Organization paths are compared byte by byte ("C" collation), so the plain btree index on
-- (tenant_id, path) serves subtree reads written as path LIKE '/root/…/%' (docs/decisions/003).
-- It replaces the text_pattern_ops index of the first migration, which Prisma's schema diff
-- cannot read back (it reported drift forever).
DROP INDEX "organization_tenant_id_path_idx";
ALTER TABLE "organization" ALTER COLUMN "path" TYPE VARCHAR(4000) COLLATE "C";
CREATE INDEX "organization_tenant_id_path_idx" ON "organization"("tenant_id", "path");
