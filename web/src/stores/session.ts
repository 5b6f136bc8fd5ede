import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api } from '@/api/reports'
import type { Calendar, Me, Unit } from '@/api/types'
import { ownUnitId, primaryRole, tierOf } from '@/roles'

const CALENDAR_WAIT_MS = 4000

/** Who is logged in, the unit they act for, and the city's calendar. Loaded once per page load. */
export const useSession = defineStore('session', () => {
  const me = ref<Me | null>(null)
  const unit = ref<Unit | null>(null)
  const calendar = ref<Calendar | null>(null)
  const loaded = ref(false)
  let loading: Promise<void> | null = null

  const role = computed(() => primaryRole(me.value))
  /** The current semester: the calendar's, or (calendar unreachable) the default calendar's guess for today. */
  const currentSemester = computed(() => calendar.value?.currentSemester ?? guessSemester(new Date()))
  const tier = computed(() => (role.value ? tierOf(role.value) : null))

  /**
   * Who is logged in (awaited: nothing works without it), then the calendar (awaited at most
   * CALENDAR_WAIT_MS, else the default calendar's semester stands in) and the person's own unit
   * (not awaited: the top bar fills it in when it comes).
   */
  function load(): Promise<void> {
    if (!loading) {
      loading = (async () => {
        me.value = await api.me()
        const id = ownUnitId(me.value)
        if (id) api.unit(id).then((u) => (unit.value = u), () => undefined)
        const cal = api.calendar().then((c) => (calendar.value = c), () => undefined)
        await Promise.race([cal, new Promise((resolve) => setTimeout(resolve, CALENDAR_WAIT_MS))])
        loaded.value = true
      })()
      loading.catch(() => {
        loading = null
      })
    }
    return loading
  }

  return { me, unit, calendar, loaded, role, tier, currentSemester, load }
})

/**
 * The semester containing {@code day} under the default city calendar (first semester from
 * 1 September, second from 1 February, in Asia/Shanghai): only used when /api/reports/calendar
 * cannot be read, so that pages still have a period.
 */
export function guessSemester(day: Date): string {
  const local = new Date(day.getTime() + 8 * 3600_000)
  const y = local.getUTCFullYear()
  const m = local.getUTCMonth() + 1
  if (m >= 9) return `${y}-${y + 1}-1`
  if (m >= 2) return `${y - 1}-${y}-2`
  return `${y - 1}-${y}-1`
}
