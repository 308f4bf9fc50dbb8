import type { PermissionRegistry } from '../../core/permissions/index.ts';

/**
 * site.content.edit     create and change drafts of any content type (editors)
 * site.content.publish  publish, unpublish and delete contents (editors)
 * site.assistance.read  read and handle richieste di assistenza (operators; office members for their offices)
 * site.settings.edit    the comune's site settings: name, coat of arms, contacts, links (admins)
 */
export function registerSitePermissions(p: PermissionRegistry): void {
  p.allowRoles('site.content.edit', ['editor']);
  p.allowRoles('site.content.publish', ['editor']);
  p.allowRoles('site.assistance.read', ['operator', 'office']);
  p.allowRoles('site.settings.edit', []);
}
