// The inboxes for `npm run dev:mock` (issue 15 item 5): each tier's `…/me/notifications` with made-up
// notices of the kinds its service sends (page, unread count, mark read, mark all read) and the
// e-mail preferences (GET/PUT, 422 for a kind the service does not send), in memory while the dev
// server runs and in the shapes of InboxController. Never bundled.

type Reply = [number, unknown]
type Delivery = 'IMMEDIATE' | 'DAILY_DIGEST'
interface Notice { id: string; kind: string; zh: string; en: string; link: string | null; createdAt: string; read: boolean }
interface Pref { kind: string; email: boolean; delivery: Delivery }
interface Inbox { kinds: string[]; notices: Notice[]; prefs: Record<string, Pref> }

const PATH = /^\/api\/(school|district|city)\/me\/notifications(?:\/(.*))?$/
const S = '9901130001'
const C = '990113'

/** the kinds each service lists (gongyu.notify.kinds of its application.yml) */
const KINDS: Record<string, string[]> = {
  school: ['report-returned', 'report-reopened', 'report-approved', 'application-accepted', 'application-declined',
    'demonstration-decided', 'reinspection-scheduled', 'rectification-deadline-set', 'self-evaluation-due',
    'rectification-approaching', 'rectification-overdue', 'deadline-approaching', 'deadline-passed'],
  district: ['assessment-assigned', 'application-arrived', 'school-signed-off', 'city-decided', 'deadline-approaching', 'deadline-passed'],
  city: ['county-submission'],
}

type Seed = [kind: string, zh: string, en: string, link: string | null]
const SEEDS: Record<string, Seed[]> = {
  school: [
    ['report-returned', '区县退回了本校 2025-2026学年第2学期 的上报：家长学校授课次数与签到表不符，请核对后重新上报。',
      'The county returned the school\'s sign-off of 2025-2026 semester 2: sessions do not match the sign-in sheets.', `/schools/${S}/sign-offs`],
    ['report-approved', '区县已审核通过本校 2025-2026学年 的上报', 'The county approved the school\'s sign-off of 2025-2026', `/schools/${S}/sign-offs`],
    ['application-accepted', '本校对示范校创建项目 2026 年示范校创建 的申报已获同意，创建期至 2027-06-30',
      'The county accepted the school\'s application to 2026 demonstration schools; creation until 2027-06-30', `/schools/${S}/demonstration`],
    ['self-evaluation-due', '示范校创建项目 2025 年示范校创建 的创建期已于 2026-06-30 结束，请提交自评',
      'The creation period of 2025 demonstration schools ended on 2026-06-30: please submit the self-evaluation', `/schools/${S}/demonstration`],
    ['reinspection-scheduled', '已安排对本校示范学校称号（项目 2023 年示范校创建）的复查：2026-11-20',
      'A re-inspection of the school\'s title (2023 demonstration schools) is scheduled: 2026-11-20', null],
    ['deadline-approaching', '区县要求于 2027-01-15 前完成 2026-2027学年第1学期 的上报，请核对本校数据后完成上报',
      'The county asks for the sign-off of 2026-2027 semester 1 by 2027-01-15: please check the school\'s figures and sign off', `/schools/${S}/sign-offs`],
  ],
  district: [
    ['school-signed-off', '湖畔小学（9901130001）已完成 2026-2027学年第1学期 的上报，等待您审核',
      '湖畔小学 (9901130001) signed off 2026-2027 semester 1 and awaits your review', `/counties/${C}/approvals`],
    ['application-arrived', '西湖第二中学（9901130002）申报了示范校创建项目 2026 年示范校创建',
      '西湖第二中学 (9901130002) applied to 2026 demonstration schools', `/counties/${C}/demonstration/applications`],
    ['deadline-approaching', '2026-2027学年第1学期 的上报截止时间为 2027-01-15：3 所学校中仍有 2 所未完成上报',
      'The reporting deadline of 2026-2027 semester 1 is 2027-01-15: 2 of 3 schools have not signed off', `/counties/${C}/approvals`],
    ['city-decided', '市级已通过本区县 2025-2026学年第2学期 的报送', 'The city accepted the county\'s submission of 2025-2026 semester 2', `/counties/${C}/approvals`],
  ],
  city: [
    ['county-submission', '西湖区（990113）已报送 2025-2026学年第2学期，等待市级审核',
      '西湖区 (990113) submitted 2025-2026 semester 2 for the city\'s review', '/city/approvals'],
    ['county-submission', '北湖县（990114）撤回了 2025-2026学年第2学期 的报送：一所学校的数据需要更正',
      '北湖县 (990114) withdrew its submission of 2025-2026 semester 2: a school\'s data needs correcting', '/city/approvals'],
  ],
}

