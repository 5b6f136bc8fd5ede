// The hand-written model of types.ts against the reporting-service's own OpenAPI document
// (openapi/reporting.json → reporting.d.ts by `npm run gen:api`). The generated schemas make every
// field optional and untyped as to null and enums, so the app keeps its precise types; this file
// makes the type check (vue-tsc, part of `npm run build`) fail when a field the app reads is
// renamed, removed or changes type in the service's document.
import type { components } from './reporting'
import type * as T from './types'

type S = components['schemas']

/** T with null taken out everywhere (the document does not say which fields may be null). */
type NoNull<X> = X extends null ? never
  : X extends (infer U)[] ? NoNull<U>[]
  : X extends object ? { [K in keyof X]: NoNull<X[K]> }
  : X

/** true, or the names of fields the app reads that the document lacks, or 'types differ'. */
type Conforms<Mine, Theirs> = [NoNull<Mine>] extends [Theirs]
  ? (Exclude<keyof Mine, keyof Theirs> extends never ? true : { missingInDocument: Exclude<keyof Mine, keyof Theirs> })
  : { typesDiffer: Mine }

export const conformance: {
  calendar: Conforms<T.Calendar, S['CalendarView']>
  unit: Conforms<T.Unit, S['UnitView']>
  indicator: Conforms<T.Indicator, S['IndicatorView']>
  rollupCell: Conforms<T.RollupCell, S['RollupCell']>
  schoolCell: Conforms<T.SchoolCell, S['SchoolCell']>
  cityScorecard: Conforms<T.CityScorecard, S['CityScorecard']>
  countyScorecard: Conforms<T.CountyScorecard, S['CountyScorecard']>
  schoolScorecard: Conforms<T.SchoolScorecard, S['SchoolScorecard']>
  countyFigures: Conforms<T.CountyFigures, S['CountyFigures']>
  countyDetail: Conforms<T.CountyDetail, S['CountyDetail']>
  cityFigures: Conforms<T.CityFigures, S['CityFigures']>
  schoolFigures: Conforms<T.SchoolFigures, S['SchoolFigures']>
  cityReport: Conforms<T.CityReport, S['CityReport']>
  countyReport: Conforms<T.CountyReport, S['CountyReport']>
  belowTarget: Conforms<T.BelowTarget, S['BelowTarget']>
  trendPoint: Conforms<T.TrendPoint, S['Point']>
  trend: Conforms<T.Trend, S['Trend']>
  attentionItem: Conforms<T.AttentionItem, S['AttentionItem']>
  attention: Conforms<T.Attention, S['Attention']>
} = {
  calendar: true, unit: true, indicator: true, rollupCell: true, schoolCell: true, cityScorecard: true,
  countyScorecard: true, schoolScorecard: true, countyFigures: true, countyDetail: true, cityFigures: true,
  schoolFigures: true, cityReport: true, countyReport: true, belowTarget: true, trendPoint: true, trend: true,
  attentionItem: true, attention: true,
}
