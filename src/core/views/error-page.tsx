import { Layout, type PageContext } from './layout.tsx';
import { t } from '../i18n/index.ts';

export function ErrorPage({ ctx, title, text }: { ctx: PageContext; title: string; text: string }) {
  return (
    <Layout ctx={ctx} title={title}>
      <div class="row">
        <div class="col-lg-8">
          <h1>{title}</h1>
          <p class="lead">{text}</p>
          <a class="btn btn-primary" href="/">
            {t(ctx.locale, 'error.backHome')}
          </a>
        </div>
      </div>
    </Layout>
  );
}
