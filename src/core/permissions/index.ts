import type { FastifyRequest } from 'fastify';
import type { Actor, StaffRole } from '../auth/types.ts';
import { httpProblem } from '../http/problem.ts';

/**
 * can(actor, action, subject): the one question every route asks before acting.
 * Actions are `module.action` (e.g. `core.audit.read`, `reports.assign`). Modules register rules;
 * an action nobody registered is denied.
 */
export type Subject = Record<string, unknown> | undefined;
export type Rule = (actor: Actor, subject: Subject) => boolean;

export class PermissionRegistry {
  private rules = new Map<string, Rule[]>();

  register(action: string, rule: Rule): void {
    if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(action)) throw new Error(`permission ${action} is not module.action`);
    const list = this.rules.get(action) ?? [];
    list.push(rule);
    this.rules.set(action, list);
  }

  /** Convenience: staff with any of these roles may do `action`. Admins always may. */
  allowRoles(action: string, roles: StaffRole[]): void {
    this.register(action, (a) => a.type === 'staff' && (a.roles.includes('admin') || a.roles.some((r) => roles.includes(r))));
  }

  can(actor: Actor, action: string, subject?: Subject): boolean {
    const list = this.rules.get(action);
    if (!list) return false;
    return list.some((r) => r(actor, subject));
  }

  actions(): string[] {
    return [...this.rules.keys()].sort();
  }
}

export const isStaff = (a: Actor): a is Extract<Actor, { type: 'staff' }> => a.type === 'staff';
export const isCitizen = (a: Actor): a is Extract<Actor, { type: 'citizen' }> => a.type === 'citizen';
export const hasRole = (a: Actor, role: StaffRole): boolean => a.type === 'staff' && (a.roles.includes('admin') || a.roles.includes(role));

/** The core's own permissions. */
export function registerCorePermissions(p: PermissionRegistry): void {
  p.allowRoles('core.audit.read', []);
  p.allowRoles('core.outbox.read', []);
  p.allowRoles('core.staff.manage', []);
  p.allowRoles('core.tenant.settings', []);
  p.register('core.inbox.read', (a) => a.type === 'citizen' || a.type === 'staff');
  p.allowRoles('core.uploads.create', ['editor', 'operator', 'office']);
  p.allowRoles('core.feedback.read', ['editor']);
}

/**
 * preHandler for routes: 401 when nobody is logged in (pages redirect to the login), 403 when the
 * actor may not do `action`.
 */
export function requirePermission(action: string, subject?: (req: FastifyRequest) => Subject) {
  return async (req: FastifyRequest): Promise<void> => {
    if (!req.actor || req.actor.type === 'anonymous') throw httpProblem('unauthorized');
    if (!req.server.ctx.permissions.can(req.actor, action, subject?.(req))) throw httpProblem('forbidden');
  };
}
