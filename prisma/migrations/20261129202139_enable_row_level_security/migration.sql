-- Row-level security as defence in depth (docs/decisions/006-row-level-security.md).
-- The API switches its connections to the role campaign_month_app (created and granted at start-up by
-- core/database/row-level-security.ts) and sets app.tenant_id to the request's tenant: a query that
-- forgets its tenant filter then sees only that tenant's rows. Requests without a signed-in actor
-- (log-in, sign-up, refresh) and system jobs set app.rls_bypass. The table owner (migrations, seed,
-- psql) is not subject to the policies, as FORCE is not set.
-- No semicolon may appear inside a comment here: the offline schema engine splits scripts on it.

ALTER TABLE "tenant" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "tenant"
  USING (current_setting('app.rls_bypass', true) = 'on' OR id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (current_setting('app.rls_bypass', true) = 'on' OR id = nullif(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "organization" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "organization"
  USING (current_setting('app.rls_bypass', true) = 'on' OR tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (current_setting('app.rls_bypass', true) = 'on' OR tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "app_user" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "app_user"
  USING (current_setting('app.rls_bypass', true) = 'on' OR tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (current_setting('app.rls_bypass', true) = 'on' OR tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "membership" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "membership"
  USING (current_setting('app.rls_bypass', true) = 'on' OR tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (current_setting('app.rls_bypass', true) = 'on' OR tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "campaign" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "campaign"
  USING (current_setting('app.rls_bypass', true) = 'on' OR tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (current_setting('app.rls_bypass', true) = 'on' OR tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "participant" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "participant"
  USING (current_setting('app.rls_bypass', true) = 'on' OR tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (current_setting('app.rls_bypass', true) = 'on' OR tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "metric_definition" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "metric_definition"
  USING (current_setting('app.rls_bypass', true) = 'on' OR tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (current_setting('app.rls_bypass', true) = 'on' OR tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "leading_group" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "leading_group"
  USING (current_setting('app.rls_bypass', true) = 'on' OR tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (current_setting('app.rls_bypass', true) = 'on' OR tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "leading_group_member" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "leading_group_member"
  USING (current_setting('app.rls_bypass', true) = 'on' OR tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (current_setting('app.rls_bypass', true) = 'on' OR tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "task" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "task"
  USING (current_setting('app.rls_bypass', true) = 'on' OR tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (current_setting('app.rls_bypass', true) = 'on' OR tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "publicity_event" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "publicity_event"
  USING (current_setting('app.rls_bypass', true) = 'on' OR tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (current_setting('app.rls_bypass', true) = 'on' OR tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "event_metric_value" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "event_metric_value"
  USING (current_setting('app.rls_bypass', true) = 'on' OR tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (current_setting('app.rls_bypass', true) = 'on' OR tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "event_photo" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "event_photo"
  USING (current_setting('app.rls_bypass', true) = 'on' OR tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (current_setting('app.rls_bypass', true) = 'on' OR tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "summary_report" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "summary_report"
  USING (current_setting('app.rls_bypass', true) = 'on' OR tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (current_setting('app.rls_bypass', true) = 'on' OR tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "audit_entry" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "audit_entry"
  USING (current_setting('app.rls_bypass', true) = 'on' OR tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (current_setting('app.rls_bypass', true) = 'on' OR tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "refresh_token" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "refresh_token"
  USING (current_setting('app.rls_bypass', true) = 'on' OR tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (current_setting('app.rls_bypass', true) = 'on' OR tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "idempotency_record" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "idempotency_record"
  USING (current_setting('app.rls_bypass', true) = 'on' OR tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (current_setting('app.rls_bypass', true) = 'on' OR tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
