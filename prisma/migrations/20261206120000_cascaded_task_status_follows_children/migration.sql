-- A task handed down to units (with cascaded children) takes its status from its children (issue 17):
-- bring the existing ones in line once, and from now on the API derives it whenever a child changes status.
WITH d AS (
  SELECT c.tenant_id, c.parent_task_id AS id,
         CASE WHEN bool_and(c.status IN ('DONE', 'CANCELLED')) AND bool_or(c.status = 'DONE') THEN 'DONE'
              WHEN bool_and(c.status = 'CANCELLED') THEN 'CANCELLED'
              WHEN bool_or(c.status IN ('DONE', 'IN_PROGRESS')) THEN 'IN_PROGRESS'
              ELSE 'TODO' END AS status,
         max(c.completed_at) FILTER (WHERE c.status = 'DONE') AS last_done
    FROM task c
   WHERE c.parent_task_id IS NOT NULL
   GROUP BY c.tenant_id, c.parent_task_id
)
UPDATE task p
   SET status = d.status::"TaskStatus",
       completed_at = CASE WHEN d.status = 'DONE' THEN coalesce(p.completed_at, d.last_done, now()) END,
       updated_at = now()
  FROM d
 WHERE p.tenant_id = d.tenant_id AND p.id = d.id
   AND p.status <> 'CANCELLED'
   AND p.status::text IS DISTINCT FROM d.status;
