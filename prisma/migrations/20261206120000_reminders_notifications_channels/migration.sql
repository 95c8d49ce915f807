-- Reminders and notifications (督办, issue 18): notifications per user, reminder rules per campaign, 催办 log,
-- notification channels per organization and the delivery outbox (docs/decisions/036-reminders-on-pg-boss.md).
-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('TASK_DUE_SOON', 'TASK_OVERDUE', 'ESCALATION', 'NO_GROUP', 'NO_EVENTS', 'SUMMARY_DUE_SOON', 'SUMMARY_RETURNED', 'CHASE');

-- CreateEnum
CREATE TYPE "ChannelKind" AS ENUM ('WECOM', 'DINGTALK', 'WEBHOOK', 'EMAIL');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- CreateTable
CREATE TABLE "notification" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "campaign_id" UUID,
    "organization_id" UUID,
    "title" VARCHAR(300) NOT NULL,
    "body" VARCHAR(4000) NOT NULL,
    "link" VARCHAR(300),
    "fact_key" VARCHAR(200) NOT NULL,
    "day" DATE NOT NULL,
    "actor_id" UUID,
    "read_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reminder_rule" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "due_soon_days" INTEGER NOT NULL,
    "overdue" BOOLEAN NOT NULL,
    "escalate_after_days" INTEGER,
    "no_group_by_day" INTEGER,
    "no_event_days" INTEGER,
    "summary_due_soon_days" INTEGER,
    "digest_hour" INTEGER NOT NULL,
    "updated_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reminder_rule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaign_reminder" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "actor_id" UUID NOT NULL,
    "actor_name" VARCHAR(100) NOT NULL,
    "filter" VARCHAR(20),
    "message" VARCHAR(500),
    "hour" TIMESTAMPTZ(0) NOT NULL,
    "recipients" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "campaign_reminder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification_channel" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "kind" "ChannelKind" NOT NULL,
    "url" VARCHAR(1000),
    "secret" VARCHAR(200),
    "recipients" VARCHAR(254)[],
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "last_success_at" TIMESTAMPTZ(3),
    "last_failure_at" TIMESTAMPTZ(3),
    "last_failure_status" INTEGER,
    "last_failure_message" VARCHAR(500),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_channel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification_delivery" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "dedupe_key" VARCHAR(200) NOT NULL,
    "channel_id" UUID,
    "kind" "ChannelKind" NOT NULL,
    "recipients" VARCHAR(254)[],
    "user_id" UUID,
    "campaign_id" UUID,
    "organization_id" UUID,
    "title" VARCHAR(300) NOT NULL,
    "body" TEXT NOT NULL,
    "link" VARCHAR(300),
    "status" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" VARCHAR(500),
    "enqueued_at" TIMESTAMPTZ(3),
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_delivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "notification_tenant_id_user_id_created_at_idx" ON "notification"("tenant_id", "user_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "notification_tenant_id_user_id_fact_key_day_key" ON "notification"("tenant_id", "user_id", "fact_key", "day");

-- CreateIndex
CREATE UNIQUE INDEX "reminder_rule_tenant_id_campaign_id_key" ON "reminder_rule"("tenant_id", "campaign_id");

-- CreateIndex
CREATE INDEX "campaign_reminder_tenant_id_campaign_id_organization_id_cre_idx" ON "campaign_reminder"("tenant_id", "campaign_id", "organization_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "campaign_reminder_tenant_id_campaign_id_organization_id_hou_key" ON "campaign_reminder"("tenant_id", "campaign_id", "organization_id", "hour");

-- CreateIndex
CREATE INDEX "notification_channel_tenant_id_organization_id_idx" ON "notification_channel"("tenant_id", "organization_id");

-- CreateIndex
CREATE UNIQUE INDEX "notification_channel_tenant_id_id_key" ON "notification_channel"("tenant_id", "id");

-- CreateIndex
CREATE INDEX "notification_delivery_status_enqueued_at_idx" ON "notification_delivery"("status", "enqueued_at");

-- CreateIndex
CREATE UNIQUE INDEX "notification_delivery_tenant_id_dedupe_key_key" ON "notification_delivery"("tenant_id", "dedupe_key");

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_tenant_id_user_id_fkey" FOREIGN KEY ("tenant_id", "user_id") REFERENCES "app_user"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reminder_rule" ADD CONSTRAINT "reminder_rule_tenant_id_campaign_id_fkey" FOREIGN KEY ("tenant_id", "campaign_id") REFERENCES "campaign"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_reminder" ADD CONSTRAINT "campaign_reminder_tenant_id_campaign_id_fkey" FOREIGN KEY ("tenant_id", "campaign_id") REFERENCES "campaign"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_channel" ADD CONSTRAINT "notification_channel_tenant_id_organization_id_fkey" FOREIGN KEY ("tenant_id", "organization_id") REFERENCES "organization"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Tenant-owned tables: the same policy as every other tenant table (decision 006).
ALTER TABLE "notification" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "notification"
  USING ((SELECT current_setting('app.rls_bypass', true) = 'on') OR tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK ((SELECT current_setting('app.rls_bypass', true) = 'on') OR tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid));
ALTER TABLE "reminder_rule" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "reminder_rule"
  USING ((SELECT current_setting('app.rls_bypass', true) = 'on') OR tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK ((SELECT current_setting('app.rls_bypass', true) = 'on') OR tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid));
ALTER TABLE "campaign_reminder" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "campaign_reminder"
  USING ((SELECT current_setting('app.rls_bypass', true) = 'on') OR tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK ((SELECT current_setting('app.rls_bypass', true) = 'on') OR tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid));
ALTER TABLE "notification_channel" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "notification_channel"
  USING ((SELECT current_setting('app.rls_bypass', true) = 'on') OR tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK ((SELECT current_setting('app.rls_bypass', true) = 'on') OR tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid));
ALTER TABLE "notification_delivery" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "notification_delivery"
  USING ((SELECT current_setting('app.rls_bypass', true) = 'on') OR tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK ((SELECT current_setting('app.rls_bypass', true) = 'on') OR tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid));
