// A task handed down (with cascaded children) has no work of its own: its status follows its children's,
// derived in the transaction that changes a child (issue 17). All children DONE or CANCELLED with at least
// one DONE → DONE (completed when the last of them was); all CANCELLED → CANCELLED; any DONE or IN_PROGRESS
// otherwise → IN_PROGRESS; else TODO.
import type { Prisma } from '../../generated/prisma/client.js';

/** Locks a task row until the transaction ends, so that two children changed at once derive in turn. */
export async function lockTask(tx: Prisma.TransactionClient, tenantId: string, taskId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM task WHERE tenant_id = ${tenantId}::uuid AND id = ${taskId}::uuid FOR UPDATE`;
}

/**
 * Sets the status of `parentId` (and, in turn, of its own parent) from its children's. Returns the parent's
 * new status, or null when it did not change.
 */
export async function deriveParentStatus(
  tx: Prisma.TransactionClient,
  tenantId: string,
  parentId: string,
): Promise<string | null> {
  let first: string | null = null;
  let next: string | null = parentId;
  // a cascade is one level deep today; the loop bounds a chain should one ever be deeper
  for (let depth = 0; next !== null && depth < 10; depth++) {
    const rows: { status: string; parent_task_id: string | null }[] = await tx.$queryRaw`
      WITH d AS (
        SELECT CASE WHEN bool_and(c.status IN ('DONE', 'CANCELLED')) AND bool_or(c.status = 'DONE') THEN 'DONE'
                    WHEN bool_and(c.status = 'CANCELLED') THEN 'CANCELLED'
                    WHEN bool_or(c.status IN ('DONE', 'IN_PROGRESS')) THEN 'IN_PROGRESS'
                    ELSE 'TODO' END AS status,
               coalesce(max(c.completed_at) FILTER (WHERE c.status = 'DONE'), now()) AS last_done
          FROM task c
         WHERE c.tenant_id = ${tenantId}::uuid AND c.parent_task_id = ${next}::uuid
        HAVING count(*) > 0
      )
      UPDATE task p
         SET status = d.status::"TaskStatus",
             completed_at = CASE WHEN d.status = 'DONE' THEN d.last_done END,
             updated_at = now()
        FROM d
       WHERE p.tenant_id = ${tenantId}::uuid AND p.id = ${next}::uuid
         AND (p.status::text IS DISTINCT FROM d.status
              OR (d.status = 'DONE') IS DISTINCT FROM (p.completed_at IS NOT NULL))
      RETURNING p.status::text AS status, p.parent_task_id`;
    if (!rows[0]) break;
    first ??= rows[0].status;
    next = rows[0].parent_task_id;
    if (next) await lockTask(tx, tenantId, next);
  }
  return first;
}

/** Whether a task was handed down (has cascaded children). */
export async function hasChildren(db: Prisma.TransactionClient, tenantId: string, taskId: string): Promise<boolean> {
  const rows: unknown[] = await db.$queryRaw`
    SELECT 1 FROM task WHERE tenant_id = ${tenantId}::uuid AND parent_task_id = ${taskId}::uuid LIMIT 1`;
  return rows.length > 0;
}
