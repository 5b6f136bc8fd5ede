import { createRouter, createWebHistory, type RouteLocation, type RouteLocationNormalized, type Router, type RouterHistory } from 'vue-router'
import { useSession } from '@/stores/session'
import { homePath } from '@/roles'
import { ApiError } from '@/api/client'
import { i18n } from '@/i18n'
import { ElMessage } from 'element-plus'
import 'element-plus/theme-chalk/el-message.css'

// Contract C1: pages are URLs (history mode); each page is its own lazily loaded chunk, so the
// first load carries only the layout (and ECharts only comes with the indicator view).
export const routes = [
  { path: '/', name: 'home', component: { render: () => null } },
  { path: '/city', name: 'city', component: () => import('@/views/CityView.vue') },
  { path: '/counties/:countyId', name: 'county', component: () => import('@/views/CountyView.vue'), props: true },
  // 学区总览 (issue 17 item 6, ADR 0027): a 学区's figures and its schools
  {
    path: '/counties/:countyId/xuequ/:xuequId', name: 'xuequ',
    component: () => import('@/views/XuequView.vue'), props: true,
  },
  {
    path: '/counties/:countyId/attention', name: 'county-attention',
    component: () => import('@/views/AttentionView.vue'), props: true,
  },
  {
    path: '/counties/:countyId/demonstration', name: 'county-demo-programme',
    component: () => import('@/views/county/DemoProgrammeView.vue'), props: true,
  },
  {
    path: '/counties/:countyId/demonstration/applications', name: 'county-demo-board',
    component: () => import('@/views/county/DemoBoardView.vue'), props: true,
  },
  {
    path: '/counties/:countyId/demonstration/applications/:applicationId', name: 'county-demo-application',
    component: () => import('@/views/county/DemoApplicationView.vue'), props: true,
  },
  {
    path: '/counties/:countyId/demonstration/titles', name: 'county-demo-titles',
    component: () => import('@/views/county/DemoTitlesView.vue'), props: true,
  },
  // 评审专家库 (issue 13 item 3): the county's assessor panel, added to, edited, deactivated, removed
  {
    path: '/counties/:countyId/demonstration/assessors', name: 'county-demo-assessors',
    component: () => import('@/views/county/DemoAssessorsView.vue'), props: true,
  },
  {
    // 学校名册 (issue 17 item 6, ADR 0027): the county admin's schools, closing and merging them
    path: '/counties/:countyId/schools', name: 'county-schools',
    component: () => import('@/views/county/CountySchoolsView.vue'), props: true,
  },
  {
    path: '/counties/:countyId/imports', name: 'county-imports',
    component: () => import('@/views/ImportsView.vue'), props: true,
  },
  { path: '/schools/:schoolId', name: 'school', component: () => import('@/views/SchoolView.vue'), props: true },
  // 本校记录 (issue 13 item 1): a page per record family; the section's address opens its first family
  { path: '/schools/:schoolId/records', name: 'school-records-home', redirect: (to: RouteLocation) => ({ path: `/schools/${to.params.schoolId}/records/classes`, query: to.query }) },
  {
    path: '/schools/:schoolId/records/:family', name: 'school-records',
    component: () => import('@/views/SchoolRecordsView.vue'), props: true,
  },
  // 家长委员会详情 (issue 17 item 1): term, members, elections, activities, the no-fee declaration
  {
    path: '/schools/:schoolId/records/committees/:committeeId', name: 'school-committee',
    component: () => import('@/views/school/CommitteeDetailView.vue'), props: true,
  },
  // 亲子共读 › 活动详情 (issue 17 item 4): a campaign's counts and the check-in of a day
  {
    path: '/schools/:schoolId/records/reading-campaigns/:campaignId', name: 'school-reading-campaign',
    component: () => import('@/views/school/ReadingCampaignDetailView.vue'), props: true,
  },
  // Excel 导入 (issue 14 item 3): templates, upload, the job's progress, its error workbook
  {
    path: '/schools/:schoolId/imports', name: 'school-imports',
    component: () => import('@/views/ImportsView.vue'), props: true,
  },
  // 示范校创建 (issue 13 item 2): programmes and applying, then an application's timeline and self-evaluation
  {
    path: '/schools/:schoolId/demonstration', name: 'school-demo',
    component: () => import('@/views/school/SchoolDemoView.vue'), props: true,
  },
  {
    path: '/schools/:schoolId/demonstration/applications/:applicationId', name: 'school-demo-application',
    component: () => import('@/views/school/SchoolDemoApplicationView.vue'), props: true,
  },
  // 上报与审核 (issue 15, ADR 0019): the school signs off a period, the county approves and submits, the city decides
  {
    path: '/schools/:schoolId/sign-offs', name: 'school-sign-offs',
    component: () => import('@/views/approvals/SchoolSignOffsView.vue'), props: true,
  },
  {
    path: '/counties/:countyId/approvals', name: 'county-approvals',
    component: () => import('@/views/approvals/CountyApprovalsView.vue'), props: true,
  },
  { path: '/city/approvals', name: 'city-approvals', component: () => import('@/views/approvals/CityApprovalsView.vue') },
  // 讲师备案 (ADR 0024): the city reviews nominations and keeps the registry; a county nominates
  { path: '/city/lecturers', name: 'city-lecturers', component: () => import('@/views/lecturers/CityLecturersView.vue') },
  // 培训与认证 (ADR 0025): the city's training cohorts and instructor certificates
  { path: '/city/training', name: 'city-training', component: () => import('@/views/training/CityTrainingView.vue') },
  {
    path: '/counties/:countyId/training', name: 'county-training',
    component: () => import('@/views/training/CountyTrainingView.vue'), props: true,
  },
  {
    path: '/counties/:countyId/lecturers', name: 'county-lecturers',
    component: () => import('@/views/lecturers/CountyLecturersView.vue'), props: true,
  },
  // 问卷调查 (ADR 0026): city staff build, publish and read surveys; a school enters anonymous answers
  { path: '/city/surveys', name: 'city-surveys', component: () => import('@/views/surveys/SurveysView.vue') },
  // 区县问卷: a county admin builds and publishes surveys of the county's own, and reads those reaching its schools
  {
    path: '/counties/:countyId/surveys', name: 'county-surveys',
    component: () => import('@/views/surveys/SurveysView.vue'), props: true,
  },
  {
    path: '/schools/:schoolId/surveys', name: 'school-surveys',
    component: () => import('@/views/surveys/SchoolSurveysView.vue'), props: true,
  },
  // 问题清单与课题库, 课题认领 (ADR 0026): the city's problems and topics; a school claims topics
  { path: '/city/topics', name: 'city-topics', component: () => import('@/views/topics/CityTopicsView.vue') },
  {
    path: '/schools/:schoolId/topics', name: 'school-topics',
    component: () => import('@/views/topics/SchoolTopicsView.vue'), props: true,
  },
  // 管理考核 / 学区考核 (ADR 0028): versioned schemes over indicators, computed, explained, exported
  { path: '/city/assessments', name: 'city-assessments', component: () => import('@/views/schemes/SchemesView.vue') },
  {
    path: '/counties/:countyId/assessments', name: 'county-assessments',
    component: () => import('@/views/schemes/SchemesView.vue'), props: true,
  },
  { path: '/indicators', name: 'indicators', component: () => import('@/views/IndicatorsIndex.vue') },
  { path: '/indicators/:code', name: 'indicator', component: () => import('@/views/IndicatorView.vue'), props: true },
  { path: '/assessor', name: 'assessor', component: () => import('@/views/MyAssignmentsView.vue') },
  {
    path: '/assessor/applications/:applicationId/declaration', name: 'assessor-declaration',
    component: () => import('@/views/DeclarationView.vue'), props: true,
  },
  {
    path: '/assessor/applications/:applicationId', name: 'assessor-file',
    component: () => import('@/views/AssessmentFileView.vue'), props: true,
  },
  { path: '/attention', name: 'attention', component: () => import('@/views/AttentionView.vue') },
  // 我的通知 (issue 15 item 5): the whole inbox and the e-mail settings per kind; the bell links here
  { path: '/me/notifications', name: 'notifications', component: () => import('@/views/NotificationsView.vue') },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('@/views/NotFoundView.vue') },
]

