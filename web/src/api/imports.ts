// Excel import (issue 14 item 3): templates, the upload that starts a job, the job's progress,
// its cancellation and its error workbook. The school's imports are under
// /api/school/schools/{schoolId}/imports, the county's registry under
// /api/district/counties/{countyId}/imports and the county's sheets of its schools' records (classes
// and enrolment) under /api/school/counties/{countyId}/imports, with the same shape: one client, by base path.
import { postForm, request } from './client'

/** A column of a template, as the header row of the workbook names it. */
export interface ImportColumn {
  key: string
  headerZh: string
  headerEn: string
  /** TEXT, INTEGER, DATE, ENUM, … (shown as the API says it when the page does not know the word) */
  type: string
  required: boolean
}

/** GET {base}/templates: one template per record family. */
export interface ImportTemplate {
  family: string
  titleZh: string
  titleEn: string
  templateVersion: number | string
  columns: ImportColumn[]
  /** only the school's administrators may upload it (classes); absent: anyone who may import */
  adminsOnly?: boolean
}

export type JobStatus = 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED' | 'CANCELLED'
export const JOB_STATUSES: JobStatus[] = ['QUEUED', 'RUNNING', 'DONE', 'FAILED', 'CANCELLED']

/** An import job (202 of the upload, GET {base}/jobs, GET {base}/jobs/{jobId}). */
export interface ImportJob {
  jobId: string
  family: string
  fileName: string
  status: JobStatus
  /** null until the rows are counted */
  rowsTotal: number | null
  rowsDone: number
  read: number
  applied: number
  refused: number
  unchanged: number
  hasErrorWorkbook: boolean
  problem: { title: string | null; detail: string | null } | null
  createdAt: string
  finishedAt: string | null
  expiresAt: string
}

export const isFinished = (status: JobStatus) => status === 'DONE' || status === 'FAILED' || status === 'CANCELLED'

/** rowsDone of rowsTotal in whole percent; null while the total is not known yet (an indeterminate bar). */
export function jobPercent(job: Pick<ImportJob, 'status' | 'rowsDone' | 'rowsTotal'>): number | null {
  if (job.status === 'DONE') return 100
  if (job.rowsTotal == null) return null
  if (job.rowsTotal === 0) return isFinished(job.status) ? 100 : 0
  return Math.min(100, Math.floor((job.rowsDone / job.rowsTotal) * 100))
}

const e = encodeURIComponent

/** Where each tier's imports live. */
export const importsBase = {
  school: (schoolId: string) => `/api/school/schools/${e(schoolId)}/imports`,
  county: (countyId: string) => `/api/district/counties/${e(countyId)}/imports`,
  /** the county's sheets of records of all its schools (kept by each school) */
  countySchools: (countyId: string) => `/api/school/counties/${e(countyId)}/imports`,
}

export type ImportsClient = ReturnType<typeof importsClient>

/** The import endpoints under one base path (importsBase.school(id) or importsBase.county(id)). */
export function importsClient(base: string) {
  return {
    base,
    templates: () => request<ImportTemplate[]>(`${base}/templates`),
    /** A plain link (same origin, the session cookie goes with it); the template's headers in that language. */
    templateUrl: (family: string, lang: string) => `${base}/templates/${e(family)}.xlsx?lang=${lang === 'en' ? 'en' : 'zh-CN'}`,
    /** multipart `file`; 202 with the job, or a problem when the file is refused up front (413, 415, 422) */
    upload: (family: string, file: File, lang: string, onProgress?: (percent: number) => void) => {
      const form = new FormData()
      form.append('file', file, file.name)
      return postForm<ImportJob>(`${base}/${e(family)}`, form, lang, onProgress)
    },
    /** newest first */
    jobs: () => request<ImportJob[]>(`${base}/jobs`),
    job: (jobId: string) => request<ImportJob>(`${base}/jobs/${e(jobId)}`),
    /** 409 problem once the job has finished */
    cancel: (jobId: string) => request<ImportJob>(`${base}/jobs/${e(jobId)}/cancellation`, { method: 'POST' }),
    errorsUrl: (jobId: string) => `${base}/jobs/${e(jobId)}/errors.xlsx`,
  }
}
