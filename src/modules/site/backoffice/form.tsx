import type { ComponentChildren } from 'preact';
import type { Translate } from '../../../core/i18n/index.ts';
import type { ContentType } from '../content/types.ts';
import { CONTENT_FORMS, NEW_ATTACHMENT_SLOTS, TOPICS, WEEKDAYS, fieldsOf, type FieldDef } from './fields.ts';
import { rawList, rawStr, type FieldError, type Raw } from './parse.ts';
import type { RefOption, UploadInfo } from './queries.ts';

/**
 * The one form renderer of the back office: it draws any content type's form from its field list
 * (fields.ts), with the raw values (parse.ts) and the errors next to the fields. Bootstrap Italia markup,
 * every input labelled, errors tied to inputs with aria-describedby; works without JavaScript.
 */

export interface FormState {
  type: ContentType;
  raw: Raw;
  errors: FieldError[];
  refs: Partial<Record<ContentType, RefOption[]>>;
  uploads: Map<string, UploadInfo>;
}

/** The HTML id of the input named `name`. */
export const fid = (name: string) => `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/** A translation that may not exist: undefined instead of the key. */
function maybe(tr: Translate, key: string): string | undefined {
  const s = tr(key);
  return s === key ? undefined : s;
}

export function fieldLabel(tr: Translate, type: ContentType, path: string): string {
  return maybe(tr, `site.bo.f.${type}.${path}`) ?? maybe(tr, `site.bo.f.${path}`) ?? path;
}
function fieldHint(tr: Translate, type: ContentType, path: string): string | undefined {
  return maybe(tr, `site.bo.h.${type}.${path}`) ?? maybe(tr, `site.bo.h.${path}`);
}

export function errorMessage(tr: Translate, e: FieldError): string {
  return tr(e.message, e.vars);
}

/** A readable name for the input an error belongs to, for the summary at the top of the form. */
export function errorFieldLabel(tr: Translate, type: ContentType, name: string): string {
  if (name === 'slug') return tr('site.bo.slug');
  const group = CONTENT_FORMS[type].find((g) => g.key === name);
  if (group) return tr(`site.bo.group.${group.key}`);
  const f = fieldsOf(type)
    .filter((x) => name === x.path || name.startsWith(`${x.path}.`))
    .sort((a, b) => b.path.length - a.path.length)[0];
  if (!f) return name;
  const base = fieldLabel(tr, type, f.path);
  const rest = name.slice(f.path.length + 1);
  if (!rest) return base;
  const parts: string[] = [];
  const day = WEEKDAYS.find((d) => rest.startsWith(`${d}.`));
  if (day) {
    const [, slot, which] = rest.split('.');
    parts.push(tr(`site.bo.day.${day}`), tr(`site.bo.hours.${which === 'close' ? 'close' : 'open'}`, { n: slot ?? '1' }));
  } else {
    if (rest.startsWith('exceptions')) parts.push(tr('site.bo.hours.exceptions'));
    if (rest.startsWith('notes')) parts.push(tr('site.bo.hours.notes'));
    if (rest.startsWith('alt')) parts.push(tr('site.bo.image.alt'));
    if (rest.startsWith('label')) parts.push(tr('site.bo.link.label'));
    if (rest === 'url') parts.push(tr('site.bo.link.url'));
    if (rest === 'file' || /^new\d+\.file$/.test(rest)) parts.push(tr('site.bo.file.choose'));
    const m = /^(new)?(\d+)\./.exec(rest);
    if (m) parts.push(m[1] ? tr('site.bo.attachments.new', { n: Number(m[2]) + 1 }) : tr('site.bo.attachments.n', { n: Number(m[2]) + 1 }));
  }
  if (rest.endsWith('.it') || rest === 'it') parts.push(tr('site.bo.lang.it'));
  if (rest.endsWith('.en') || rest === 'en') parts.push(tr('site.bo.lang.en'));
  return parts.length ? `${base} – ${parts.join(', ')}` : base;
}

/** Where the summary's link for an error goes. */
export function errorAnchor(type: ContentType, name: string): string {
  if (CONTENT_FORMS[type].some((g) => g.key === name)) return `g-${name}`;
  return fid(name);
}

function FieldErrorText({ id, errors, tr }: { id: string; errors: FieldError[]; tr: Translate }) {
  if (!errors.length) return null;
  return (
    <div id={`${id}-error`} class="invalid-feedback d-block">
      {errors.map((e) => errorMessage(tr, e)).join(' ')}
    </div>
  );
}

const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

interface InputOpts {
  name: string;
  label: string;
  value: string;
  errors: FieldError[];
  tr: Translate;
  hint?: string | undefined;
  required?: boolean | undefined;
  type?: string;
  lang?: 'it' | 'en';
  maxLength?: number | undefined;
  inputMode?: 'decimal' | 'email' | 'url' | 'tel' | 'text';
  autocomplete?: string | undefined;
  rows?: number | undefined;
}

function TextInput(o: InputOpts) {
  const id = fid(o.name);
  const err = o.errors.length > 0;
  const desc = describedBy(o.hint && `${id}-hint`, err && `${id}-error`);
  return (
    <div class="form-group mt-5 mb-4">
      <label for={id} class="active">
        {o.label}
      </label>
      {o.rows ? (
        <textarea
          id={id}
          name={o.name}
          rows={o.rows}
          class={`form-control${err ? ' is-invalid' : ''}`}
          lang={o.lang}
          aria-required={o.required ? 'true' : undefined}
          aria-invalid={err ? 'true' : undefined}
          aria-describedby={desc}
          maxLength={o.maxLength}
        >
          {o.value}
        </textarea>
      ) : (
        <input
          type={o.type ?? 'text'}
          id={id}
          name={o.name}
          value={o.value}
          class={`form-control${err ? ' is-invalid' : ''}`}
          lang={o.lang}
          aria-required={o.required ? 'true' : undefined}
          aria-invalid={err ? 'true' : undefined}
          aria-describedby={desc}
          maxLength={o.maxLength}
          inputMode={o.inputMode}
          autocomplete={o.autocomplete}
        />
      )}
      {o.hint ? (
        <small id={`${id}-hint`} class="form-text">
          {o.hint}
        </small>
      ) : null}
      <FieldErrorText id={id} errors={o.errors} tr={o.tr} />
    </div>
  );
}

function Fieldset({ id, legend, hint, errors, tr, children }: { id: string; legend: string; hint?: string | undefined; errors?: FieldError[]; tr: Translate; children: ComponentChildren }) {
  const errs = errors ?? [];
  return (
    <fieldset id={id} class="mb-4" aria-describedby={describedBy(hint && `${id}-hint`, errs.length > 0 && `${id}-error`)}>
      <legend class="h6 mb-3">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} class="form-text mt-0">
          {hint}
        </p>
      ) : null}
      <FieldErrorText id={id} errors={errs} tr={tr} />
      {children}
    </fieldset>
  );
}

/** Italian and English side by side: Italian first (the source), English optional. */
function LocalizedPair({ s, tr, p, legend, hint, required, rows, max }: { s: FormState; tr: Translate; p: string; legend: string; hint?: string | undefined; required?: boolean | undefined; rows?: number | undefined; max?: number | undefined }) {
  const errs = (n: string) => s.errors.filter((e) => e.field === n);
  return (
    <Fieldset id={fid(p)} legend={`${legend}${required ? ` ${tr('site.bo.requiredMark')}` : ''}`} hint={hint} tr={tr}>
      <div class="row">
        <div class="col-lg-6">
          <TextInput
            name={`${p}.it`}
            label={required ? tr('site.bo.lang.itRequired') : tr('site.bo.lang.it')}
            value={rawStr(s.raw, `${p}.it`)}
            errors={errs(`${p}.it`)}
            tr={tr}
            required={required}
            lang="it"
            rows={rows}
            maxLength={max}
          />
        </div>
        <div class="col-lg-6">
          <TextInput name={`${p}.en`} label={tr('site.bo.lang.enOptional')} value={rawStr(s.raw, `${p}.en`)} errors={errs(`${p}.en`)} tr={tr} lang="en" rows={rows} maxLength={max} />
        </div>
      </div>
    </Fieldset>
  );
}

function Select({ name, label, hint, value, options, errors, tr, placeholder }: { name: string; label: string; hint?: string | undefined; value: string; options: { value: string; label: string }[]; errors: FieldError[]; tr: Translate; placeholder?: string }) {
  const id = fid(name);
  const err = errors.length > 0;
  const known = options.some((o) => o.value === value);
  return (
    <div class="select-wrapper mb-4">
      <label for={id}>{label}</label>
      <select id={id} name={name} class={err ? 'is-invalid' : undefined} aria-invalid={err ? 'true' : undefined} aria-describedby={describedBy(hint && `${id}-hint`, err && `${id}-error`)}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {value && !known ? <option value={value} selected>{value}</option> : null}
        {options.map((o) => (
          <option value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint ? (
        <small id={`${id}-hint`} class="form-text">
          {hint}
        </small>
      ) : null}
      <FieldErrorText id={id} errors={errors} tr={tr} />
    </div>
  );
}

function Checkbox({ name, value, label, checked, lang }: { name: string; value: string; label: ComponentChildren; checked: boolean; lang?: string }) {
  const id = fid(`${name}.${value}`);
  return (
    <div class="form-check">
      <input id={id} type="checkbox" name={name} value={value} checked={checked} />
      <label for={id} lang={lang}>
        {label}
      </label>
    </div>
  );
}

function refLabel(tr: Translate, o: RefOption): string {
  return `${o.title.it}${o.published ? '' : ` (${tr('site.bo.status.draft').toLowerCase()})`}`;
}

function Field({ f, s, tr }: { f: FieldDef; s: FormState; tr: Translate }) {
  const p = f.path;
  const label = fieldLabel(tr, s.type, p);
  const hint = fieldHint(tr, s.type, p);
  const errs = (n: string) => s.errors.filter((e) => e.field === n);
  const req = (r: boolean | undefined) => (r ? `${label} ${tr('site.bo.requiredMark')}` : label);
  switch (f.kind) {
    case 'ltext':
      return <LocalizedPair s={s} tr={tr} p={p} legend={label} hint={hint} required={f.required} max={f.max ?? 300} />;
    case 'ltextarea':
      return <LocalizedPair s={s} tr={tr} p={p} legend={label} hint={hint ?? tr('site.bo.h.paragraphs')} required={f.required} rows={f.rows ?? 4} />;
    case 'llist':
      return <LocalizedPair s={s} tr={tr} p={p} legend={label} hint={hint ?? tr('site.bo.h.onePerLine')} required={(f.min ?? 0) > 0} rows={5} />;
    case 'text':
      return (
        <TextInput
          name={p}
          label={req(f.required)}
          hint={hint}
          value={rawStr(s.raw, p)}
          errors={errs(p)}
          tr={tr}
          required={f.required}
          maxLength={f.max}
          type={f.inputType}
          autocomplete={f.autocomplete}
          inputMode={f.inputType === 'tel' ? 'tel' : undefined}
        />
      );
    case 'lines':
      return <TextInput name={p} label={label} hint={hint ?? tr('site.bo.h.onePerLine')} value={rawStr(s.raw, p)} errors={errs(p)} tr={tr} rows={4} />;
    case 'email':
      return <TextInput name={p} type="email" label={req(f.required)} hint={hint} value={rawStr(s.raw, p)} errors={errs(p)} tr={tr} required={f.required} maxLength={254} autocomplete="off" inputMode="email" />;
    case 'url':
      return <TextInput name={p} type="url" label={req(f.required)} hint={hint ?? tr('site.bo.h.url')} value={rawStr(s.raw, p)} errors={errs(p)} tr={tr} required={f.required} maxLength={500} inputMode="url" />;
    case 'date':
      return <TextInput name={p} type="date" label={req(f.required)} hint={hint ?? tr('site.bo.h.date')} value={rawStr(s.raw, p)} errors={errs(p)} tr={tr} required={f.required} />;
    case 'datetime':
      return <TextInput name={p} type="datetime-local" label={req(f.required)} hint={hint ?? tr('site.bo.h.datetime')} value={rawStr(s.raw, p)} errors={errs(p)} tr={tr} required={f.required} />;
    case 'number':
      return <TextInput name={p} label={req(f.required)} hint={hint ?? tr('site.bo.h.number', { min: f.min, max: f.max })} value={rawStr(s.raw, p)} errors={errs(p)} tr={tr} required={f.required} inputMode="decimal" maxLength={24} />;
    case 'bool':
      return (
        <div class="mb-4">
          <div class="form-check">
            <input id={fid(p)} type="checkbox" name={p} value="on" checked={rawStr(s.raw, p) === 'on'} aria-describedby={hint ? `${fid(p)}-hint` : undefined} />
            <label for={fid(p)}>{label}</label>
          </div>
          {hint ? (
            <small id={`${fid(p)}-hint`} class="form-text">
              {hint}
            </small>
          ) : null}
        </div>
      );
    case 'select':
      return (
        <Select
          name={p}
          label={`${label} ${tr('site.bo.requiredMark')}`}
          hint={hint}
          value={rawStr(s.raw, p)}
          options={f.options.map((v) => ({ value: v, label: f.labels ? tr(`${f.labels}.${v}`) : v }))}
          errors={errs(p)}
          tr={tr}
          placeholder={tr('site.bo.choose')}
        />
      );
    case 'ref':
      return (
        <Select
          name={p}
          label={req(f.required)}
          hint={hint}
          value={rawStr(s.raw, p)}
          options={(s.refs[f.target] ?? []).map((o) => ({ value: o.slug, label: refLabel(tr, o) }))}
          errors={errs(p)}
          tr={tr}
          placeholder={f.required ? tr('site.bo.choose') : tr('site.bo.none')}
        />
      );
    case 'refs': {
      const chosen = new Set(rawList(s.raw, p));
      return (
        <Fieldset id={fid(p)} legend={label} hint={hint} errors={errs(p)} tr={tr}>
          <div class="row">
            {(s.refs[f.target] ?? []).map((o) => (
              <div class="col-md-6">
                <Checkbox name={p} value={o.slug} label={refLabel(tr, o)} checked={chosen.has(o.slug)} />
              </div>
            ))}
          </div>
        </Fieldset>
      );
    }
    case 'topics': {
      const chosen = rawList(s.raw, p);
      const set = new Set(chosen);
      const outside = chosen.filter((x) => !(TOPICS as readonly string[]).includes(x));
      const legend = f.min > 0 ? `${label} ${tr('site.bo.requiredMark')}` : label;
      const h = hint ?? (f.min > 0 ? tr('site.bo.h.topicsRange', { min: f.min, max: f.max }) : tr('site.bo.h.topicsMax', { max: f.max }));
      return (
        <Fieldset id={fid(p)} legend={legend} hint={h} errors={errs(p)} tr={tr}>
          <div class="row" data-max-checked={f.max} data-count-text={tr('site.bo.topicsCount')}>
            {outside.map((x) => (
              <div class="col-sm-6 col-lg-4">
                <Checkbox name={p} value={x} checked={true} label={`${x} (${tr('site.bo.topicOutside')})`} />
              </div>
            ))}
            {TOPICS.map((x) => (
              <div class="col-sm-6 col-lg-4">
                <Checkbox name={p} value={x} checked={set.has(x)} label={x} lang="it" />
              </div>
            ))}
          </div>
        </Fieldset>
      );
    }
    case 'link':
      return (
        <Fieldset id={fid(p)} legend={label} hint={hint} tr={tr}>
          <TextInput name={`${p}.url`} type="url" label={tr('site.bo.link.url')} hint={tr('site.bo.h.url')} value={rawStr(s.raw, `${p}.url`)} errors={errs(`${p}.url`)} tr={tr} maxLength={500} inputMode="url" />
          <LocalizedPair s={s} tr={tr} p={`${p}.label`} legend={tr('site.bo.link.label')} max={200} />
        </Fieldset>
      );
    case 'deadlines':
      return <LocalizedPair s={s} tr={tr} p={p} legend={label} hint={hint ?? tr('site.bo.h.datedLines')} rows={3} />;
    case 'hours':
      return <HoursEditor f={f} s={s} tr={tr} label={label} hint={hint} />;
    case 'image':
      return <ImageField p={p} s={s} tr={tr} label={label} hint={hint} />;
    case 'file':
      return <FileField p={p} s={s} tr={tr} label={label} hint={hint} />;
    case 'attachments':
      return <AttachmentsField p={p} s={s} tr={tr} label={label} hint={hint} />;
  }
}

function HoursEditor({ f, s, tr, label, hint }: { f: Extract<FieldDef, { kind: 'hours' }>; s: FormState; tr: Translate; label: string; hint?: string | undefined }) {
  const p = f.path;
  const cell = (day: string, slot: 1 | 2, which: 'open' | 'close') => {
    const name = `${p}.${day}.${slot}.${which}`;
    const errs = s.errors.filter((e) => e.field === name);
    const id = fid(name);
    return (
      <td>
        <label for={id} class="visually-hidden">
          {`${tr(`site.bo.day.${day}`)}, ${tr(`site.bo.hours.${which}`, { n: slot })}`}
        </label>
        <input
          type="time"
          id={id}
          name={name}
          value={rawStr(s.raw, name)}
          class={`form-control${errs.length ? ' is-invalid' : ''}`}
          aria-invalid={errs.length ? 'true' : undefined}
          aria-describedby={errs.length ? `${id}-error` : undefined}
        />
        <FieldErrorText id={id} errors={errs} tr={tr} />
      </td>
    );
  };
  return (
    <Fieldset id={fid(p)} legend={f.required ? `${label} ${tr('site.bo.requiredMark')}` : label} hint={hint ?? tr('site.bo.h.hours')} errors={s.errors.filter((e) => e.field === p)} tr={tr}>
      <div class="table-responsive">
        <table class="table table-sm align-middle">
          <caption class="visually-hidden">{tr('site.bo.hours.weekly')}</caption>
          <thead>
            <tr>
              <th scope="col">{tr('site.bo.hours.day')}</th>
              <th scope="col">{tr('site.bo.hours.open', { n: 1 })}</th>
              <th scope="col">{tr('site.bo.hours.close', { n: 1 })}</th>
              <th scope="col">{tr('site.bo.hours.open', { n: 2 })}</th>
              <th scope="col">{tr('site.bo.hours.close', { n: 2 })}</th>
            </tr>
          </thead>
          <tbody>
            {WEEKDAYS.map((day) => (
              <tr>
                <th scope="row">{tr(`site.bo.day.${day}`)}</th>
                {cell(day, 1, 'open')}
                {cell(day, 1, 'close')}
                {cell(day, 2, 'open')}
                {cell(day, 2, 'close')}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <LocalizedPair s={s} tr={tr} p={`${p}.exceptions`} legend={tr('site.bo.hours.exceptions')} hint={tr('site.bo.h.exceptions')} rows={4} />
      <LocalizedPair s={s} tr={tr} p={`${p}.notes`} legend={tr('site.bo.hours.notes')} rows={2} />
    </Fieldset>
  );
}

function FileInput({ name, label, accept, s, tr, hint }: { name: string; label: string; accept: string; s: FormState; tr: Translate; hint?: string }) {
  const id = fid(name);
  const errs = s.errors.filter((e) => e.field === name);
  return (
    <div class="mb-4">
      <label for={id} class="form-label d-block">
        {label}
      </label>
      <input
        type="file"
        id={id}
        name={name}
        accept={accept}
        class={`form-control${errs.length ? ' is-invalid' : ''}`}
        aria-invalid={errs.length ? 'true' : undefined}
        aria-describedby={describedBy(hint && `${id}-hint`, errs.length > 0 && `${id}-error`)}
      />
      {hint ? (
        <small id={`${id}-hint`} class="form-text">
          {hint}
        </small>
      ) : null}
      <FieldErrorText id={id} errors={errs} tr={tr} />
    </div>
  );
}

const IMAGE_ACCEPT = 'image/jpeg,image/png,image/webp,image/gif';

function ImageField({ p, s, tr, label, hint }: { p: string; s: FormState; tr: Translate; label: string; hint?: string | undefined }) {
  const current = rawStr(s.raw, `${p}.current`);
  const info = current ? s.uploads.get(current) : undefined;
  const removeId = fid(`${p}.remove`);
  return (
    <Fieldset id={fid(p)} legend={label} hint={hint ?? tr('site.bo.h.image')} tr={tr}>
      {current ? <input type="hidden" name={`${p}.current`} value={current} /> : null}
      {current && info ? (
        <figure class="figure mb-3">
          <img src={`/uploads/${current}`} alt={rawStr(s.raw, `${p}.alt.it`)} class="figure-img img-fluid rounded" width={240} loading="lazy" />
          <figcaption class="figure-caption">{tr('site.bo.image.current', { name: info.name })}</figcaption>
        </figure>
      ) : null}
      <FileInput name={`${p}.file`} label={current ? tr('site.bo.image.replace') : tr('site.bo.image.choose')} accept={IMAGE_ACCEPT} s={s} tr={tr} />
      <LocalizedPair s={s} tr={tr} p={`${p}.alt`} legend={tr('site.bo.image.alt')} hint={tr('site.bo.h.alt')} max={300} />
      {current ? (
        <div class="form-check mb-2">
          <input id={removeId} type="checkbox" name={`${p}.remove`} value="on" checked={rawStr(s.raw, `${p}.remove`) === 'on'} />
          <label for={removeId}>{tr('site.bo.image.remove')}</label>
        </div>
      ) : null}
    </Fieldset>
  );
}

function FileField({ p, s, tr, label, hint }: { p: string; s: FormState; tr: Translate; label: string; hint?: string | undefined }) {
  const current = rawStr(s.raw, `${p}.current`);
  const info = current ? s.uploads.get(current) : undefined;
  const removeId = fid(`${p}.remove`);
  return (
    <Fieldset id={fid(p)} legend={label} hint={hint} tr={tr}>
      {current ? <input type="hidden" name={`${p}.current`} value={current} /> : null}
      {current && info ? (
        <p>
          {tr('site.bo.file.current')} <a href={`/uploads/${current}`}>{info.name}</a>
        </p>
      ) : null}
      <FileInput name={`${p}.file`} label={current ? tr('site.bo.file.replace') : tr('site.bo.file.choose')} accept="application/pdf" s={s} tr={tr} hint={tr('site.bo.h.pdf')} />
      {current ? (
        <div class="form-check mb-2">
          <input id={removeId} type="checkbox" name={`${p}.remove`} value="on" checked={rawStr(s.raw, `${p}.remove`) === 'on'} />
          <label for={removeId}>{tr('site.bo.file.remove')}</label>
        </div>
      ) : null}
    </Fieldset>
  );
}

function AttachmentsField({ p, s, tr, label, hint }: { p: string; s: FormState; tr: Translate; label: string; hint?: string | undefined }) {
  const n = Math.min(Math.max(Number.parseInt(rawStr(s.raw, `${p}.count`), 10) || 0, 0), 200);
  const rows = Array.from({ length: n }, (_, i) => i);
  return (
    <Fieldset id={fid(p)} legend={label} hint={hint ?? tr('site.bo.h.attachments')} tr={tr}>
      <input type="hidden" name={`${p}.count`} value={String(n)} />
      {rows.map((i) => {
        const id = rawStr(s.raw, `${p}.${i}.uploadId`);
        const info = s.uploads.get(id);
        const removeId = fid(`${p}.${i}.remove`);
        return (
          <div class="callout mb-4">
            <input type="hidden" name={`${p}.${i}.uploadId`} value={id} />
            <p class="callout-title h6 mb-2">
              {tr('site.bo.attachments.n', { n: i + 1 })}: {info ? <a href={`/uploads/${id}`}>{info.name}</a> : tr('site.bo.attachments.missing')}
            </p>
            <LocalizedPair s={s} tr={tr} p={`${p}.${i}.title`} legend={tr('site.bo.attachments.title')} required={true} max={200} />
            <div class="form-check">
              <input id={removeId} type="checkbox" name={`${p}.${i}.remove`} value="on" checked={rawStr(s.raw, `${p}.${i}.remove`) === 'on'} />
              <label for={removeId}>{tr('site.bo.attachments.remove')}</label>
            </div>
          </div>
        );
      })}
      {Array.from({ length: NEW_ATTACHMENT_SLOTS }, (_, j) => (
        <div class="mb-4">
          <h3 class="h6">{tr('site.bo.attachments.new', { n: j + 1 })}</h3>
          <FileInput name={`${p}.new${j}.file`} label={tr('site.bo.file.choose')} accept="application/pdf" s={s} tr={tr} hint={tr('site.bo.h.pdf')} />
          <LocalizedPair s={s} tr={tr} p={`${p}.new${j}.title`} legend={tr('site.bo.attachments.title')} max={200} />
        </div>
      ))}
    </Fieldset>
  );
}

/** Every group of a content type's form, each a titled section, with its group-level errors. */
export function ContentFields({ s, tr }: { s: FormState; tr: Translate }) {
  return (
    <>
      {CONTENT_FORMS[s.type].map((g) => {
        const errs = s.errors.filter((e) => e.field === g.key);
        return (
          <section id={`g-${g.key}`} class="mb-5" aria-labelledby={`g-${g.key}-title`}>
            <h2 id={`g-${g.key}-title`} class="h4 border-bottom pb-2 mb-4">
              {tr(`site.bo.group.${g.key}`)}
            </h2>
            {errs.length ? (
              <div class="alert alert-danger" role="alert">
                {errs.map((e) => errorMessage(tr, e)).join(' ')}
              </div>
            ) : null}
            {g.fields.map((f) => (
              <Field f={f} s={s} tr={tr} />
            ))}
          </section>
        );
      })}
    </>
  );
}
