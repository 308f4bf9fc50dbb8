import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type SchemaObject } from 'ajv';
import parseSpdx from 'spdx-expression-parse';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';

/**
 * publiccode.yml has no npm validator (the official one is the Go CLI `publiccode-parser`), so this test carries
 * its own JSON Schema of the rules in shared STANDARDS.md §6.1–6.2 (publiccode.yml 0.7). It is deliberately a
 * little stricter than the Go parser where the standard only warns (uppercase country codes, no unknown keys).
 * The negative cases at the bottom prove that the schema rejects what it should.
 */

const root = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);

// ---------------------------------------------------------------------------------------------------------------
// Vocabularies

const ACCEPTED_VERSIONS = ['0', '0.2', '0.2.0', '0.2.1', '0.2.2', '0.3', '0.3.0', '0.4', '0.4.0', '0.5', '0.5.0', '0.7', '0.7.0'];
const LATEST_VERSIONS = ['0.7', '0.7.0'];

const DEVELOPMENT_STATUSES = ['concept', 'development', 'beta', 'stable', 'obsolete'];
const SOFTWARE_TYPES = [
  'standalone/mobile',
  'standalone/iot',
  'standalone/desktop',
  'standalone/web',
  'standalone/backend',
  'standalone/other',
  'addon',
  'library',
  'configurationFiles',
];
const MAINTENANCE_TYPES = ['internal', 'contract', 'community', 'none'];
const SUPPORT_ALIASES = ['gdpr', 'eidas', 'nis2', 'cra', 'spid', 'cie', 'anpr', 'pagopa', 'io'];

/** The standard's controlled category vocabulary (categories-list), plus `other` (added in 0.5). */
const CATEGORIES = `accounting agile-project-management applicant-tracking application-development appointment-scheduling
backup billing-and-invoicing blog budgeting business-intelligence business-process-management cad
call-center-management cloud-management collaboration communications compliance-management contact-management
content-management crm customer-service-and-support data-analytics data-collection data-visualization design
design-system digital-asset-management digital-citizenship document-management donor-management e-commerce
e-signature educational-content email-management email-marketing employee-management enterprise-project-management
enterprise-social-networking erp event-management facility-management feedback-and-reviews-management
financial-reporting fleet-management fundraising gamification geographic-information-systems grant-management
graphic-design help-desk hr ide identity-management instant-messaging inventory-management it-asset-management
it-development it-management it-security it-service-management knowledge-management learning-management-system
marketing mind-mapping mobile-marketing mobile-payment network-management office online-booking online-community
payment-gateway payroll predictive-analysis procurement productivity-suite project-collaboration project-management
property-management real-estate-management remote-support resource-management sales-management seo service-desk
social-media-management survey talent-management task-management taxes-management test-management time-management
time-tracking translation video-conferencing video-editing visitor-management voip warehouse-management
web-collaboration web-conferencing website-builder whistleblowing workflow-management other`.split(/\s+/);

/** The standard's scope vocabulary (scope-list). */
const SCOPES = `agriculture culture defence education emergency-services employment energy environment
finance-and-economic-development foreign-affairs healthcare infrastructures justice local-authorities manufacturing
research science-and-technology security society sport tourism transportation welfare`.split(/\s+/);

/**
 * BCP 47 language tag (RFC 5646 "langtag" production; grandfathered tags left out). The primary language subtag is
 * mandatory, as the standard requires. Letters in either case.
 */
const BCP47 = (() => {
  const a = '[A-Za-z]';
  const an = '[A-Za-z0-9]';
  const language = `(?:${a}{2,3}(?:-${a}{3}){0,3}|${a}{4}|${a}{5,8})`;
  const script = `(?:-${a}{4})`;
  const region = `(?:-(?:${a}{2}|[0-9]{3}))`;
  const variant = `(?:-(?:${an}{5,8}|[0-9]${an}{3}))`;
  const extension = `(?:-[0-9A-WYZa-wyz](?:-${an}{2,8})+)`;
  const privateUse = `(?:-[xX](?:-${an}{1,8})+)`;
  return `^${language}${script}?${region}?${variant}*${extension}*${privateUse}?$`;
})();

// ---------------------------------------------------------------------------------------------------------------
// Schema

const date = { type: 'string', format: 'date' };
const url = { type: 'string', format: 'url' };
const text = { type: 'string', minLength: 1 };
const stringList = { type: 'array', items: text };

const dependency = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: {
    name: text,
    versionMin: text,
    versionMax: text,
    version: text,
    optional: { type: 'boolean' },
  },
};

