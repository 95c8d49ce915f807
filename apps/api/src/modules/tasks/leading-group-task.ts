// A LEADING_GROUP task (成立领导小组) is done once the unit's 领导小组 has a member: saving the group completes
// it, and a task handed down to a unit whose group is already recorded starts done. The tasks it completes
// are leaves (not handed down further); their parents follow (task-parent-status.ts). Runs inside the
// caller's transaction, so the group and its task change together.
import type { Prisma } from '../../generated/prisma/client.js';
import { deriveParentStatus, lockTask } from './task-parent-status.js';

/**
 * Completes the open LEADING_GROUP leaf tasks of the campaign, of one unit or among some tasks (and their
 * cascaded children), whose unit's leading group has at least one member. Returns the ids it completed.
 */
export async function completeLeadingGroupTasks(
  tx: Prisma.TransactionClient,
  tenantId: string,
  campaignId: string,
  where: { organizationId: string } | { taskIds: string[] },
): Promise<string[]> {
  const ids = 'taskIds' in where ? where.taskIds : null;
  const org = 'organizationId' in where ? where.organizationId : null;
  const rows: { id: string; parent_task_id: string | null }[] = await tx.$queryRaw`
    UPDATE task t
       SET status = 'DONE', completed_at = now(), updated_at = now()
     WHERE t.tenant_id = ${tenantId}::uuid AND t.campaign_id = ${campaignId}::uuid
       AND t.kind = 'LEADING_GROUP' AND t.status IN ('TODO', 'IN_PROGRESS')
       AND (${org}::uuid IS NULL OR t.organization_id = ${org}::uuid)
       AND (${ids}::uuid[] IS NULL OR t.id = ANY(${ids}::uuid[]) OR t.parent_task_id = ANY(${ids}::uuid[]))
       AND NOT EXISTS (SELECT 1 FROM task c WHERE c.tenant_id = t.tenant_id AND c.parent_task_id = t.id)
       AND EXISTS (
         SELECT 1 FROM leading_group g
           JOIN leading_group_member m ON m.tenant_id = g.tenant_id AND m.leading_group_id = g.id
          WHERE g.tenant_id = t.tenant_id AND g.campaign_id = t.campaign_id AND g.organization_id = t.organization_id)
    RETURNING t.id, t.parent_task_id`;
  const parents = [...new Set(rows.flatMap((r) => (r.parent_task_id ? [r.parent_task_id] : [])))].sort();
  for (const parent of parents) {
    await lockTask(tx, tenantId, parent);
    await deriveParentStatus(tx, tenantId, parent);
  }
  return rows.map((r) => r.id);
}
