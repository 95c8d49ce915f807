import type { TaskView } from '../../api/types.js';

export type TaskRow = TaskView & { children?: TaskRow[] };

export function buildTaskTree(tasks: TaskView[]): TaskRow[] {
  const byId = new Map<string, TaskRow>(tasks.map((t) => [t.id, { ...t }]));
  const roots: TaskRow[] = [];
  for (const t of byId.values()) {
    const parent = t.parentTaskId ? byId.get(t.parentTaskId) : undefined;
    if (!parent) {
      roots.push(t);
      continue;
    }
    parent.children = [...(parent.children ?? []), t];
  }
  for (const r of byId.values()) {
    if (r.children) {
      r.childrenTotal ??= r.children.length;
      r.childrenDone ??= r.children.filter((c) => c.status === 'DONE').length;
    }
  }
  return roots;
}
