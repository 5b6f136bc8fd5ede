// The parts of a record family's page that are not the page: a row into the form, the form into
// the body the API takes, API field errors placed beside their fields, a cell's text.
// No rule of the API is repeated here: what is valid is the API's to say (problem details).
import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'
import type { FieldError } from '@/api/client'
import type { RecordRow } from '@/api/records'
import { ZONE, formatDateTime, NO_DATA } from '@/format'
import type { AnyFamily, ColumnSpec, FieldSpec } from './families'

dayjs.extend(utc)
dayjs.extend(timezone)

export type FormModel = Record<string, unknown>
/** the date pickers' local format of an instant (Asia/Shanghai) */
export const LOCAL_DATETIME = 'YYYY-MM-DDTHH:mm:ss'

/** Whether the form records a new record or corrects one. */
export type FormMode = 'create' | 'edit'

/** The fields that apply to the form as it stands (a class only for CLASS sessions, no file's student in a correction, …). */
export function visibleFields(spec: AnyFamily, form: FormModel, mode: FormMode = 'create'): FieldSpec[] {
  return spec.fields.filter((f) => (!f.when || f.when(form)) && !(mode === 'edit' && f.createOnly))
}

/** A new record's form: every field empty but the family's defaults. */
export function emptyForm(spec: AnyFamily): FormModel {
  const form: FormModel = {}
  for (const f of spec.fields) form[f.key] = f.kind === 'bool' ? false : f.kind === 'guardMembers' ? [] : null
  return { ...form, ...(spec.defaults() as FormModel) }
}

/** A recorded row as the correction form: its fields, secret ones blank (never answered), instants in city time. */
export function formOf(spec: AnyFamily, row: RecordRow): FormModel {
  const form = emptyForm(spec)
  for (const f of spec.fields) {
    if (f.secret) continue
    const v = row.data[f.key]
    if (v === undefined) continue
    form[f.key] = f.kind === 'datetime' && typeof v === 'string' ? dayjs.utc(v).tz(ZONE).format(LOCAL_DATETIME)
      : f.kind === 'list' && Array.isArray(v) ? v.join(', ')
        : f.kind === 'guardMembers' && Array.isArray(v) ? [...v] : v
  }
  return form
}

/** The body of a write: the fields that apply; blanks as null; a secret left blank is not sent; instants in UTC. */
export function bodyOf(spec: AnyFamily, form: FormModel, mode: FormMode = 'create'): Record<string, unknown> {
  const body: Record<string, unknown> = {}
  for (const f of visibleFields(spec, form, mode)) {
    let v = form[f.key]
    if (typeof v === 'string') v = f.kind === 'textarea' ? v : v.trim()
    if (v === '' || v === undefined) v = null
    if (f.secret && v == null) continue
    if (f.kind === 'datetime' && typeof v === 'string') v = dayjs.tz(v, LOCAL_DATETIME, ZONE).utc().format('YYYY-MM-DDTHH:mm:ss[Z]')
    if (f.kind === 'list') v = typeof v === 'string' ? v.split(/[\s,，、;；]+/).filter(Boolean) : (v ?? [])
    if (f.kind === 'guardMembers') v = Array.isArray(v) ? [...v] : []
    body[f.key] = v
  }
  return body
}

/**
 * The API's `errors[]` by the form's fields: `date`, `contacts[0].date` → `date`, `reason`; what
 * names no field of the form goes under `''` (shown above the form's buttons).
 */
export function problemsByField(errors: FieldError[], fields: readonly string[]): Record<string, string> {
  const out: Record<string, string[]> = {}
  for (const e of errors) {
    const path = (e.field ?? '').replace(/^body\./, '')
    const last = path.replace(/\[\d+\]/g, '').split('.').filter(Boolean)
    const key = [...last].reverse().find((p) => fields.includes(p)) ?? ''
    ;(out[key] ??= []).push(key === '' && e.field ? `${e.field}: ${e.message}` : e.message)
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.join(' ')]))
}

export interface CellContext {
  t: (key: string, named?: Record<string, unknown>) => string
  className: (classId: string) => string
  /** a lecturer of the city's registry by id (ADR 0024) */
  lecturerName?: (lecturerId: string) => string
}

/** A cell of the list as text, by the column's kind. */
export function cellText(col: ColumnSpec, value: unknown, ctx: CellContext): string {
  if (value == null || value === '') return NO_DATA
  switch (col.kind) {
    case 'enum':
      return col.enum ? ctx.t(`records.enums.${col.enum}.${String(value)}`) : String(value)
    case 'bool':
      return ctx.t(`records.bool.${value === true ? 'true' : 'false'}`)
    case 'datetime':
      return formatDateTime(String(value))
    case 'list':
    case 'guardMembers':
      return Array.isArray(value) ? value.join('、') : String(value)
    case 'class':
      return ctx.className(String(value))
    case 'lecturer':
      return ctx.lecturerName ? ctx.lecturerName(String(value)) : String(value)
    case 'textarea': {
      const s = String(value)
      return s.length > 40 ? s.slice(0, 40) + '…' : s
    }
    default:
      return String(value)
  }
}

/** A new record's id: the school's own id of it, made once per form so that sending again is harmless. */
export function newRecordId(): string {
  const c = globalThis.crypto
  if (c && typeof c.randomUUID === 'function') return c.randomUUID()
  return 'r-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 10)
}
