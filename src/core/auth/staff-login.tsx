import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { withTenantTx } from '../db/client.ts';
import { t, translator } from '../i18n/index.ts';
import { endSession, startSession, updateSessionData } from './sessions.ts';
import { safeNext } from './safe-redirect.ts';
import { checkStaffPassword, checkTotp, findStaffById, registerLoginFailure, registerLoginSuccess } from './staff.ts';
import { Alert, CsrfField, Input, errorText, formBody, queryOf, sendPage, str, type FieldErrors } from './views.tsx';

/** Staff login: e-mail and password, then (when enrolled) a TOTP code. */

/** The strict per-route limit on credential posts (per client IP), on top of the per-account lock. */
export const LOGIN_RATE_LIMIT = { max: 10, timeWindow: 60_000 };
/** How long the second step may wait after a correct password. */
export const TOTP_STEP_MAX_AGE_MS = 5 * 60 * 1000;

interface TotpStep {
  staffId: string;
  next: string;
  at: number;
}

function readTotpStep(req: FastifyRequest): TotpStep | null {
  const s = req.session?.data?.staffTotp as Partial<TotpStep> | undefined;
  if (!s || req.session?.kind !== 'anonymous') return null;
  if (typeof s.staffId !== 'string' || typeof s.next !== 'string' || typeof s.at !== 'number') return null;
  if (Date.now() - s.at > TOTP_STEP_MAX_AGE_MS) return null;
  return { staffId: s.staffId, next: s.next, at: s.at };
}

function loginForm(req: FastifyRequest, reply: FastifyReply, ctx: AppContext, v: { email: string; next: string; errors: FieldErrors; failed: boolean }, status = 200) {
  const title = t(req.locale, 'auth.staff.title');
  return sendPage(
    req,
    reply,
    title,
    (pc) => {
      const tr = translator(pc.locale);
      const err = (f: string) => errorText(pc.locale, v.errors, f);
      return (
        <div class="row">
          <div class="col-lg-6">
            <h1>{title}</h1>
            <p class="lead">{tr('auth.staff.lead')}</p>
            {v.failed ? <Alert kind="danger">{tr('auth.staff.invalid')}</Alert> : null}
            <form method="post" action="/auth/staff/login" novalidate>
              <CsrfField ctx={pc} />
              <input type="hidden" name="next" value={v.next} />
              <Input id="email" type="email" label={tr('auth.staff.email')} value={v.email} error={err('email')} required autocomplete="username" />
              <Input id="password" type="password" label={tr('auth.staff.password')} error={err('password')} required autocomplete="current-password" />
              <button type="submit" class="btn btn-primary">
                {tr('auth.staff.submit')}
              </button>
            </form>
            <p class="mt-4 small">{tr('auth.staff.lockNotice')}</p>
            {!ctx.config.isProduction ? (
              <p class="small">
                <a href="/auth/demo">{tr('auth.staff.demoHint')}</a>
              </p>
            ) : null}
          </div>
        </div>
      );
    },
    status,
  );
}

function totpForm(req: FastifyRequest, reply: FastifyReply, error: string | null, status = 200) {
  const title = t(req.locale, 'auth.totp.title');
  return sendPage(
    req,
    reply,
    title,
    (pc) => (
      <div class="row">
        <div class="col-lg-6">
          <h1>{title}</h1>
          <p class="lead">{t(pc.locale, 'auth.totp.lead')}</p>
          <form method="post" action="/auth/staff/totp" novalidate>
            <CsrfField ctx={pc} />
            <Input
              id="code"
              label={t(pc.locale, 'auth.totp.code')}
              error={error}
              required
              autocomplete="one-time-code"
              inputmode="numeric"
              pattern="[0-9 ]{6,7}"
              maxLength={7}
              hint={t(pc.locale, 'auth.totp.codeHint')}
            />
            <button type="submit" class="btn btn-primary">
              {t(pc.locale, 'auth.totp.submit')}
            </button>
          </form>
        </div>
      </div>
    ),
    status,
  );
}

export async function staffLoginRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/auth/staff/login', { schema: { hide: true } }, async (req, reply) => {
    const q = queryOf(req);
    return loginForm(req, reply, ctx, { email: '', next: safeNext(q.next, ''), errors: [], failed: false });
  });

  app.post('/auth/staff/login', { schema: { hide: true }, config: { rateLimit: LOGIN_RATE_LIMIT } }, async (req, reply) => {
    const tenant = req.tenant!;
    const body = formBody(req);
    const email = str(body.email).trim();
    const password = str(body.password);
    const next = safeNext(str(body.next), '');
    const errors: FieldErrors = [];
    if (!email) errors.push({ field: 'email', message: 'auth.error.required' });
    if (!password) errors.push({ field: 'password', message: 'auth.error.required' });
    if (errors.length) return loginForm(req, reply, ctx, { email, next, errors, failed: false }, 400);

    const res = await checkStaffPassword(ctx.db, tenant.id, email, password, { isProduction: ctx.config.isProduction, requestId: req.id });
    if (!res.ok) return loginForm(req, reply, ctx, { email, next, errors: [], failed: true }, 401);
    const { staff, totpRequired } = res.value;
    if (totpRequired) {
      await startSession(req, reply, 'anonymous', null, { staffTotp: { staffId: staff.id, next, at: Date.now() } satisfies TotpStep });
      return reply.redirect('/auth/staff/totp', 303);
    }
    await registerLoginSuccess(ctx.db, tenant.id, staff, 'password', req.id);
    await startSession(req, reply, 'staff', staff.id);
    return reply.redirect(safeNext(next, '/admin'), 303);
  });

  app.get('/auth/staff/totp', { schema: { hide: true } }, async (req, reply) => {
    if (!readTotpStep(req)) return reply.redirect('/auth/staff/login', 303);
    return totpForm(req, reply, null);
  });

  app.post('/auth/staff/totp', { schema: { hide: true }, config: { rateLimit: LOGIN_RATE_LIMIT } }, async (req, reply) => {
    const tenant = req.tenant!;
    const step = readTotpStep(req);
    if (!step) return reply.redirect('/auth/staff/login', 303);
    const code = str(formBody(req).code);
    const now = new Date();
    const staff = await withTenantTx(ctx.db, tenant.id, (tx) => findStaffById(tx, tenant.id, step.staffId));
    const usable = staff && staff.active && staff.totpEnabled && staff.totpSecret && !(staff.lockedUntil && staff.lockedUntil > now);
    if (!usable) {
      await endSession(req, reply);
      return loginForm(req, reply, ctx, { email: '', next: step.next, errors: [], failed: true }, 401);
    }
    if (!checkTotp(staff.totpSecret!, code)) {
      const { locked } = await registerLoginFailure(ctx.db, tenant.id, staff.id, now, req.id);
      if (locked) {
        await endSession(req, reply);
        return loginForm(req, reply, ctx, { email: '', next: step.next, errors: [], failed: true }, 401);
      }
      return totpForm(req, reply, t(req.locale, 'auth.error.totpInvalid'), 401);
    }
    await updateSessionData(ctx.db, tenant.id, req.session!.id, {});
    await registerLoginSuccess(ctx.db, tenant.id, staff, 'password+totp', req.id);
    await startSession(req, reply, 'staff', staff.id);
    return reply.redirect(safeNext(step.next, '/admin'), 303);
  });
}
