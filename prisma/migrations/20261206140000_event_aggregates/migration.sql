-- CreateTable
CREATE TABLE "campaign_unit_day_type" (
    "tenant_id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "occurred_on" DATE NOT NULL,
    "type" "EventType" NOT NULL,
    "event_count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "campaign_unit_day_type_pkey" PRIMARY KEY ("tenant_id","campaign_id","organization_id","occurred_on","type")
);

-- CreateTable
CREATE TABLE "campaign_unit_day_type_metric" (
    "tenant_id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "occurred_on" DATE NOT NULL,
    "type" "EventType" NOT NULL,
    "metric_definition_id" UUID NOT NULL,
    "total" DECIMAL NOT NULL DEFAULT 0,
    "value_count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "campaign_unit_day_type_metric_pkey" PRIMARY KEY ("tenant_id","campaign_id","organization_id","occurred_on","type","metric_definition_id")
);

-- AddForeignKey
ALTER TABLE "campaign_unit_day_type" ADD CONSTRAINT "campaign_unit_day_type_tenant_id_campaign_id_fkey" FOREIGN KEY ("tenant_id", "campaign_id") REFERENCES "campaign"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_unit_day_type_metric" ADD CONSTRAINT "campaign_unit_day_type_metric_tenant_id_campaign_id_fkey" FOREIGN KEY ("tenant_id", "campaign_id") REFERENCES "campaign"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The aggregates are tenant-owned: the same policy as every other tenant table (decision 006).
ALTER TABLE "campaign_unit_day_type" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "campaign_unit_day_type"
  USING ((SELECT current_setting('app.rls_bypass', true) = 'on') OR tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK ((SELECT current_setting('app.rls_bypass', true) = 'on') OR tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid));
ALTER TABLE "campaign_unit_day_type_metric" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "campaign_unit_day_type_metric"
  USING ((SELECT current_setting('app.rls_bypass', true) = 'on') OR tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK ((SELECT current_setting('app.rls_bypass', true) = 'on') OR tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid));

-- Backfill from the events already logged (decision 038).
INSERT INTO "campaign_unit_day_type" (tenant_id, campaign_id, organization_id, occurred_on, type, event_count)
SELECT e.tenant_id, e.campaign_id, e.organization_id, e.occurred_on, e.type, count(*)::int
  FROM "publicity_event" e
 GROUP BY e.tenant_id, e.campaign_id, e.organization_id, e.occurred_on, e.type;

INSERT INTO "campaign_unit_day_type_metric" (tenant_id, campaign_id, organization_id, occurred_on, type, metric_definition_id, total, value_count)
SELECT e.tenant_id, e.campaign_id, e.organization_id, e.occurred_on, e.type, v.metric_definition_id, sum(v.value), count(*)::int
  FROM "publicity_event" e
  JOIN "event_metric_value" v ON v.tenant_id = e.tenant_id AND v.event_id = e.id
 GROUP BY e.tenant_id, e.campaign_id, e.organization_id, e.occurred_on, e.type, v.metric_definition_id;
