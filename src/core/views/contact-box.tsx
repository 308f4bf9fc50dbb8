import { translator } from '../i18n/index.ts';
import { BI, type PageContext } from './layout.tsx';
import { M } from './markers.ts';
import { siteLink } from './site-links.ts';
import { siteSettings } from './site-settings.ts';

function Item({ href, icon, text, marker }: { href: string; icon: string; text: string; marker?: string }) {
  return (
    <li>
      <a class="list-item icon-left" href={href} data-element={marker}>
        <span class="list-item-title-icon-wrapper">
          <svg class="icon icon-primary icon-sm me-2" aria-hidden="true" focusable="false">
            <use href={`${BI}/svg/sprites.svg#${icon}`}></use>
          </svg>
          <span class="list-item-title">{text}</span>
        </span>
      </a>
    </li>
  );
}

/**
 * "Contatta il comune", as in the Modello Comuni: FAQ, assistance, a phone call, appointment booking (with the
 * `appointment-booking` marker) and, under "Problemi in città", the report of an inefficiency. The Layout shows
 * it at the end of the page with its `contactBox` prop; pages may also place it themselves (then not both).
 */
export function ContactBox({ ctx }: { ctx: PageContext }) {
  const tr = translator(ctx.locale);
  const s = siteSettings(ctx.tenant);
  return (
    <section class="bg-light py-5" aria-labelledby="contact-box-title">
      <div class="container">
        <div class="row">
          <div class="col-12 col-lg-6 offset-lg-3">
            <div class="card card-bg rounded shadow">
              <div class="card-body">
                <h2 class="h4 card-title" id="contact-box-title">
                  {tr('layout.contact.title')}
                </h2>
                <div class="link-list-wrapper">
                  <ul class="link-list">
                    <Item href="/faq" icon="it-help-circle" text={tr('layout.contact.faq')} />
                    <Item href={siteLink('assistance')} icon="it-mail" text={tr('layout.contact.assistance')} />
                    {s.phone ? <Item href={`tel:${s.phone.replace(/[^\d+]/g, '')}`} icon="it-telephone" text={tr('layout.contact.call', { phone: s.phone })} /> : null}
                    <Item href={siteLink('appointmentBooking')} icon="it-calendar" text={tr('layout.contact.booking')} marker={M.appointmentBooking} />
                  </ul>
                </div>
                <h2 class="h5 card-title mt-4" id="contact-box-problems">
                  {tr('layout.contact.problems')}
                </h2>
                <div class="link-list-wrapper">
                  <ul class="link-list" aria-labelledby="contact-box-problems">
                    <Item href={siteLink('reportInefficiency')} icon="it-map-marker-circle" text={tr('layout.contact.report')} />
                  </ul>
                </div>
              </div>
            </div>
          </div>
        </div>
      </div>
    </section>
  );
}
