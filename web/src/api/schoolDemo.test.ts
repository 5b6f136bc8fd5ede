import { afterEach, describe, expect, it, vi } from 'vitest'
import { uploadAttachment } from './schoolDemo'

/** A stand-in XMLHttpRequest that records what the upload sends and answers 201. */
class FakeXhr {
  static last: FakeXhr | null = null
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
    this.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 100 })
    this.status = body.get('criterionCode') === 'BAD' ? 415 : 201
    this.responseText = this.status === 201 ? JSON.stringify({ id: 'a1', fileName: '章程.pdf' })
      : JSON.stringify({ title: '不支持的文件类型', detail: '仅接受 PDF、JPEG 和 PNG 文件' })
    queueMicrotask(() => this.onload?.())
  }
}

describe('uploadAttachment', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('posts the file and its criterion as multipart to the application attachments, with the CSRF header and progress', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr)
    document.cookie = 'XSRF-TOKEN=tok123'
    const progress: number[] = []
    const file = new File(['%PDF-1.4'], '章程.pdf', { type: 'application/pdf' })
    const a = await uploadAttachment('9901130001', 'app-1', 'A1.1', file, 'zh-CN', (p) => progress.push(p))
    const xhr = FakeXhr.last!
    expect(xhr.method).toBe('POST')
    expect(xhr.url).toBe('/api/school/schools/9901130001/demonstration/applications/app-1/attachments')
    expect(xhr.headers['X-XSRF-TOKEN']).toBe('tok123')
    expect(xhr.headers['Accept-Language']).toBe('zh-CN')
    expect(xhr.body!.get('criterionCode')).toBe('A1.1')
    expect((xhr.body!.get('file') as File).name).toBe('章程.pdf')
    expect(progress).toEqual([50, 100])
    expect(a.fileName).toBe('章程.pdf')
  })

  it("turns a refusal into the API's problem", async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr)
    const file = new File(['MZ'], 'x.pdf')
    await expect(uploadAttachment('9901130001', 'app-1', 'BAD', file, 'zh-CN')).rejects.toMatchObject({
      status: 415, detail: '仅接受 PDF、JPEG 和 PNG 文件',
    })
  })
})
