// What the assessment pages share: the template of a first scheme, bands as people type them, and
// the API's field problems (items[0].rule.floor: …) placed next to their inputs.
import type { Adjustment, AdjustmentBody, Band, IssueScheme, SchemeVersion } from '@/api/schemes'

/** A starting point for a first scheme, 100 points over seed indicators (the user edits it before issuing). */
export function template(tier: 'city' | 'county'): IssueScheme {
  const zh = tier === 'city' ? '县区家校社协同育人管理考核' : '学区教育发展业绩考核（家校共育）'
  const en = tier === 'city' ? 'County management assessment of home-school-society co-education' : '学区 performance assessment (co-education)'
  return {
    titleZh: zh, titleEn: en, totalPoints: 100, items: [
      { code: 'K1', nameZh: '数字家长学校注册率', nameEn: 'Platform registration', indicatorCode: 'PLATFORM_REGISTRATION', points: 40,
        rule: { type: 'LINEAR', floor: 0.4, target: 0.6 } },
      { code: 'K2', nameZh: '家长年人均学习次数', nameEn: 'Learning sessions per parent', indicatorCode: 'PARENT_LEARNING_PER_CAPITA', points: 30,
        rule: { type: 'THRESHOLD', target: 4 } },
      { code: 'K3', nameZh: '家校联系覆盖率', nameEn: 'Parent contact', indicatorCode: 'PARENT_CONTACT', points: 30,
        rule: { type: 'BANDS', bands: [{ atLeast: 0.6, points: 15 }, { atLeast: 0.8, points: 24 }, { atLeast: 1, points: 30 }] } },
    ],
  }
}

/** The editable copy of a version (issuing the next version starts from the latest). */
export function fromVersion(v: SchemeVersion): IssueScheme {
  return {
    titleZh: v.titleZh, titleEn: v.titleEn, totalPoints: v.totalPoints,
    items: v.items.map((i) => ({ code: i.code, nameZh: i.nameZh, nameEn: i.nameEn, indicatorCode: i.indicatorCode, points: i.points,
      rule: { type: i.rule.type, floor: i.rule.floor ?? null, target: i.rule.target ?? null, bands: i.rule.bands ?? [] } })),
  }
}

/** "0.6:15；0.8:24" ↔ bands; anything unreadable is kept as NaN so the API names the field. */
export function bandsText(bands: Band[] | undefined): string {
  return (bands ?? []).map((b) => `${b.atLeast}:${b.points}`).join('；')
}
export function parseBands(text: string): Band[] {
  return text.split(/[;；,，\s]+/).filter(Boolean).map((part) => {
    const [a, p] = part.split(/[:：]/)
    return { atLeast: Number(a), points: Number(p) }
  })
}

/** The body sent: only the numbers a rule takes. */
export function body(s: IssueScheme): IssueScheme {
  return {
    titleZh: s.titleZh, titleEn: s.titleEn, totalPoints: Number(s.totalPoints),
    items: s.items.map((i) => ({
      code: i.code, nameZh: i.nameZh, nameEn: i.nameEn, indicatorCode: i.indicatorCode, points: Number(i.points),
      rule: i.rule.type === 'BANDS' ? { type: 'BANDS', bands: i.rule.bands }
        : i.rule.type === 'LINEAR' ? { type: 'LINEAR', floor: num(i.rule.floor), target: num(i.rule.target) }
          : { type: 'THRESHOLD', target: num(i.rule.target) },
    })),
  }
}
const num = (v: number | null | undefined) => (v === null || v === undefined || (v as unknown) === '' ? null : Number(v))

/** `items[1].rule.floor` → that message, by the field's own path. */
export function byField(errors: { field: string | null; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const fe of errors) {
    const key = fe.field ?? ''
    out[key] = [out[key], fe.message].filter(Boolean).join(' ')
  }
  return out
}

/** The school year a date falls in (September on): 2026-12-05 → 2026-2027. */
export function schoolYearOf(day: string): string {
  const [y, m] = day.split('-').map(Number)
  const start = m >= 9 ? y : y - 1
  return `${start}-${start + 1}`
}

/** Points with their sign, as an adjustment reads: +5, -2.5, 0. */
export function signed(n: number): string {
  const v = Math.round(Number(n) * 100) / 100
  return (v > 0 ? '+' : '') + String(v)
}

/** Whether an adjustment still counts (a withdrawn one stays listed). */
export const inForce = (a: Pick<Adjustment, 'withdrawnAt'>) => a.withdrawnAt == null

/**
 * What the adjustment form would be refused for before it is sent, by field (the API says the same
 * with 422): points not 0, at most 2 decimals, at most the scheme's total either way; a reason.
 */
export function adjustmentProblems(
  draft: { points: number | string | null; reason: string }, totalPoints: number,
): Partial<Record<'points' | 'reason', 'required' | 'zero' | 'decimals' | 'range'>> {
  const out: Partial<Record<'points' | 'reason', 'required' | 'zero' | 'decimals' | 'range'>> = {}
  const raw = draft.points
  const p = raw === null || raw === '' ? NaN : Number(raw)
  if (Number.isNaN(p)) out.points = 'required'
  else if (p === 0) out.points = 'zero'
  else if (Math.abs(Math.round(p * 100) - p * 100) > 1e-6) out.points = 'decimals'
  else if (Math.abs(p) > totalPoints) out.points = 'range'
  if (!draft.reason.trim()) out.reason = 'required'
  return out
}

/** The body sent for an adjustment: a number, the reason trimmed, no item when none is picked. */
export function adjustmentBody(draft: { points: number | string | null; reason: string; itemCode: string }): AdjustmentBody {
  return { points: Number(draft.points), reason: draft.reason.trim(), itemCode: draft.itemCode || null }
}
