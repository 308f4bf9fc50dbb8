import { M } from './markers.ts';

/**
 * JSON for a <script> element: "<", ">" and "&" become \u escapes, so no "</script>" or "<!--" in the data can
 * end or change the element, and the line separators U+2028/U+2029 are escaped too. The result is the same JSON.
 */
export function scriptSafeJson(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * Structured data (schema.org) for search engines and the Modello Comuni validator, which reads the service card's
 * GovernmentService from `<script type="application/ld+json" data-element="metatag">`. Put it in the Layout's
 * `head` prop. Allowed by the CSP: it is data, not a script that runs.
 */
export function JsonLd({ data }: { data: Record<string, unknown> }) {
  return <script type="application/ld+json" data-element={M.metatag} dangerouslySetInnerHTML={{ __html: scriptSafeJson(data) }} />;
}