const languageDescription = {
  type: 'object',
  required: ['shortDescription'],
  additionalProperties: false,
  properties: {
    localisedName: text,
    genericName: { type: 'string', maxLength: 35 }, // deprecated
    shortDescription: { type: 'string', minLength: 1, maxLength: 150 },
    longDescription: { type: 'string', minLength: 150, maxLength: 10000 },
    documentation: url,
    apiDocumentation: url,
    features: { type: 'array', minItems: 1, items: text },
    screenshots: stringList,
    videos: { type: 'array', items: url },
    awards: stringList,
  },
};

const contact = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: {
    name: text, // must be a real person: not checkable here, see the comment in publiccode.yml
    email: { type: 'string', format: 'email' },
    phone: { type: 'string', pattern: '^\\+?[0-9 ()./-]{4,}$' }, // a string, with international prefix
    affiliation: text,
  },
};

const contractor = {
  type: 'object',
  required: ['name', 'until'],
  additionalProperties: false,
  properties: { name: text, until: date, email: { type: 'string', format: 'email' }, website: url },
};

const publiccodeSchema: SchemaObject = {
  type: 'object',
  required: [
    'publiccodeYmlVersion',
    'name',
    'url',
    'platforms',
    'developmentStatus',
    'softwareType',
    'description',
    'legal',
    'maintenance',
    'localisation',
  ],
  // Unknown top-level keys are rejected so that a typo ("developmentstatus") cannot slip through as "optional".
  additionalProperties: false,
  properties: {
    publiccodeYmlVersion: { type: 'string', enum: ACCEPTED_VERSIONS },
    name: text,
    applicationSuite: text,
    url,
    landingURL: url,
    isBasedOn: { anyOf: [url, { type: 'array', items: url }] },
    softwareVersion: text,
    releaseDate: date,
    logo: text,
    monochromeLogo: text, // deprecated
    inputTypes: stringList, // deprecated
    outputTypes: stringList, // deprecated
    platforms: { anyOf: [text, { type: 'array', minItems: 1, items: text }] }, // values outside the list are allowed
    categories: { type: 'array', uniqueItems: true, items: { type: 'string', enum: CATEGORIES } },
    usedBy: stringList,
    fundedBy: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name'],
        additionalProperties: false,
        properties: { name: text, uri: { type: 'string', format: 'uri-ish' } },
      },
    },
    roadmap: url,
    developmentStatus: { type: 'string', enum: DEVELOPMENT_STATUSES },
    softwareType: { type: 'string', enum: SOFTWARE_TYPES },
    supports: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id'],
        additionalProperties: false,
        properties: {
          id: {
            type: 'string',
            // an alias from the closed list (an unknown alias is an error), or any other URI
            pattern: `^(?:alias:(?:${SUPPORT_ALIASES.join('|')})|(?!alias:)[A-Za-z][A-Za-z0-9+.-]*:\\S+)$`,
          },
        },
      },
    },
    organisation: {
      type: 'object',
      required: ['uri'],
      additionalProperties: false,
      properties: {
        uri: {
          type: 'string',
          format: 'uri-ish',
          // a PA publisher is written urn:x-italian-pa:<IPA code>
          if: { type: 'string', pattern: '^urn:x-italian-pa:' },
          then: { type: 'string', pattern: '^urn:x-italian-pa:[A-Za-z0-9_]+$' },
        },
        name: text,
      },
    },
    intendedAudience: {
      type: 'object',
      additionalProperties: false,
      properties: {
        countries: { type: 'array', items: { type: 'string', pattern: '^[A-Z]{2}$' } },
        unsupportedCountries: { type: 'array', items: { type: 'string', pattern: '^[A-Z]{2}$' } },
        scope: { type: 'array', items: { type: 'string', enum: SCOPES } },
      },
    },
    description: {
      type: 'object',
      minProperties: 1,
      propertyNames: { pattern: BCP47 },
      additionalProperties: languageDescription,
      // longDescription and features are mandatory in at least one language. JSON Schema has no "some value"
      // keyword for objects, so: it is NOT the case that every language lacks one of them.
      not: {
        type: 'object',
        additionalProperties: { not: { type: 'object', required: ['longDescription', 'features'] } },
      },
    },
    legal: {
      type: 'object',
      required: ['license'],
      additionalProperties: false,
      properties: {
        license: { type: 'string', format: 'spdx-expression' },
        mainCopyrightOwner: text,
        repoOwner: text, // deprecated
        authorsFile: text, // deprecated
      },
    },
    maintenance: {
      type: 'object',
      required: ['type'],
      additionalProperties: false,
      properties: {
        type: { type: 'string', enum: MAINTENANCE_TYPES },
        contractors: { type: 'array', minItems: 1, items: contractor },
        contacts: { type: 'array', minItems: 1, items: contact },
      },
      allOf: [
        {
          // contractors are mandatory for `contract` and forbidden otherwise
          if: { type: 'object', properties: { type: { const: 'contract' } } },
          then: { type: 'object', required: ['contractors'] },
          else: { type: 'object', not: { type: 'object', required: ['contractors'] } },
        },
        {
          // contacts are mandatory for `internal` and `community`
          if: { type: 'object', properties: { type: { enum: ['internal', 'community'] } } },
          then: { type: 'object', required: ['contacts'] },
        },
      ],
    },
    localisation: {
      type: 'object',
      required: ['localisationReady', 'availableLanguages'],
      additionalProperties: false,
      properties: {
        localisationReady: { type: 'boolean' },
        availableLanguages: {
          type: 'array',
          minItems: 1,
          uniqueItems: true,
          items: { type: 'string', pattern: BCP47 },
        },
      },
    },
    dependsOn: {
      type: 'object',
      additionalProperties: false,
      properties: {
        open: { type: 'array', items: dependency },
        proprietary: { type: 'array', items: dependency },
        hardware: { type: 'array', items: dependency },
      },
    },
    // The whole country section is deprecated in 0.7; accepted (with a warning upstream) but not checked here.
    IT: { type: 'object' },
    it: { type: 'object' },
  },
};

