// What the sign-off and approval pages share: a period's name, indicator names from the reporting
// catalogue (the scorecards name every indicator), a signed-off figure as a person reads it.
import { nextTick, ref } from 'vue'
import { i18n, type Lang } from '@/i18n'
import type { Indicator } from '@/api/types'
import type { SignedFigure } from '@/api/approvals'
import { formatFigure, indicatorName } from '@/format'

/** `2026-2027-1` → 2026-2027学年第1学期, `2026-2027` → 2026-2027学年; other ids as they are. */
export function periodLabel(id: string, lang: Lang): string {
  const t = (key: string, named: Record<string, unknown>) => i18n.global.t(key, named, { locale: lang })
  let m = /^(\d{4})-(\d{4})-([12])$/.exec(id)
  if (m) return t('periodName', { from: m[1], to: m[2], n: m[3] })
  m = /^(\d{4})-(\d{4})$/.exec(id)
  if (m) return t('approvals.schoolYear', { from: m[1], to: m[2] })
  return id
}

/** The catalogue's indicators by code, filled from whichever scorecard the page reads. */
export function useCatalogue() {
  const byCode = ref<Record<string, Indicator>>({})
  function add(indicators: Indicator[]) {
    byCode.value = { ...byCode.value, ...Object.fromEntries(indicators.map((i) => [i.code, i])) }
  }
  function name(code: string, lang: Lang): string {
    const i = byCode.value[code]
    return i ? indicatorName(i, lang) : code
  }
  return { byCode, add, name }
}

/** A signed-off figure (numerator and denominator) in the unit of its indicator's kind. */
export function signedFigureText(f: SignedFigure, ind: Indicator | undefined, lang: Lang): string {
  const value = f.denominator > 0 ? f.numerator / f.denominator : null
  if (!ind) return value == null ? String(f.numerator) : `${f.numerator} / ${f.denominator}`
  return formatFigure({ kind: ind.kind, level: 'SCHOOL', value, numerator: f.numerator, denominator: f.denominator, target: ind.target }, lang).text
}

/** The numerator and denominator behind a rate or a per-capita figure ("312 / 480"); empty for counts and yes/no. */
export function rawFigure(f: SignedFigure, ind: Indicator | undefined, lang: Lang): string {
  if (ind && ind.kind !== 'RATIO' && ind.kind !== 'PER_CAPITA') return ''
  return `${f.numerator.toLocaleString(lang)} / ${f.denominator.toLocaleString(lang)}`
}

/** A step taken by a service on a person's behalf (a sign-off received, a decision relayed): no "by" shown. */
export function isService(actor: string | null | undefined): boolean {
  return !actor || actor.endsWith('-service')
}

/** After the DOM updates, focus the first element matching one of the selectors (a dialog's field, else its button). */
export async function focusFirst(...selectors: string[]): Promise<void> {
  await nextTick()
  for (const sel of selectors) {
    const el = document.querySelector<HTMLElement>(sel)
    if (el) {
      el.focus()
      return
    }
  }
}
