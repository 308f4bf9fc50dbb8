/**
 * ── Pages of the staff area ── listed on GET /admin for the staff members allowed to use them. Other code adds
 * its admin pages with addAdminLink() when it registers (idempotent per href), e.g.
 *   addAdminLink({ href: '/admin/outbox', label: 'notify.admin.outbox', permission: 'core.outbox.read' });
 */
export interface AdminLink {
  href: string;
  /** i18n key of the link text. */
  label: string;
  /** i18n key of a one-line description (optional). */
  description?: string;
  /** Permission the actor needs to see the link; none = every staff member. */
  permission?: string;
}

export const adminLinks: AdminLink[] = [
  { href: '/admin/staff', label: 'admin.links.staff', description: 'admin.links.staffText', permission: 'core.staff.manage' },
  { href: '/admin/audit', label: 'admin.links.audit', description: 'admin.links.auditText', permission: 'core.audit.read' },
  { href: '/admin/account', label: 'admin.links.account', description: 'admin.links.accountText' },
];

/** Add (or replace, by href) a link of the staff area. */
export function addAdminLink(link: AdminLink): void {
  const i = adminLinks.findIndex((l) => l.href === link.href);
  if (i >= 0) adminLinks[i] = link;
  else adminLinks.push(link);
}
