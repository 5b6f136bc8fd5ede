/** What a scorecard cell needs of a RollupCell, a SchoolCell or a school row. */
export interface CellData {
  value: number | null
  numerator?: number | null
  denominator?: number | null
  target?: number | null
  met?: boolean | null
  suppressed?: boolean
  applies?: boolean
  schoolsMeetingTarget?: number | null
  schoolsReporting?: number | null
  schoolsExpected?: number | null
  timeliness?: number | null
  /** the sign-offs of a county's or the city's rollup (null: the rollup predates them) */
  signOffs?: SignOffs | null
}

import type { RouteLocationRaw } from 'vue-router'
import type { Indicator, Level, SignOffs } from '@/api/types'

export interface ScoreColumn {
  indicator: Indicator
  periodId: string
}

export interface ScoreRow {
  id: string
  name: string
  level: Level
  /** the drill-down page of the unit, or null where there is none */
  link: RouteLocationRaw | null
  xuequId?: string | null
  cells: Record<string, CellData | undefined>
}
