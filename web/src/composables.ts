import { computed } from 'vue'
import { useRoute } from 'vue-router'
import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import 'element-plus/theme-chalk/el-message.css'
import { useSession } from '@/stores/session'
import { ApiError } from '@/api/client'
import type { Lang } from '@/i18n'

/** The period of the page: `?period=` or the current semester of the city's calendar. */
export function usePeriod() {
  const route = useRoute()
  const session = useSession()
  return computed<string | null>(() => {
    const q = route.query.period
    if (typeof q === 'string' && q) return q
    return session.currentSemester
  })
}

export function useLang() {
  const { locale } = useI18n()
  return computed(() => locale.value as Lang)
}

/** Shows an API failure as a readable message (never raw JSON); tells whether it was a not-found. */
export function useErrors() {
  const { t } = useI18n()
  function show(e: unknown): 'notFound' | 'shown' {
    if (e instanceof ApiError) {
      if (e.isNotFound) return 'notFound'
      const text = e.title || e.detail ? e.message : t('errors.http', { status: e.status })
      ElMessage({ type: 'error', message: text, showClose: true, duration: 8000, customClass: 'api-error' })
      return 'shown'
    }
    ElMessage({ type: 'error', message: t('errors.network'), showClose: true, customClass: 'api-error' })
    return 'shown'
  }
  return { show }
}

/** Sets the page's <title>. */
export function setTitle(text: string, product: string): void {
  document.title = text ? `${text} · ${product}` : product
}