function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname !== '';
  } catch {
    return false;
  }
}

function isSpdxExpression(s: string): boolean {
  try {
    parseSpdx(s);
    return true;
  } catch {
    return false;
  }
}

function buildValidator() {
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
  ajv.addFormat('date', isCalendarDate);
  ajv.addFormat('url', isHttpUrl);
  ajv.addFormat('uri-ish', /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/);
  ajv.addFormat('email', /^[^\s@]+@[^\s@]+\.[^\s@]+$/);
  ajv.addFormat('spdx-expression', isSpdxExpression);
  return ajv.compile(publiccodeSchema);
}

const validate = buildValidator();

function check(doc: unknown): ErrorObject[] {
  return validate(doc) ? [] : [...(validate.errors ?? [])];
}

function describeErrors(errors: ErrorObject[]): string {
  return errors.map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Fixtures

const publiccodeText = readFileSync(`${root}publiccode.yml`, 'utf8');
const yamlDoc = parseDocument(publiccodeText, { version: '1.2' });
const publiccode: unknown = yamlDoc.toJS();
const packageJson = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { license?: string; version?: string };

type Obj = Record<string, unknown>;
const DELETE = Symbol('delete');
type Edit = [path: string, value: unknown];

/** A deep copy of our publiccode.yml with edits applied; path segments separated by '.', array indexes allowed. */
function variant(...edits: Edit[]): unknown {
  const copy = structuredClone(publiccode) as Obj;
  for (const [path, value] of edits) {
    const keys = path.split('.');
    const last = keys.pop() as string;
    let node: Obj = copy;
    for (const k of keys) {
      if (typeof node[k] !== 'object' || node[k] === null) node[k] = {};
      node = node[k] as Obj;
    }
    if (value === DELETE) delete node[last];
    else node[last] = value;
  }
  return copy;
}

// ---------------------------------------------------------------------------------------------------------------
// Tests

describe('publiccode.yml', () => {
  it('is well-formed YAML 1.2 that parses to a mapping', () => {
    expect(yamlDoc.errors).toEqual([]);
    expect(yamlDoc.warnings).toEqual([]);
    expect(typeof publiccode).toBe('object');
    expect(Array.isArray(publiccode)).toBe(false);
  });

  it('satisfies the publiccode.yml 0.7 schema', () => {
    const errors = check(publiccode);
    expect(errors, describeErrors(errors)).toEqual([]);
  });

  it('declares the latest version of the standard and no deprecated country section', () => {
    const doc = publiccode as Obj;
    expect(LATEST_VERSIONS).toContain(doc.publiccodeYmlVersion);
    expect(doc).not.toHaveProperty('IT');
    expect(doc).not.toHaveProperty('it');
  });

  it('has an SPDX licence expression equal to package.json "license" and matching LICENSE', () => {
    const license = (publiccode as { legal: { license: string } }).legal.license;
    expect(() => parseSpdx(license)).not.toThrow();
    expect(parseSpdx(license)).toEqual({ license: 'EUPL-1.2' });
    expect(license).toBe(packageJson.license);

    const official = JSON.parse(
      readFileSync(require.resolve('spdx-license-list/licenses/EUPL-1.2.json'), 'utf8'),
    ) as { licenseText: string };
    const ours = readFileSync(`${root}LICENSE`, 'utf8');
    expect(ours.trimEnd()).toBe(official.licenseText.trimEnd());
  });

  it('states the same software version as package.json', () => {
    expect((publiccode as Obj).softwareVersion).toBe(packageJson.version);
  });

  it('keeps every short description within 150 characters and long ones within 150–10000', () => {
    const description = (publiccode as { description: Record<string, Obj> }).description;
    expect(Object.keys(description).sort()).toEqual(['en', 'it']);
    for (const lang of Object.values(description)) {
      expect([...String(lang.shortDescription)].length).toBeLessThanOrEqual(150);
      const long = [...String(lang.longDescription)].length;
      expect(long).toBeGreaterThanOrEqual(150);
      expect(long).toBeLessThanOrEqual(10000);
      expect(Array.isArray(lang.features) && lang.features.length > 0).toBe(true);
    }
  });
});

describe('publiccode.yml validator', () => {
  const required = publiccodeSchema.required as string[];

  it.each(required)('rejects a file without the required key %s', (key) => {
    expect(check(variant([key, DELETE]))).not.toEqual([]);
  });

  const invalid: [name: string, edits: Edit[], errorAt: string][] = [
    ['a 200-character shortDescription', [['description.it.shortDescription', 'x'.repeat(200)]], '/description/it/shortDescription'],
    ['a 151-character shortDescription', [['description.en.shortDescription', 'é'.repeat(151)]], '/description/en/shortDescription'],
    ['a 149-character longDescription', [['description.it.longDescription', 'x'.repeat(149)]], '/description/it/longDescription'],
    ['a 10001-character longDescription', [['description.en.longDescription', 'x'.repeat(10001)]], '/description/en/longDescription'],
    ['an empty features list', [['description.it.features', []]], '/description/it/features'],
    ['a language without shortDescription', [['description.en.shortDescription', DELETE]], '/description/en'],
    [
      'no language with longDescription and features',
      [
        ['description.it.longDescription', DELETE],
        ['description.en.features', DELETE],
      ],
      '/description',
    ],
    ['an empty description', [['description', {}]], '/description'],
    ['a description key that is not BCP 47', [['description.it_IT', { shortDescription: 'Breve.' }]], '/description'],
    ['an unknown key in a description', [['description.it.summary', 'x']], '/description/it'],
    ['publiccodeYmlVersion as a YAML number', [['publiccodeYmlVersion', 0.7]], '/publiccodeYmlVersion'],
    ['an unknown publiccodeYmlVersion', [['publiccodeYmlVersion', '0.6']], '/publiccodeYmlVersion'],
    ['a developmentStatus outside the list', [['developmentStatus', 'alpha']], '/developmentStatus'],
    ['a softwareType outside the list', [['softwareType', 'standalone']], '/softwareType'],
    ['a category outside the vocabulary', [['categories', ['e-government']]], '/categories/0'],
    ['a scope outside the vocabulary', [['intendedAudience.scope', ['municipalities']]], '/intendedAudience/scope/0'],
    ['a lowercase country code', [['intendedAudience.countries', ['it']]], '/intendedAudience/countries/0'],
    ['an empty platforms list', [['platforms', []]], '/platforms'],
    ['a non-URL url', [['url', 'github.com/piazza-pa/piazza']], '/url'],
    ['an unknown supports alias', [['supports', [{ id: 'alias:spidd' }]]], '/supports/0/id'],
    ['a supports id that is not a URI', [['supports', [{ id: 'spid' }]]], '/supports/0/id'],
    ['an empty IPA code in organisation.uri', [['organisation', { uri: 'urn:x-italian-pa:' }]], '/organisation/uri'],
    ['an organisation without uri', [['organisation', { name: 'Comune di Biella' }]], '/organisation'],
    ['a licence that is not an SPDX expression', [['legal.license', 'EUPL 1.2']], '/legal/license'],
    ['an unknown SPDX licence id', [['legal.license', 'EUPL-9.9']], '/legal/license'],
    ['a maintenance type outside the list', [['maintenance.type', 'volunteer']], '/maintenance/type'],
    ['community maintenance without contacts', [['maintenance.contacts', DELETE]], '/maintenance'],
    ['internal maintenance with an empty contacts list', [['maintenance.type', 'internal'], ['maintenance.contacts', []]], '/maintenance/contacts'],
    ['contract maintenance without contractors', [['maintenance.type', 'contract']], '/maintenance'],
    [
      'contractors with community maintenance',
      [['maintenance.contractors', [{ name: 'Coop Informatica', until: '2027-06-30' }]]],
      '/maintenance',
    ],
    [
      'a contractor date not in YYYY-MM-DD',
      [
        ['maintenance.type', 'contract'],
        ['maintenance.contractors', [{ name: 'Coop Informatica', until: '30/06/2027' }]],
      ],
      '/maintenance/contractors/0/until',
    ],
    [
      'a contractor without until',
      [
        ['maintenance.type', 'contract'],
        ['maintenance.contractors', [{ name: 'Coop Informatica' }]],
      ],
      '/maintenance/contractors/0',
    ],
    ['a contact phone number that is not a string', [['maintenance.contacts.0.phone', 390151234567]], '/maintenance/contacts/0/phone'],
    ['a contact without a name', [['maintenance.contacts', [{ email: 'a@example.org' }]]], '/maintenance/contacts/0'],
    ['an impossible releaseDate', [['releaseDate', '2026-02-30']], '/releaseDate'],
    ['a releaseDate with a time', [['releaseDate', '2026-11-23T10:00:00Z']], '/releaseDate'],
    ['localisationReady as a string', [['localisation.localisationReady', 'yes']], '/localisation/localisationReady'],
    ['no available languages', [['localisation.availableLanguages', []]], '/localisation/availableLanguages'],
    ['a language with an underscore', [['localisation.availableLanguages', ['it_IT']]], '/localisation/availableLanguages/0'],
    ['a language tag with an empty subtag', [['localisation.availableLanguages', ['en-']]], '/localisation/availableLanguages/0'],
    ['a dependency without a name', [['dependsOn.open', [{ versionMin: '15' }]]], '/dependsOn/open/0'],
    ['an unknown top-level key', [['developmentstatus', 'beta']], ''],
  ];

  it.each(invalid)('rejects %s', (_name, edits, errorAt) => {
    const errors = check(variant(...edits));
    expect(errors).not.toEqual([]);
    expect(errors.map((e) => e.instancePath), describeErrors(errors)).toContain(errorAt);
  });

  const valid: [name: string, edits: Edit[]][] = [
    ['a second language with only a shortDescription', [['description.de', { shortDescription: 'Der digitale Platz.' }]]],
    [
      'longDescription and features in one language only',
      [
        ['description.en.longDescription', DELETE],
        ['description.en.features', DELETE],
      ],
    ],
    ['exactly 150 characters of shortDescription', [['description.it.shortDescription', 'x'.repeat(150)]]],
    ['exactly 150 characters of longDescription', [['description.it.longDescription', 'x'.repeat(150)]]],
    ['region, script and variant subtags', [['localisation.availableLanguages', ['it-IT', 'sr-Latn-RS', 'sl-IT-nedis', 'de-CH-1996']]]],
    ['a supports URI', [['supports', [{ id: 'alias:anpr' }, { id: 'https://example.org/standards/x' }]]]],
    ['a PA organisation', [['organisation', { uri: 'urn:x-italian-pa:c_a859', name: 'Comune di Biella' }]]],
    ['a compound SPDX expression', [['legal.license', 'EUPL-1.2 OR AGPL-3.0-or-later']]],
    [
      'contract maintenance with a contractor',
      [
        ['maintenance.type', 'contract'],
        ['maintenance.contacts', DELETE],
        ['maintenance.contractors', [{ name: 'Coop Informatica', until: '2028-02-29', website: 'https://coop.example.org' }]],
      ],
    ],
    ['no maintenance with no contacts', [['maintenance.type', 'none'], ['maintenance.contacts', DELETE]]],
    ['a contact with phone, e-mail and affiliation', [['maintenance.contacts.0', { name: 'Maria Rossi', email: 'maria.rossi@example.org', phone: '+39 015 1234567', affiliation: 'Comune di Biella' }]]],
    ['a platform outside the predefined list', [['platforms', ['web', 'kiosk']]]],
    ['platforms as a single string', [['platforms', 'web']]],
    ['the accepted older version 0.5', [['publiccodeYmlVersion', '0.5']]],
  ];

  it.each(valid)('accepts %s', (_name, edits) => {
    const errors = check(variant(...edits));
    expect(errors, describeErrors(errors)).toEqual([]);
  });
});
