// What the county's demonstration pages share: the programme in the URL (`?programme=`, else the
// newest), the county's 学区 and school names, and the language of the page.
import { computed, ref } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { countyDemoApi, type Programme, type School, type Xuequ } from '@/api/countyDemo'

export function useProgrammes(countyId: () => string) {
  const route = useRoute()
  const router = useRouter()
  const programmes = ref<Programme[]>([])
  const selectedId = computed(() => {
    const q = route.query.programme
    if (typeof q === 'string' && programmes.value.some((p) => p.id === q)) return q
    const newest = [...programmes.value].sort((a, b) => b.startsOn.localeCompare(a.startsOn))[0]
    return newest?.id ?? null
  })
  const selected = computed(() => programmes.value.find((p) => p.id === selectedId.value) ?? null)
  async function load() {
    programmes.value = await countyDemoApi.programmes(countyId())
  }
  function select(id: string) {
    void router.replace({ query: { ...route.query, programme: id } })
  }
  return { programmes, selectedId, selected, load, select }
}

/** 学区 and school names of the county (ids → names), for lists that carry ids only. */
export function useNames(countyId: () => string) {
  const xuequ = ref<Xuequ[]>([])
  const schools = ref<School[]>([])
  async function load() {
    const [x, s] = await Promise.all([countyDemoApi.xuequ(countyId()), countyDemoApi.schools(countyId())])
    xuequ.value = x
    schools.value = s
  }
  const xuequName = (id: string | null | undefined) => (id ? xuequ.value.find((x) => x.id === id)?.name ?? id : null)
  const schoolName = (id: string) => schools.value.find((s) => s.id === id)?.name ?? id
  return { xuequ, schools, load, xuequName, schoolName }
}

/** A local day (YYYY-MM-DD) as it stands; the API's dates are city days already. */
export function day(d: string | null | undefined): string {
  return d ?? '—'
}

/** The fields of the assessor panel form (PUT …/assessors/{username}); `''` for what names none of them. */
export const PANEL_FIELDS = ['username', 'name', 'homeSchoolId', 'formerSchoolIds', 'active'] as const
export type PanelField = (typeof PANEL_FIELDS)[number] | ''

/**
 * The API's `errors[]` by the panel form's fields: `name`, `formerSchoolIds[0]` → `formerSchoolIds`,
 * a refused path variable (`putAssessor.username`) → `username`; anything else goes above the buttons.
 */
export function panelProblems(list: { field: string | null; message: string }[]): Partial<Record<PanelField, string[]>> {
  const out: Partial<Record<PanelField, string[]>> = {}
  for (const e of list) {
    const parts = (e.field ?? '').split(/[.[\]]/).filter(Boolean)
    const key = (parts.find((p) => (PANEL_FIELDS as readonly string[]).includes(p)) ?? '') as PanelField
    ;(out[key] ??= []).push(key === '' && e.field ? `${e.field}: ${e.message}` : e.message)
  }
  return out
}
