// The assessor's workspace, the parts that are not a page: what a row of "my assignments" lets the
// person do, API field errors placed beside their fields, and the drafts kept in this browser.
import type { FieldError } from '@/api/client'
import type { Due, MyAssignment } from '@/api/types'

export type DueAction = 'declare' | 'score' | 'wait' | 'submitted' | 'view' | 'none'

/** The button of a row: what `due` asks, and for nothing due, whether there is still something to look at. */
export function dueAction(a: Pick<MyAssignment, 'due' | 'assignmentStatus' | 'submittedAt' | 'current'>): DueAction {
  const byDue: Record<Exclude<Due, 'NONE'>, DueAction> = { DECLARE: 'declare', SCORE: 'score', WAIT: 'wait' }
  if (a.due !== 'NONE') return byDue[a.due]
  if (a.assignmentStatus === 'CLEARED' && a.submittedAt) return 'submitted'
  if (a.assignmentStatus === 'CLEARED' && a.current) return 'view'
  return 'none'
}

/** Where the row's button goes (null: a state, not a link). */
export function actionPath(a: Pick<MyAssignment, 'applicationId'>, action: DueAction): string | null {
  switch (action) {
    case 'declare':
      return `/assessor/applications/${a.applicationId}/declaration`
    case 'score':
    case 'wait': // cleared: the file can be read before scoring starts
    case 'submitted':
    case 'view':
      return `/assessor/applications/${a.applicationId}`
    default:
      return null
  }
}

/**
 * The API's `errors[]` by field: `statement`, `conflicts[0]` → `conflicts`, `points`; what names no
 * field (or a field the form does not have) goes under `''`.
 */
export function errorsByField(errors: FieldError[], fields: readonly string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const e of errors) {
    const root = (e.field ?? '').replace(/^body\./, '').split(/[.[]/)[0]
    const key = fields.includes(root) ? root : ''
    ;(out[key] ??= []).push(key === '' && e.field ? `${e.field}: ${e.message}` : e.message)
  }
  return out
}

/** A score the API accepted, as the form remembers it. */
export interface SavedScore {
  points: number
  comment: string
  savedAt: string
}

/** Points are 0 to the criterion's maximum with at most two decimals (PutScoreRequest). */
export function pointsProblem(points: number | null | undefined, max: number): 'required' | 'range' | 'decimals' | null {
  if (points == null || Number.isNaN(points)) return 'required'
  if (points < 0 || points > max) return 'range'
  if (Math.abs(Math.round(points * 100) - points * 100) > 1e-6) return 'decimals'
  return null
}

/** 12 → "12", 7.5 → "7.5", 7.25 → "7.25": points as people write them. */
export function formatPoints(v: number | null | undefined): string {
  if (v == null) return '—'
  return String(Math.round(v * 100) / 100)
}

/**
 * A criterion's name in the page's language: the standard carries both (a scoresheet line's
 * `nameZh`/`nameEn`, a rubric criterion's); English falls back to Chinese, then to the code.
 */
export function criterionName(c: { nameZh?: string | null; nameEn?: string | null }, lang: string, code = ''): string {
  const en = lang.startsWith('en')
  return (en ? c.nameEn || c.nameZh : c.nameZh || c.nameEn) || code
}
