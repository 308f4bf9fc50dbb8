/** Who is making a request. Resolved from the server-side session by the auth plugin. */
export type Actor =
  | { type: 'anonymous' }
  | { type: 'citizen'; id: string; taxCode: string; name: string; email: string | null }
  | { type: 'staff'; id: string; email: string; name: string; roles: StaffRole[]; officeIds: string[] };

export type StaffRole = 'admin' | 'editor' | 'operator' | 'office';
export const STAFF_ROLES: readonly StaffRole[] = ['admin', 'editor', 'operator', 'office'];

export function actorLabel(actor: Actor): string {
  switch (actor.type) {
    case 'anonymous':
      return 'anonymous';
    case 'citizen':
      return `citizen:${actor.id}`;
    case 'staff':
      return actor.email;
  }
}
