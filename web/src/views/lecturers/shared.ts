// What the lecturer pages share: how a lecturer's training and teams read.
import type { Lecturer } from '@/api/lecturers'

type T = (key: string, named?: Record<string, unknown>) => string

/** 已培训（2026-09-20） / 未培训 */
export function trainingText(l: Pick<Lecturer, 'trainedOn'>, t: T): string {
  return l.trainedOn ? t('lecturers.trained', { date: l.trainedOn }) : t('lecturers.untrained')
}

/** 市讲师团、县区公益讲师团（潞州区）… or — */
export function teamsText(l: Pick<Lecturer, 'teams'>, t: T): string {
  if (!l.teams.length) return '—'
  return l.teams.map((m) => t(`lecturers.team.${m.team}`) + (m.countyId ? `（${m.countyName ?? m.countyId}）` : '')).join('、')
}

/** The nominating county, or 市直 */
export function nominatedByText(l: Pick<Lecturer, 'nominatedByCounty' | 'nominatedByCountyName'>, t: T): string {
  return l.nominatedByCounty ? l.nominatedByCountyName ?? l.nominatedByCounty : t('lecturers.cityDirect')
}