const inboxes: Record<string, Inbox> = {}

/** Enough notices for two pages: the seeds repeated a day apart, the newest five unread. */
function inbox(tier: string): Inbox {
  return (inboxes[tier] ??= (() => {
    const seeds = SEEDS[tier]
    const count = tier === 'school' ? 26 : tier === 'district' ? 12 : 4
    const start = Date.parse('2026-12-04T02:30:00Z')
    const notices = Array.from({ length: count }, (_, i): Notice => {
      const [kind, zh, en, link] = seeds[i % seeds.length]
      return { id: `${tier}-${String(i + 1).padStart(3, '0')}`, kind, zh, en, link,
        createdAt: new Date(start - i * 26 * 3600_000).toISOString(), read: i >= 5 }
    })
    const prefs = Object.fromEntries(KINDS[tier].map((k) => [k, { kind: k, email: true, delivery: 'IMMEDIATE' as Delivery }]))
    prefs['deadline-approaching'] &&= { kind: 'deadline-approaching', email: true, delivery: 'DAILY_DIGEST' }
    prefs['report-approved'] &&= { kind: 'report-approved', email: false, delivery: 'IMMEDIATE' }
    return { kinds: KINDS[tier], notices, prefs }
  })())
}

function problem(status: number, zh: boolean, title: [string, string], detail: [string, string], errors?: string[]): Reply {
  return [status, { type: 'about:blank', title: zh ? title[0] : title[1], status, detail: zh ? detail[0] : detail[1], ...(errors ? { errors } : {}) }]
}

export function notificationsAnswer(method: string, path: string, query: URLSearchParams, body: unknown, lang: string): Reply | null {
  const m = PATH.exec(path)
  if (!m) return null
  const box = inbox(m[1])
  const rest = m[2] ?? ''
  const zh = !lang.startsWith('en')
  const unread = () => box.notices.filter((n) => !n.read).length
  if (method === 'GET' && rest === '') {
    const page = Number(query.get('page') ?? 0)
    const size = Number(query.get('size') ?? 20)
    if (!(page >= 0 && size >= 1 && size <= 100)) {
      return problem(400, zh, ['请求有误', 'Bad request'], ['page 从 0 开始，size 为 1–100', 'page counts from 0, size is 1–100'])
    }
    const items = box.notices.slice(page * size, page * size + size)
      .map((n) => ({ id: n.id, kind: n.kind, text: zh ? n.zh : n.en, link: n.link, createdAt: n.createdAt, read: n.read }))
    return [200, { items, page, size, total: box.notices.length, unread: unread() }]
  }
  if (method === 'GET' && rest === 'unread-count') return [200, { unread: unread() }]
  if (method === 'POST' && rest === 'read-all') {
    const marked = unread()
    box.notices.forEach((n) => (n.read = true))
    return [200, { marked }]
  }
  const read = /^([^/]+)\/read$/.exec(rest)
  if (method === 'POST' && read) {
    const n = box.notices.find((x) => x.id === decodeURIComponent(read[1]))
    if (!n) return problem(404, zh, ['未找到', 'Not Found'], [`没有通知 ${read[1]}`, `no notification ${read[1]}`])
    n.read = true
    return [204, null]
  }
  if (rest === 'preferences' && method === 'GET') return [200, box.kinds.map((k) => box.prefs[k])]
  if (rest === 'preferences' && method === 'PUT') {
    const list = Array.isArray(body) ? (body as Partial<Pref>[]) : []
    for (let i = 0; i < list.length; i++) {
      const p = list[i]
      if (!p?.kind || !box.kinds.includes(p.kind)) {
        return problem(422, zh, ['无法处理', 'Unprocessable'],
          [`没有名为“${p?.kind}”的通知类别（类别：${box.kinds.join('、')}）`, `there is no notification kind "${p?.kind}" (kinds: ${box.kinds.join(', ')})`],
          [zh ? `[${i}].kind：不是本服务的通知类别` : `[${i}].kind: not a notification kind of this service`])
      }
      if (p.delivery !== 'IMMEDIATE' && p.delivery !== 'DAILY_DIGEST') {
        return problem(422, zh, ['无法处理', 'Unprocessable'], [`“${p.kind}”缺少发送方式`, `"${p.kind}" has no delivery`])
      }
    }
    for (const p of list) box.prefs[p.kind!] = { kind: p.kind!, email: !!p.email, delivery: p.delivery as Delivery }
    return [200, box.kinds.map((k) => box.prefs[k])]
  }
  return null
}
