import { afterEach, describe, expect, it, vi } from 'vitest'
import { importsBase, importsClient, isFinished, jobPercent } from './imports'

/** A stand-in XMLHttpRequest: records what is sent, reports half the bytes, answers 202 or a problem. */
class FakeXhr {
  static last: FakeXhr | null = null
  static answer: { status: number; body: unknown } = { status: 202, body: {} }
  method = ''
  url = ''
  headers: Record<string, string> = {}
  body: FormData | null = null
  status = 0
  responseText = ''
  withCredentials = false
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null }
  onload: (() => void) | null = null
  onerror: (() => void) | null = null
  constructor() { FakeXhr.last = this }
  open(method: string, url: string) { this.method = method; this.url = url }
  setRequestHeader(k: string, v: string) { this.headers[k] = v }
  getResponseHeader() { return this.status >= 400 ? 'application/problem+json' : 'application/json' }
  send(body: FormData) {
    this.body = body
    this.upload.onprogress?.({ lengthComputable: true, loaded: 512, total: 1024 })
    this.status = FakeXhr.answer.status
    this.responseText = JSON.stringify(FakeXhr.answer.body)
    queueMicrotask(() => this.onload?.())
  }
}

describe('the import client', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
  })

  it('puts every endpoint under the base path of the tier', () => {
    expect(importsBase.school('9901130001')).toBe('/api/school/schools/9901130001/imports')
    expect(importsBase.county('990113')).toBe('/api/district/counties/990113/imports')
    const api = importsClient(importsBase.county('990113'))
    expect(api.templateUrl('xuequ', 'zh-CN')).toBe('/api/district/counties/990113/imports/templates/xuequ.xlsx?lang=zh-CN')
    expect(api.templateUrl('schools', 'en')).toBe('/api/district/counties/990113/imports/templates/schools.xlsx?lang=en')
    expect(api.errorsUrl('j 1')).toBe('/api/district/counties/990113/imports/jobs/j%201/errors.xlsx')
  })

  it('asks for jobs and cancels with the CSRF header of a write', async () => {
    document.cookie = 'XSRF-TOKEN=tok-imports'
    const fetch = vi.fn(async () => new Response(JSON.stringify({ jobId: 'j1', status: 'CANCELLED' }), {
      status: 200, headers: { 'Content-Type': 'application/json' } }))
    vi.stubGlobal('fetch', fetch)
    const api = importsClient(importsBase.school('9901130001'))
    await api.cancel('j1')
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/school/schools/9901130001/imports/jobs/j1/cancellation')
    expect(init.method).toBe('POST')
    expect(new Headers(init.headers).get('X-XSRF-TOKEN')).toBe('tok-imports')
    await api.job('j1')
    expect((fetch.mock.calls[1] as unknown as [string])[0]).toBe('/api/school/schools/9901130001/imports/jobs/j1')
    await api.jobs()
    expect((fetch.mock.calls[2] as unknown as [string])[0]).toBe('/api/school/schools/9901130001/imports/jobs')
  })

  it('uploads the workbook as the multipart field `file` with the CSRF header, the language and its progress', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr)
    FakeXhr.answer = { status: 202, body: { jobId: 'j2', status: 'QUEUED' } }
    document.cookie = 'XSRF-TOKEN=tok-up'
    const progress: number[] = []
    const file = new File(['PK'], '授课记录.xlsx')
    const job = await importsClient(importsBase.school('9901130001')).upload('sessions', file, 'en', (p) => progress.push(p))
    const xhr = FakeXhr.last!
    expect(xhr.method).toBe('POST')
    expect(xhr.url).toBe('/api/school/schools/9901130001/imports/sessions')
    expect(xhr.headers['X-XSRF-TOKEN']).toBe('tok-up')
    expect(xhr.headers['Accept-Language']).toBe('en')
    expect((xhr.body!.get('file') as File).name).toBe('授课记录.xlsx')
    expect(progress).toEqual([50, 100])
    expect(job).toEqual({ jobId: 'j2', status: 'QUEUED' })
  })

  it('turns a file refused up front into the problem it names', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr)
    FakeXhr.answer = { status: 413, body: { title: '文件过大', detail: '超过 20 MB', errors: ['file: 过大'] } }
    await expect(importsClient('/b').upload('sessions', new File(['x'], 'a.xlsx'), 'zh-CN')).rejects.toMatchObject({
      status: 413, title: '文件过大', detail: '超过 20 MB', errors: [{ field: 'file', message: '过大' }],
    })
  })

  it('measures progress as rows done of the total, unknown until the rows are counted', () => {
    expect(jobPercent({ status: 'QUEUED', rowsDone: 0, rowsTotal: null })).toBeNull()
    expect(jobPercent({ status: 'RUNNING', rowsDone: 1031, rowsTotal: 2480 })).toBe(41)
    expect(jobPercent({ status: 'RUNNING', rowsDone: 0, rowsTotal: 0 })).toBe(0)
    expect(jobPercent({ status: 'DONE', rowsDone: 7, rowsTotal: 10 })).toBe(100)
    expect(jobPercent({ status: 'CANCELLED', rowsDone: 7, rowsTotal: 10 })).toBe(70)
    expect(['QUEUED', 'RUNNING', 'DONE', 'FAILED', 'CANCELLED'].map((s) => isFinished(s as never))).toEqual([false, false, true, true, true])
  })
})
