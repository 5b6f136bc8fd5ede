// 关闭/合并学校 (issue 17 item 6, ADR 0027): what the county admin's school list shows of a closure and
// what the dialog sends. Every rule (the day in a semester not ended, after the latest membership;
// no merger into a closed school or into itself) is the API's; its messages are shown beside the field.
import type { CloseBody, RegistrySchool } from '@/api/registry'

export type ClosureState = 'open' | 'closed' | 'merged'

export function closureState(s: RegistrySchool): ClosureState {
  if (!s.closedFrom) return 'open'
  return s.successorId ? 'merged' : 'closed'
}

/** The schools a closing school may merge into: the county's open schools but itself, by name. */
export function successorChoices(schools: RegistrySchool[], closing: RegistrySchool): RegistrySchool[] {
  return schools
    .filter((s) => !s.closedFrom && s.id !== closing.id)
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id))
}

export interface CloseForm {
  effectiveFrom: string
  /** '' for a plain closure */
  successorId: string
}

export function closeBody(form: CloseForm): CloseBody {
  return { effectiveFrom: form.effectiveFrom.trim(), successorId: form.successorId || null }
}

export type CloseField = 'effectiveFrom' | 'successorId' | ''

/** The API's field errors by the dialog's field; what names neither goes under the dialog (''). */
export function closeProblems(list: { field: string | null; message: string }[]): Partial<Record<CloseField, string[]>> {
  const out: Partial<Record<CloseField, string[]>> = {}
  for (const p of list) {
    const named = p.field ?? (/^(effectiveFrom|successorId)\s*:/.exec(p.message)?.[1] ?? null)
    const key: CloseField = named === 'effectiveFrom' || named === 'successorId' ? named : ''
    ;(out[key] ??= []).push(p.message)
  }
  return out
}

/** The school's name, or its id when the list does not have it (a successor that moved away). */
export function nameOf(id: string, name: string | null | undefined): string {
  return name && name.trim() ? name : id
}
