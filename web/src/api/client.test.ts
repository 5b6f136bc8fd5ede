import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError, fieldErrors, request, setLanguageSource } from '@/api/client'
import { maskToken } from '@/api/logout'

function respond(status: number, body: unknown, type = 'application/problem+json') {
  return vi.fn(async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status, headers: { 'Content-Type': type },
  }))
}

describe('API client', () => {
  const assign = vi.fn()
  beforeEach(() => {
    vi.stubGlobal('location', { ...window.location, href: 'http://127.0.0.1:8080/city?period=2026-2027-1', assign })
    setLanguageSource(() => 'zh-CN')
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    assign.mockReset()
    document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT'
  })

  it('turns a problem into a readable message with each invalid field, not JSON', async () => {
    vi.stubGlobal('fetch', respond(400, {
      type: 'urn:gongyu:problem:invalid-request', title: '请求无效', status: 400,
      detail: '请求有 2 个无效字段', errors: ['periodId: 不是学期', 'to: 格式错误'],
    }))
    const e = await request('/api/reports/x').catch((x: ApiError) => x) as ApiError
    expect(e).toBeInstanceOf(ApiError)
    expect(e.status).toBe(400)
    expect(e.message).toBe('请求无效：请求有 2 个无效字段\nperiodId: 不是学期\nto: 格式错误')
    expect(e.errors).toEqual([{ field: 'periodId', message: '不是学期' }, { field: 'to', message: '格式错误' }])
    expect(e.message).not.toContain('{')
  })

  it('reads field errors given as objects too', () => {
    expect(fieldErrors([{ field: 'name', message: 'must not be blank' }, 'plain'])).toEqual([
      { field: 'name', message: 'must not be blank' }, { field: null, message: 'plain' },
    ])
  })

  it('404 and 403 are not-found for a unit; other failures are not', async () => {
    vi.stubGlobal('fetch', respond(404, { title: 'Not Found', status: 404, detail: 'no county 990199' }))
    expect((await request('/api/x').catch((x: ApiError) => x) as ApiError).isNotFound).toBe(true)
    vi.stubGlobal('fetch', respond(403, { title: 'Forbidden', status: 403 }))
    expect((await request('/api/x').catch((x: ApiError) => x) as ApiError).isNotFound).toBe(true)
    vi.stubGlobal('fetch', respond(500, '<html>oops</html>', 'text/html'))
    const e = await request('/api/x').catch((x: ApiError) => x) as ApiError
    expect(e.isNotFound).toBe(false)
    expect(e.detail).toBeNull()
  })

  it('a 401 reloads the page so the gateway logs the person in again (C1)', async () => {
    vi.stubGlobal('fetch', respond(401, { title: 'Unauthorized', status: 401 }))
    let settled = false
    request('/api/reports/calendar').then(() => (settled = true), () => (settled = true))
    await new Promise((r) => setTimeout(r, 10))
    expect(assign).toHaveBeenCalledWith('http://127.0.0.1:8080/city?period=2026-2027-1')
    expect(settled).toBe(false)
  })

  it('stops reloading after three 401s within a minute and reports the problem instead', async () => {
    vi.stubGlobal('fetch', respond(401, { title: '会话已过期', status: 401, detail: '请重新登录' }))
    for (let i = 0; i < 3; i++) request('/api/x').catch(() => undefined)
    await new Promise((r) => setTimeout(r, 10))
    expect(assign).toHaveBeenCalledTimes(3)
    const e = await request('/api/x').catch((x: ApiError) => x) as ApiError
    expect(assign).toHaveBeenCalledTimes(3)
    expect(e.status).toBe(401)
    expect(e.message).toBe('会话已过期：请重新登录')
  })

  it('English messages use an English colon', async () => {
    setLanguageSource(() => 'en')
    vi.stubGlobal('fetch', respond(400, { title: 'Bad request', status: 400, detail: "periodId: '2026-xx' is not a period" }))
    const e = await request('/api/x').catch((x: ApiError) => x) as ApiError
    expect(e.message).toBe("Bad request: periodId: '2026-xx' is not a period")
  })

  it('sends the chosen language, and the CSRF header on writes only', async () => {
    document.cookie = 'XSRF-TOKEN=abc-123'
    const f = respond(200, { ok: true }, 'application/json')
    vi.stubGlobal('fetch', f)
    setLanguageSource(() => 'en')
    await request('/api/x')
    await request('/api/x', { method: 'POST', body: '{}' })
    const calls = f.mock.calls as unknown as [string, RequestInit][]
    const get = new Headers(calls[0][1].headers)
    const post = new Headers(calls[1][1].headers)
    expect(get.get('Accept-Language')).toBe('en')
    expect(get.get('X-XSRF-TOKEN')).toBeNull()
    expect(post.get('X-XSRF-TOKEN')).toBe('abc-123')
  })

  it('masks the CSRF token for the logout form the way the gateway unmasks it', () => {
    const random = new Uint8Array([1, 2, 3])
    const masked = maskToken('abc', random)
    const bytes = Uint8Array.from(atob(masked.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0))
    const token = bytes.slice(3).map((b, i) => b ^ bytes[i])
    expect(new TextDecoder().decode(token)).toBe('abc')
    expect(Array.from(bytes.slice(0, 3))).toEqual([1, 2, 3])
  })
})
