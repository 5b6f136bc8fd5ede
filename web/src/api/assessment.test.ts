import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { setLanguageSource } from '@/api/client'
import { assessmentApi } from '@/api/assessment'

describe('assessment endpoints', () => {
  let fetch: ReturnType<typeof vi.fn>
  beforeEach(() => {
    fetch = vi.fn(async () => new Response('{}', { status: 200, headers: { 'Content-Type': 'application/json' } }))
    vi.stubGlobal('fetch', fetch)
    setLanguageSource(() => 'en')
    document.cookie = 'XSRF-TOKEN=tok-123'
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT'
  })

  const call = (i = 0) => {
    const [path, init] = fetch.mock.calls[i] as [string, RequestInit]
    return { path, method: init.method, headers: new Headers(init.headers), body: init.body ? JSON.parse(String(init.body)) : undefined }
  }

  it('reads under the county with the session and the language, and writes with the CSRF header and JSON', async () => {
    await assessmentApi.myAssignments('990113')
    expect(call().path).toBe('/api/district/counties/990113/demonstration/my-assignments')
    expect(call().method).toBe('GET')
    expect(call().headers.get('Accept-Language')).toBe('en')
    expect(call().headers.get('X-XSRF-TOKEN')).toBeNull()

    await assessmentApi.declare('990113', 'app-1', 'assessor-990113', { conflicts: [], statement: 'none' })
    expect(call(1)).toMatchObject({
      path: '/api/district/counties/990113/demonstration/applications/app-1/assignments/assessor-990113/declaration',
      method: 'POST', body: { conflicts: [], statement: 'none' },
    })
    expect(call(1).headers.get('X-XSRF-TOKEN')).toBe('tok-123')
    expect(call(1).headers.get('Content-Type')).toBe('application/json')

    await assessmentApi.putScore('990113', 'app-1', 'A1.1', { points: 7.5, comment: 'ok' })
    expect(call(2)).toMatchObject({
      path: '/api/district/counties/990113/demonstration/applications/app-1/scores/A1.1', method: 'PUT',
      body: { points: 7.5, comment: 'ok' },
    })
    await assessmentApi.submit('990113', 'app-1')
    expect(call(3)).toMatchObject({ path: '/api/district/counties/990113/demonstration/applications/app-1/scores/submit', method: 'POST' })
    expect(call(3).headers.get('X-XSRF-TOKEN')).toBe('tok-123')
    await assessmentApi.file('990113', 'app-1')
    expect(call(4).path).toBe('/api/district/counties/990113/demonstration/applications/app-1/file')
    await assessmentApi.scoresheet('990113', 'app-1')
    expect(call(5).path).toBe('/api/district/counties/990113/demonstration/applications/app-1/scoresheet')
  })
})