const WITH_PERIOD = new Set(['city', 'county', 'xuequ', 'county-attention', 'school', 'school-records', 'indicator', 'indicators', 'attention',
  'school-sign-offs', 'county-approvals', 'city-approvals'])

/** Counts navigations, so that one overtaken while it waited for the session can tell. */
let navigations = 0

/** `/` → the role's home; a page without `?period=` gets the current semester, so the URL says it. */
export async function guard(to: RouteLocationNormalized) {
  const navigation = ++navigations
  const session = useSession()
  try {
    await session.load()
  } catch (e) {
    // /me failed (not a 401, which reloads the page): say so and show the page without a person
    ElMessage({ type: 'error', message: e instanceof ApiError && (e.title || e.detail) ? e.message : i18n.global.t('errors.network'), showClose: true })
    return true
  }
  // The menu shows once /me has answered, while the calendar may still be loading. A page chosen
  // from it meanwhile is a newer navigation; vue-router would still follow this one's redirect
  // (to the role's home) after it, so this one stops here instead.
  if (navigation !== navigations) return false
  if (to.name === 'home') {
    const home = homePath(session.me)
    return home ? { path: home, replace: true } : { name: 'not-found', params: { pathMatch: ['no-role'] }, replace: true }
  }
  const period = session.currentSemester
  if (WITH_PERIOD.has(String(to.name)) && !to.query.period && period) {
    return { ...to, query: { ...to.query, period }, replace: true }
  }
  return true
}

export function makeRouter(history: RouterHistory = createWebHistory()): Router {
  const router = createRouter({ history, routes, scrollBehavior: () => ({ top: 0 }) })
  router.beforeEach(guard)
  return router
}
