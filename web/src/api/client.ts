// The one way the app talks to the gateway: fetch with the session cookie, the chosen language
// in Accept-Language, the CSRF token on writes, a full page load on 401 (contract C1: the
// gateway then sends the browser through Keycloak and back) and problem+json turned into a
// readable message.

export interface FieldError {
  field: string | null
  message: string
}

/** An RFC 9457 problem (or a non-JSON failure) as the app shows it. */
export class ApiError extends Error {
  readonly status: number
  readonly title: string | null
  readonly detail: string | null
  readonly errors: FieldError[]
  /** the problem's other members (e.g. a 409's `currentState`, `currentSignOffVersion`, `notApproved`) */
  readonly properties: Record<string, unknown>

  constructor(status: number, title: string | null, detail: string | null, errors: FieldError[],
    properties: Record<string, unknown> = {}) {
    super(readableMessage(title, detail, errors, status))
    this.name = 'ApiError'
    this.status = status
    this.title = title
    this.detail = detail
    this.errors = errors
    this.properties = properties
  }

  /** A unit that is not the caller's answers 404 (ADR 0008); a role that may not see it 403. */
  get isNotFound(): boolean {
    return this.status === 404 || this.status === 403
  }
}

/** Title and detail, and each invalid field on its own, never the raw JSON. */
export function readableMessage(title: string | null, detail: string | null, errors: FieldError[], status: number): string {
  const head = [title, detail].filter((s): s is string => !!s && s.trim() !== '')
  if (head.length === 2 && head[1].startsWith(head[0])) head.shift()
  let text = head.join(language().startsWith('zh') ? '：' : ': ')
  if (!text) text = `HTTP ${status}`
  if (errors.length > 0) {
    text += '\n' + errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('\n')
  }
  return text
}

/** `errors[]` of the services are "field: message" strings; accept {field, message} objects too. */
export function fieldErrors(raw: unknown): FieldError[] {
  if (!Array.isArray(raw)) return []
  return raw.map((e): FieldError => {
    if (typeof e === 'string') {
      const i = e.indexOf(': ')
      return i > 0 ? { field: e.slice(0, i), message: e.slice(i + 2) } : { field: null, message: e }
    }
    if (e && typeof e === 'object') {
      const o = e as Record<string, unknown>
      const field = (o.field ?? o.pointer ?? o.name ?? null) as string | null
      const message = String(o.message ?? o.detail ?? o.reason ?? JSON.stringify(o))
      return { field, message }
    }
    return { field: null, message: String(e) }
  })
}

let language: () => string = () => 'zh-CN'

/** The i18n module tells the client which language the person chose. */
export function setLanguageSource(source: () => string): void {
  language = source
}

export function cookie(name: string): string | null {
  const match = document.cookie.split(';').map((c) => c.trim()).find((c) => c.startsWith(name + '='))
  return match ? decodeURIComponent(match.slice(name.length + 1)) : null
}

/**
 * Session expired: reload the page so the gateway logs the person in again and brings them back.
 * Returns false (and does not reload) after three reloads within a minute, so a gateway that keeps
 * answering 401 to a fresh session cannot make the page reload forever.
 */
export function reloadForLogin(now: number = Date.now()): boolean {
  const KEY = 'gongyu.reloads'
  let recent: number[] = []
  try {
    recent = (JSON.parse(sessionStorage.getItem(KEY) ?? '[]') as number[]).filter((t) => now - t < 60_000)
    if (recent.length >= 3) return false
    sessionStorage.setItem(KEY, JSON.stringify([...recent, now]))
  } catch {
    // no storage: reload anyway
  }
  window.location.assign(window.location.href)
  return true
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  const method = (init.method ?? 'GET').toUpperCase()
  const headers = new Headers(init.headers)
  headers.set('Accept', 'application/json, application/problem+json')
  headers.set('Accept-Language', language())
  if (WRITES.has(method)) {
    const token = cookie('XSRF-TOKEN')
    if (token) headers.set('X-XSRF-TOKEN', token)
  }
  const response = await fetch(path, { ...init, method, headers, credentials: 'same-origin' })
  if (response.status === 401 && reloadForLogin()) {
    // the page is going away; nothing after this should run
    return new Promise<T>(() => {})
  }
  if (!response.ok) {
    throw await toError(response)
  }
  if (response.status === 204) return undefined as T
  return (await response.json()) as T
}

/**
 * A multipart POST with upload progress (fetch reports none): the session cookie, the CSRF header,
 * the language, 401 → reload for login, problem+json → ApiError, like `request`. `percent` is the
 * share of the request's bytes sent so far (0–100).
 */
export function postForm<T>(path: string, form: FormData, lang: string, onProgress: (percent: number) => void = () => {}): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', path)
    xhr.withCredentials = true
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json')
    xhr.setRequestHeader('Accept-Language', lang)
    const token = cookie('XSRF-TOKEN')
    if (token) xhr.setRequestHeader('X-XSRF-TOKEN', token)
    xhr.upload.onprogress = (ev) => {
      if (ev.lengthComputable) onProgress(Math.round((ev.loaded / ev.total) * 100))
    }
    xhr.onload = async () => {
      if (xhr.status === 401 && reloadForLogin()) return
      const response = new Response(xhr.status === 204 ? null : xhr.responseText, {
        status: xhr.status, headers: { 'Content-Type': xhr.getResponseHeader('Content-Type') ?? '' },
      })
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(100)
        resolve(xhr.status === 204 ? (undefined as T) : ((await response.json()) as T))
      } else {
        reject(await toError(response))
      }
    }
    // a refused upload may also end as a closed connection (a server that stops reading a file too big)
    xhr.onerror = () => reject(new ApiError(0, null, null, []))
    xhr.send(form)
  })
}

export async function toError(response: Response): Promise<ApiError> {
  const type = response.headers.get('Content-Type') ?? ''
  if (type.includes('json')) {
    try {
      const body = (await response.json()) as Record<string, unknown>
      return new ApiError(
        response.status,
        typeof body.title === 'string' ? body.title : null,
        typeof body.detail === 'string' ? body.detail : null,
        fieldErrors(body.errors),
        body,
      )
    } catch {
      // fall through: not the JSON it said it was
    }
  }
  return new ApiError(response.status, response.statusText || null, null, [])
}
