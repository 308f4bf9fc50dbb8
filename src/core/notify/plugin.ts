import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { registerMessages } from '../i18n/index.ts';
import { addAdminLink } from '../admin/links.ts';
import { addPersonalAreaLink } from '../auth/personal-area.tsx';
import { notifyPages } from './pages.tsx';
import it from './i18n/it.json' with { type: 'json' };
import en from './i18n/en.json' with { type: 'json' };

/** Notifications: the citizen and staff inboxes and the outbox page, linked from the personal and staff areas. */
export async function notifyPlugin(app: FastifyInstance, ctx: AppContext): Promise<void> {
  registerMessages({ it, en });
  addPersonalAreaLink({ href: '/area-personale/messaggi', label: 'notify.inbox.title', description: 'notify.inbox.description' });
  addAdminLink({ href: '/admin/messaggi', label: 'notify.inbox.staffTitle', description: 'notify.inbox.staffDescription' });
  addAdminLink({ href: '/admin/outbox', label: 'notify.admin.outbox', description: 'notify.admin.outboxText', permission: 'core.outbox.read' });
  await notifyPages(app, ctx);
}
