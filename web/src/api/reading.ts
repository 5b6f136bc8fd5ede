// A class's parent–child reading campaign (school-service `reading.ReadingController`, issue 17
// item 4): the campaign, its counts and a batch of check-ins. Students are written by the school's
// own student number and stored as a keyed pseudonym; no answer names a student.
import { request } from './client'
import { schoolBase } from './records'

export interface ReadingCampaign {
  campaignId: string; classId: string; name: string; startDate: string; days: number; targetMinutes: number; lastDay: string
  recordStatus: 'ACTIVE' | 'WITHDRAWN'; version: number
}
export interface ReadingSummary {
  campaignId: string; participants: number; completed: number; checkIns: number; perDay: { date: string; students: number }[]
}
export interface CheckIn { studentRef: string; date: string; minutes: number }
export interface CheckInOutcome { received: number; recorded: number; replaced: number; unchanged: number }

const base = (schoolId: string, campaignId: string) => `${schoolBase(schoolId)}/reading-campaigns/${encodeURIComponent(campaignId)}`

export const readingApi = {
  campaign: (schoolId: string, campaignId: string) => request<ReadingCampaign>(base(schoolId, campaignId)),
  summary: (schoolId: string, campaignId: string) => request<ReadingSummary>(`${base(schoolId, campaignId)}/summary`),
  checkIn: (schoolId: string, campaignId: string, checkIns: CheckIn[]) => request<CheckInOutcome>(`${base(schoolId, campaignId)}/check-ins`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ checkIns }),
  }),
}

/** A line of the check-in box that could not be read: its number (from 1) and the text. */
export interface LineProblem { line: number; text: string }

/**
 * The check-in box as the batch: one student a line, the school's student number and, after a
 * space, comma or tab, the minutes read (the campaign's daily target when left out). Blank lines
 * are skipped; a line whose minutes are not a whole number from 1 to 1440 is returned as a problem
 * and nothing is sent.
 */
export function parseCheckIns(text: string, date: string, defaultMinutes: number): { checkIns: CheckIn[]; problems: LineProblem[] } {
  const checkIns: CheckIn[] = []
  const problems: LineProblem[] = []
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim()
    if (!line) return
    const [ref, minutesText, ...rest] = line.split(/[\s,，、;；\t]+/)
    const minutes = minutesText === undefined ? defaultMinutes : Number(minutesText)
    if (rest.length > 0 || !Number.isInteger(minutes) || minutes < 1 || minutes > 1440) {
      problems.push({ line: i + 1, text: line })
      return
    }
    checkIns.push({ studentRef: ref, date, minutes })
  })
  return { checkIns, problems }
}
