-- Onboarding (issue 16): log-in by 手机号 or e-mail, users without a password until they accept an
-- invitation, session_version to sign every session out at once, 单位编码, audit entries bound to an
-- organization (an admin reads its subtree's), the JWT secret kept with the data when JWT_SECRET is unset.
-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "phone" VARCHAR(20),
ADD COLUMN     "session_version" INTEGER NOT NULL DEFAULT 0,
ALTER COLUMN "email" DROP NOT NULL,
ALTER COLUMN "password_hash" DROP NOT NULL;

-- AlterTable
ALTER TABLE "audit_entry" ADD COLUMN     "organization_id" UUID;

-- AlterTable
ALTER TABLE "organization" ADD COLUMN     "code" VARCHAR(64);

-- CreateTable
CREATE TABLE "invitation" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "token_hash" VARCHAR(128) NOT NULL,
    "created_by_id" UUID,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_setting" (
    "key" VARCHAR(64) NOT NULL,
    "value" VARCHAR(4000) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "app_setting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "invitation_token_hash_key" ON "invitation"("token_hash");

-- CreateIndex
CREATE INDEX "invitation_tenant_id_user_id_idx" ON "invitation"("tenant_id", "user_id");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_phone_key" ON "app_user"("phone");

-- CreateIndex
CREATE INDEX "audit_entry_tenant_id_organization_id_created_at_idx" ON "audit_entry"("tenant_id", "organization_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "organization_tenant_id_code_key" ON "organization"("tenant_id", "code");

-- AddForeignKey
ALTER TABLE "invitation" ADD CONSTRAINT "invitation_tenant_id_user_id_fkey" FOREIGN KEY ("tenant_id", "user_id") REFERENCES "app_user"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;


-- A user can always log in with something.
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_email_or_phone" CHECK ("email" IS NOT NULL OR "phone" IS NOT NULL);

-- Invitations are tenant-owned: the same policy as every other tenant table (decision 006).
ALTER TABLE "invitation" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "invitation"
  USING ((SELECT current_setting('app.rls_bypass', true) = 'on') OR tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK ((SELECT current_setting('app.rls_bypass', true) = 'on') OR tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid));
