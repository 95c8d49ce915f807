-- CreateEnum
CREATE TYPE "OrganizationKind" AS ENUM ('GOVERNMENT_AGENCY', 'POLICE', 'MEDICAL_INSURANCE', 'EDUCATION_BUREAU', 'SCHOOL', 'UNIVERSITY', 'HOSPITAL', 'TOWN', 'VILLAGE', 'BANK', 'PAYMENT_PLATFORM', 'ENTERPRISE', 'OTHER');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'ORGANIZER', 'REPORTER', 'VIEWER');

-- CreateEnum
CREATE TYPE "CampaignStatus" AS ENUM ('DRAFT', 'ACTIVE', 'CLOSED');

-- CreateEnum
CREATE TYPE "LeadingGroupRole" AS ENUM ('LEADER', 'DEPUTY', 'MEMBER');

-- CreateEnum
CREATE TYPE "TaskStatus" AS ENUM ('TODO', 'IN_PROGRESS', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "EventType" AS ENUM ('FLAG_CEREMONY', 'MEETING', 'POSTER', 'LEAFLET', 'MESSAGE_PUSH', 'TAKE_HOME_MATERIAL', 'WARD_VISIT', 'CASE_EXPOSURE', 'LECTURE', 'MEDIA', 'COUNTER_REMINDER', 'ON_SITE_INTERCEPTION', 'HOTLINE_NOTICE', 'OTHER');

-- CreateEnum
CREATE TYPE "MetricKind" AS ENUM ('COUNT', 'MONEY');

-- CreateEnum
CREATE TYPE "ReportScope" AS ENUM ('UNIT', 'ROLLUP');

-- CreateEnum
CREATE TYPE "ReportStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED');

-- CreateEnum
CREATE TYPE "IdempotencyState" AS ENUM ('IN_PROGRESS', 'COMPLETED');

-- CreateTable
CREATE TABLE "tenant" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" VARCHAR(200) NOT NULL,
    "time_zone" VARCHAR(64) NOT NULL DEFAULT 'Asia/Shanghai',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tenant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "organization" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "parent_id" UUID,
    "name" VARCHAR(200) NOT NULL,
    "kind" "OrganizationKind" NOT NULL,
    "path" VARCHAR(4000) NOT NULL,
    "depth" INTEGER NOT NULL DEFAULT 0,
    "archived_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "password_hash" VARCHAR(255) NOT NULL,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "deactivated_at" TIMESTAMPTZ(3),
    "last_login_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "membership" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaign" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "organizer_org_id" UUID NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "template_key" VARCHAR(64),
    "starts_on" DATE NOT NULL,
    "ends_on" DATE NOT NULL,
    "report_due_on" DATE NOT NULL,
    "directive_title" VARCHAR(300),
    "directive_number" VARCHAR(100),
    "purpose" VARCHAR(1000),
    "goals" VARCHAR(4000),
    "suggested_event_types" "EventType"[],
    "status" "CampaignStatus" NOT NULL DEFAULT 'DRAFT',
    "launched_at" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "participant" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "participant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "metric_definition" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "key" VARCHAR(64) NOT NULL,
    "label" VARCHAR(100) NOT NULL,
    "unit" VARCHAR(20) NOT NULL,
    "kind" "MetricKind" NOT NULL DEFAULT 'COUNT',
    "sort_order" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "metric_definition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "leading_group" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "updated_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "leading_group_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "leading_group_member" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "leading_group_id" UUID NOT NULL,
    "name" VARCHAR(50) NOT NULL,
    "title" VARCHAR(50),
    "role" "LeadingGroupRole" NOT NULL,
    "department" VARCHAR(100),
    "duty" VARCHAR(500),
    "phone" VARCHAR(30),
    "sort_order" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "leading_group_member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "task" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "parent_task_id" UUID,
    "responsible_member_id" UUID,
    "title" VARCHAR(200) NOT NULL,
    "description" VARCHAR(4000),
    "due_on" DATE,
    "status" "TaskStatus" NOT NULL DEFAULT 'TODO',
    "completed_at" TIMESTAMPTZ(3),
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "publicity_event" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "task_id" UUID,
    "type" "EventType" NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "occurred_on" DATE NOT NULL,
    "location" VARCHAR(200),
    "description" VARCHAR(4000),
    "author_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "publicity_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "event_metric_value" (
    "tenant_id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "metric_definition_id" UUID NOT NULL,
    "value" DECIMAL(16,2) NOT NULL,

    CONSTRAINT "event_metric_value_pkey" PRIMARY KEY ("event_id","metric_definition_id")
);

-- CreateTable
CREATE TABLE "event_photo" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "storage_key" VARCHAR(500) NOT NULL,
    "thumbnail_key" VARCHAR(500),
    "content_type" VARCHAR(50) NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "width" INTEGER,
    "height" INTEGER,
    "sha256" VARCHAR(64) NOT NULL,
    "original_name" VARCHAR(255),
    "captured_at" TIMESTAMPTZ(3),
    "captured_outside_event_day" BOOLEAN NOT NULL DEFAULT false,
    "uploaded_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "event_photo_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "summary_report" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "scope" "ReportScope" NOT NULL DEFAULT 'UNIT',
    "version" INTEGER NOT NULL,
    "status" "ReportStatus" NOT NULL DEFAULT 'DRAFT',
    "title" VARCHAR(300) NOT NULL,
    "facts" JSONB NOT NULL,
    "sections" JSONB NOT NULL,
    "narrative" JSONB NOT NULL DEFAULT '{}',
    "reviewer_comment" VARCHAR(2000),
    "generated_by_id" UUID,
    "submitted_by_id" UUID,
    "submitted_at" TIMESTAMPTZ(3),
    "reviewed_by_id" UUID,
    "reviewed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "summary_report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_entry" (
    "id" BIGSERIAL NOT NULL,
    "tenant_id" UUID,
    "actor_id" UUID,
    "action" VARCHAR(64) NOT NULL,
    "entity_type" VARCHAR(64) NOT NULL,
    "entity_id" VARCHAR(64),
    "ip" VARCHAR(64),
    "request_id" VARCHAR(64),
    "changes" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "refresh_token" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "family_id" UUID NOT NULL,
    "token_hash" VARCHAR(128) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "refresh_token_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "idempotency_record" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "scope" VARCHAR(300) NOT NULL,
    "key" VARCHAR(200) NOT NULL,
    "request_hash" VARCHAR(64) NOT NULL,
    "state" "IdempotencyState" NOT NULL DEFAULT 'IN_PROGRESS',
    "response_status" INTEGER,
    "response_body" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "idempotency_record_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limit_counter" (
    "key" VARCHAR(300) NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "rate_limit_counter_pkey" PRIMARY KEY ("key","window_start")
);

-- CreateIndex
CREATE INDEX "organization_tenant_id_parent_id_idx" ON "organization"("tenant_id", "parent_id");

-- CreateIndex
CREATE INDEX "organization_tenant_id_path_idx" ON "organization"("tenant_id", "path" text_pattern_ops);

-- CreateIndex
CREATE INDEX "organization_tenant_id_kind_idx" ON "organization"("tenant_id", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "organization_tenant_id_id_key" ON "organization"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- CreateIndex
CREATE INDEX "app_user_tenant_id_idx" ON "app_user"("tenant_id");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_tenant_id_id_key" ON "app_user"("tenant_id", "id");

-- CreateIndex
CREATE INDEX "membership_tenant_id_organization_id_idx" ON "membership"("tenant_id", "organization_id");

-- CreateIndex
CREATE UNIQUE INDEX "membership_tenant_id_user_id_organization_id_key" ON "membership"("tenant_id", "user_id", "organization_id");

-- CreateIndex
CREATE INDEX "campaign_tenant_id_organizer_org_id_idx" ON "campaign"("tenant_id", "organizer_org_id");

-- CreateIndex
CREATE INDEX "campaign_tenant_id_status_idx" ON "campaign"("tenant_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "campaign_tenant_id_id_key" ON "campaign"("tenant_id", "id");

-- CreateIndex
CREATE INDEX "participant_tenant_id_organization_id_idx" ON "participant"("tenant_id", "organization_id");

-- CreateIndex
CREATE UNIQUE INDEX "participant_tenant_id_campaign_id_organization_id_key" ON "participant"("tenant_id", "campaign_id", "organization_id");

-- CreateIndex
CREATE UNIQUE INDEX "metric_definition_tenant_id_campaign_id_key_key" ON "metric_definition"("tenant_id", "campaign_id", "key");

-- CreateIndex
CREATE UNIQUE INDEX "metric_definition_tenant_id_id_key" ON "metric_definition"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "leading_group_tenant_id_campaign_id_organization_id_key" ON "leading_group"("tenant_id", "campaign_id", "organization_id");

-- CreateIndex
CREATE UNIQUE INDEX "leading_group_tenant_id_id_key" ON "leading_group"("tenant_id", "id");

-- CreateIndex
CREATE INDEX "leading_group_member_tenant_id_leading_group_id_idx" ON "leading_group_member"("tenant_id", "leading_group_id");

-- CreateIndex
CREATE UNIQUE INDEX "leading_group_member_tenant_id_id_key" ON "leading_group_member"("tenant_id", "id");

-- CreateIndex
CREATE INDEX "task_tenant_id_campaign_id_organization_id_idx" ON "task"("tenant_id", "campaign_id", "organization_id");

-- CreateIndex
CREATE INDEX "task_tenant_id_parent_task_id_idx" ON "task"("tenant_id", "parent_task_id");

-- CreateIndex
CREATE INDEX "task_tenant_id_campaign_id_due_on_idx" ON "task"("tenant_id", "campaign_id", "due_on");

-- CreateIndex
CREATE UNIQUE INDEX "task_tenant_id_id_key" ON "task"("tenant_id", "id");

-- CreateIndex
CREATE INDEX "publicity_event_tenant_id_campaign_id_organization_id_occur_idx" ON "publicity_event"("tenant_id", "campaign_id", "organization_id", "occurred_on");

-- CreateIndex
CREATE INDEX "publicity_event_tenant_id_campaign_id_occurred_on_idx" ON "publicity_event"("tenant_id", "campaign_id", "occurred_on");

-- CreateIndex
CREATE INDEX "publicity_event_tenant_id_campaign_id_type_idx" ON "publicity_event"("tenant_id", "campaign_id", "type");

-- CreateIndex
CREATE INDEX "publicity_event_tenant_id_task_id_idx" ON "publicity_event"("tenant_id", "task_id");

-- CreateIndex
CREATE UNIQUE INDEX "publicity_event_tenant_id_id_key" ON "publicity_event"("tenant_id", "id");

-- CreateIndex
CREATE INDEX "event_metric_value_tenant_id_metric_definition_id_idx" ON "event_metric_value"("tenant_id", "metric_definition_id");

-- CreateIndex
CREATE INDEX "event_photo_tenant_id_event_id_idx" ON "event_photo"("tenant_id", "event_id");

-- CreateIndex
CREATE UNIQUE INDEX "event_photo_tenant_id_id_key" ON "event_photo"("tenant_id", "id");

-- CreateIndex
CREATE INDEX "summary_report_tenant_id_campaign_id_status_idx" ON "summary_report"("tenant_id", "campaign_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "summary_report_tenant_id_campaign_id_organization_id_scope__key" ON "summary_report"("tenant_id", "campaign_id", "organization_id", "scope", "version");

-- CreateIndex
CREATE INDEX "audit_entry_tenant_id_created_at_idx" ON "audit_entry"("tenant_id", "created_at");

-- CreateIndex
CREATE INDEX "audit_entry_tenant_id_entity_type_entity_id_idx" ON "audit_entry"("tenant_id", "entity_type", "entity_id");

-- CreateIndex
CREATE UNIQUE INDEX "refresh_token_token_hash_key" ON "refresh_token"("token_hash");

-- CreateIndex
CREATE INDEX "refresh_token_tenant_id_family_id_idx" ON "refresh_token"("tenant_id", "family_id");

-- CreateIndex
CREATE INDEX "refresh_token_tenant_id_user_id_idx" ON "refresh_token"("tenant_id", "user_id");

-- CreateIndex
CREATE INDEX "idempotency_record_expires_at_idx" ON "idempotency_record"("expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "idempotency_record_tenant_id_scope_key_key" ON "idempotency_record"("tenant_id", "scope", "key");

-- CreateIndex
CREATE INDEX "rate_limit_counter_expires_at_idx" ON "rate_limit_counter"("expires_at");

-- AddForeignKey
ALTER TABLE "organization" ADD CONSTRAINT "organization_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organization" ADD CONSTRAINT "organization_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "membership" ADD CONSTRAINT "membership_tenant_id_user_id_fkey" FOREIGN KEY ("tenant_id", "user_id") REFERENCES "app_user"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "membership" ADD CONSTRAINT "membership_tenant_id_organization_id_fkey" FOREIGN KEY ("tenant_id", "organization_id") REFERENCES "organization"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign" ADD CONSTRAINT "campaign_tenant_id_organizer_org_id_fkey" FOREIGN KEY ("tenant_id", "organizer_org_id") REFERENCES "organization"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "participant" ADD CONSTRAINT "participant_tenant_id_campaign_id_fkey" FOREIGN KEY ("tenant_id", "campaign_id") REFERENCES "campaign"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "participant" ADD CONSTRAINT "participant_tenant_id_organization_id_fkey" FOREIGN KEY ("tenant_id", "organization_id") REFERENCES "organization"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "metric_definition" ADD CONSTRAINT "metric_definition_tenant_id_campaign_id_fkey" FOREIGN KEY ("tenant_id", "campaign_id") REFERENCES "campaign"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "leading_group" ADD CONSTRAINT "leading_group_tenant_id_campaign_id_fkey" FOREIGN KEY ("tenant_id", "campaign_id") REFERENCES "campaign"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "leading_group" ADD CONSTRAINT "leading_group_tenant_id_organization_id_fkey" FOREIGN KEY ("tenant_id", "organization_id") REFERENCES "organization"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "leading_group_member" ADD CONSTRAINT "leading_group_member_tenant_id_leading_group_id_fkey" FOREIGN KEY ("tenant_id", "leading_group_id") REFERENCES "leading_group"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task" ADD CONSTRAINT "task_tenant_id_campaign_id_fkey" FOREIGN KEY ("tenant_id", "campaign_id") REFERENCES "campaign"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task" ADD CONSTRAINT "task_tenant_id_organization_id_fkey" FOREIGN KEY ("tenant_id", "organization_id") REFERENCES "organization"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task" ADD CONSTRAINT "task_parent_task_id_fkey" FOREIGN KEY ("parent_task_id") REFERENCES "task"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task" ADD CONSTRAINT "task_responsible_member_id_fkey" FOREIGN KEY ("responsible_member_id") REFERENCES "leading_group_member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "publicity_event" ADD CONSTRAINT "publicity_event_tenant_id_campaign_id_fkey" FOREIGN KEY ("tenant_id", "campaign_id") REFERENCES "campaign"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "publicity_event" ADD CONSTRAINT "publicity_event_tenant_id_organization_id_fkey" FOREIGN KEY ("tenant_id", "organization_id") REFERENCES "organization"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "publicity_event" ADD CONSTRAINT "publicity_event_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_metric_value" ADD CONSTRAINT "event_metric_value_tenant_id_event_id_fkey" FOREIGN KEY ("tenant_id", "event_id") REFERENCES "publicity_event"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_metric_value" ADD CONSTRAINT "event_metric_value_tenant_id_metric_definition_id_fkey" FOREIGN KEY ("tenant_id", "metric_definition_id") REFERENCES "metric_definition"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_photo" ADD CONSTRAINT "event_photo_tenant_id_event_id_fkey" FOREIGN KEY ("tenant_id", "event_id") REFERENCES "publicity_event"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "summary_report" ADD CONSTRAINT "summary_report_tenant_id_campaign_id_fkey" FOREIGN KEY ("tenant_id", "campaign_id") REFERENCES "campaign"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "summary_report" ADD CONSTRAINT "summary_report_tenant_id_organization_id_fkey" FOREIGN KEY ("tenant_id", "organization_id") REFERENCES "organization"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refresh_token" ADD CONSTRAINT "refresh_token_tenant_id_user_id_fkey" FOREIGN KEY ("tenant_id", "user_id") REFERENCES "app_user"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
