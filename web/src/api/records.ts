// The school's own records (school-service, issue 13 item 1): list, create, correct with a reason,
// withdraw with a reason and the per-record trail, for every record family. What differs between
// families (paths, fields, how a new record is sent) is in src/records/families.ts; this file holds
// the shapes every family shares and the one client that talks to the service.
import { request } from './client'

/** What happened to a record in one version of its trail. */
export type RecordAction = 'CREATED' | 'CORRECTED' | 'WITHDRAWN'

/** A record as the school reads it back: its own fields plus the trail's state. */
export interface RecordRow {
  /** the record's id (the family's id field) */
  id: string
  /** the record's fields as the API answers them (never a student reference or notes) */
  data: Record<string, unknown>
  version: number | null
  withdrawn: boolean
  withdrawnReason: string | null
  withdrawnAt: string | null
  /** when the current version was written (ISO UTC) */
  updatedAt: string | null
}

/** One version of a record's trail (GET …/{id}/history). */
export interface HistoryEntry {
  version: number
  action: RecordAction
  reason: string | null
  by: string | null
  at: string
  /** the record's fields in that version, when the API gives them */
  data: Record<string, unknown> | null
}

/** The id under which the API answers each record family's rows. */
export interface FamilyEndpoints {
  /** path below /api/school/schools/{schoolId}, e.g. `parent-school/sessions` */
  path: string
  /** the field of a row that holds its id, e.g. `sessionId` */
  idKey: string
  /** a record family with one record per school (the parent school): no list, no id in the path */
  singleton?: boolean
  /**
   * How a new record is sent: `put` = PUT {path}/{id} with the fields; `{ batch: 'contacts' }` =
   * POST {path} with `{contacts: [{externalId: id, …fields}]}` (a batch of one), `idInBatch` names
   * the id field inside the batch item (default `externalId`), `extra` adds top-level members
   * (the registrations' `period`).
   */
  create: 'put' | { batch: string; idInBatch?: string | null; extra?: (period: string | null) => Record<string, unknown> }
  /** query parameters of the list for a period (semester id) and a class */
  listQuery: (period: string | null, classId: string | null) => Record<string, string>
}

const e = encodeURIComponent
export const schoolBase = (schoolId: string) => `/api/school/schools/${e(schoolId)}`
const json = (method: string, body?: unknown): RequestInit => ({
  method,
  headers: { 'Content-Type': 'application/json' },
  body: body === undefined ? undefined : JSON.stringify(body),
})

/** The records' own trail members, not fields of the record. */
const META = new Set([
  'version', 'withdrawn', 'withdrawnReason', 'withdrawalReason', 'withdrawnAt', 'withdrawnBy', 'updatedAt', 'updatedBy',
  'recordedAt', 'recordedBy', 'recordStatus', 'snapshots', 'changed', 'reason',
])
/** `status` is the record's state only with these values (a case's or suggestion's own status is OPEN, RESOLVED, …). */
const RECORD_STATES = new Set(['ACTIVE', 'WITHDRAWN'])

function str(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null
}

/** A row of a list answer as the page shows it; tolerant of the trail members' exact names. */
export function toRow(endpoints: Pick<FamilyEndpoints, 'idKey' | 'singleton'>, raw: Record<string, unknown>): RecordRow {
  const data: Record<string, unknown> = {}
  const statusIsState = typeof raw.status === 'string' && RECORD_STATES.has(raw.status)
  for (const [k, v] of Object.entries(raw)) if (!META.has(k) && !(k === 'status' && statusIsState)) data[k] = v
  const withdrawnAt = str(raw.withdrawnAt)
  const state = raw.recordStatus ?? (statusIsState ? raw.status : null)
  const withdrawn = raw.withdrawn === true || state === 'WITHDRAWN' || withdrawnAt != null
  return {
    id: endpoints.singleton ? 'parent-school' : String(raw[endpoints.idKey] ?? ''),
    data,
    version: typeof raw.version === 'number' ? raw.version : null,
    withdrawn,
    withdrawnReason: str(raw.withdrawnReason) ?? str(raw.withdrawalReason) ?? (withdrawn ? str(raw.reason) : null),
    withdrawnAt,
    updatedAt: str(raw.updatedAt) ?? str(raw.recordedAt),
  }
}

export function toHistory(raw: Record<string, unknown>): HistoryEntry {
  const action = String(raw.action ?? 'CORRECTED').toUpperCase()
  const data = (raw.content ?? raw.data ?? raw.record ?? null) as Record<string, unknown> | null
  return {
    version: Number(raw.version ?? 0),
    action: (['CREATED', 'CORRECTED', 'WITHDRAWN'].includes(action) ? action : 'CORRECTED') as RecordAction,
    reason: str(raw.reason),
    by: str(raw.by) ?? str(raw.actor) ?? str(raw.recordedBy),
    at: String(raw.at ?? raw.recordedAt ?? ''),
    data,
  }
}

/** A list answer may be the array itself or `{items: [...]}`. */
function items(body: unknown): Record<string, unknown>[] {
  if (Array.isArray(body)) return body as Record<string, unknown>[]
  if (body && typeof body === 'object') {
    const o = body as Record<string, unknown>
    for (const k of ['items', 'records', 'content', 'versions', 'history']) if (Array.isArray(o[k])) return o[k] as Record<string, unknown>[]
  }
  return []
}

function withQuery(path: string, query: Record<string, string>): string {
  const q = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== ''))
  const s = q.toString()
  return s ? `${path}?${s}` : path
}

/** A lecturer of the city's registry as a school's copy has it (ParentSchoolController.RegistryLecturerResponse). */
export interface RegistryLecturer {
  lecturerId: string; displayName: string; affiliation: string | null; status: 'REGISTERED' | 'SUSPENDED' | 'REVOKED'
  trainedOn: string | null; registeredAndTrained: boolean
}

export const recordsApi = {
  itemUrl(schoolId: string, f: FamilyEndpoints, id: string): string {
    return f.singleton ? `${schoolBase(schoolId)}/${f.path}` : `${schoolBase(schoolId)}/${f.path}/${e(id)}`
  },

  listUrl(schoolId: string, f: FamilyEndpoints, period: string | null, classId: string | null): string {
    return withQuery(`${schoolBase(schoolId)}/${f.path}`, { ...f.listQuery(period, classId), includeWithdrawn: 'true' })
  },

  /** Every record of the period (and class), withdrawn ones included. A singleton not yet recorded is an empty list. */
  async list(schoolId: string, f: FamilyEndpoints, period: string | null, classId: string | null): Promise<RecordRow[]> {
    try {
      const body = await request<unknown>(recordsApi.listUrl(schoolId, f, period, classId))
      const rows = f.singleton && body && !Array.isArray(body) && !('items' in (body as object)) ? [body as Record<string, unknown>] : items(body)
      return rows.map((r) => toRow(f, r))
    } catch (err) {
      if (f.singleton && (err as { status?: number }).status === 404) return []
      throw err
    }
  },

  /** A new record: PUT of a new id, or a batch of one. */
  create(schoolId: string, f: FamilyEndpoints, id: string, fields: Record<string, unknown>, period: string | null): Promise<unknown> {
    if (f.create === 'put') return request(recordsApi.itemUrl(schoolId, f, id), json('PUT', fields))
    const idKey = f.create.idInBatch === undefined ? 'externalId' : f.create.idInBatch
    const item: Record<string, unknown> = idKey ? { [idKey]: id, ...fields } : { ...fields }
    return request(`${schoolBase(schoolId)}/${f.path}`, json('POST', { ...(f.create.extra?.(period) ?? {}), [f.create.batch]: [item] } as Record<string, unknown>))
  },

  /** A correction: PUT of the record as it should stand, with why it changed (`reason`, required by the API). */
  correct(schoolId: string, f: FamilyEndpoints, id: string, fields: Record<string, unknown>, reason: string): Promise<unknown> {
    return request(recordsApi.itemUrl(schoolId, f, id), json('PUT', { ...fields, reason }))
  },

  /** Withdraws the record; it stays readable to the school as withdrawn. */
  withdraw(schoolId: string, f: FamilyEndpoints, id: string, reason: string): Promise<unknown> {
    return request(`${recordsApi.itemUrl(schoolId, f, id)}/withdrawal`, json('POST', { reason }))
  },

  /** The city's registered lecturers as the school's copy has them (ADR 0024), to name one in a session. */
  lecturers: (schoolId: string) => request<RegistryLecturer[]>(`${schoolBase(schoolId)}/parent-school/lecturers`),

  /** The heads of the parent school with the day each took over (oldest first). */
  heads: (schoolId: string) => request<{ headFrom: string; headName: string }[]>(`${schoolBase(schoolId)}/parent-school/heads`),

  async history(schoolId: string, f: FamilyEndpoints, id: string): Promise<HistoryEntry[]> {
    const body = await request<unknown>(`${recordsApi.itemUrl(schoolId, f, id)}/history`)
    return items(body).map(toHistory).sort((a, b) => a.version - b.version)
  },
}
