import type { CityScorecard, Indicator, Me, RollupCell } from '@/api/types'

export const ME: Record<string, Me> = {
  'city-staff': { username: 'staff-990100', name: '王芳', roles: ['city-staff', 'offline_access'], city_id: '990100' },
  'city-admin': { username: 'admin-990100', name: null, roles: ['city-admin'], city_id: '990100' },
  'county-admin': { username: 'admin-990113', name: '李强', roles: ['county-admin'], county_id: '990113', city_id: '990100' },
  'county-assessor': { username: 'assessor-990113', roles: ['county-assessor'], county_id: '990113', city_id: '990100' },
  'school-admin': { username: 'admin-9901130001', roles: ['school-admin'], school_id: '9901130001', county_id: '990113' },
  'school-staff': { username: 'staff-9901130001', roles: ['school-staff'], school_id: '9901130001', county_id: '990113' },
  'xuequ-staff': { username: 'xuequ-990113-xq1', roles: ['xuequ-staff'], county_id: '990113', xuequ_id: '990113-XQ1', city_id: '990100' },
}

export function indicator(code: string, kind: Indicator['kind'], target: number | null, more: Partial<Indicator> = {}): Indicator {
  return {
    code, nameZh: `指标${code}`, nameEn: `Indicator ${code}`, kind, periodType: 'SEMESTER', comparator: 'AT_LEAST',
    sensitive: false, schoolTypes: [], target, ...more,
  }
}

export function cell(id: string | null, name: string | null, more: Partial<RollupCell> = {}): RollupCell {
  return {
    id, name, suppressed: false, numerator: null, denominator: null, value: null, target: null, met: null,
    schoolsMeetingTarget: null, schoolsReporting: null, schoolsExpected: null, completeness: null, schoolsOnTime: null,
    schoolsUnderDeadline: null, timeliness: null, signOffs: null, version: null, asOf: null, ...more,
  }
}

export const CITY_CARD: CityScorecard = {
  periodId: '2026-2027-1',
  indicators: [
    {
      indicator: indicator('PLATFORM_REGISTRATION', 'RATIO', 0.6, { nameZh: '家长注册率', nameEn: 'Parent registration' }),
      periodId: '2026-2027-1',
      city: cell('990100', '演示市', {
        numerator: 544, denominator: 1000, value: 0.544, target: 0.6, met: false, schoolsReporting: 10, schoolsExpected: 10,
        timeliness: 0.9,
        signOffs: { signedOff: 8, signedOffOnTime: 6, approved: 5, completeness: 0.8, timeliness: 0.6 },
      }),
      counties: [
        cell('990113', '西湖区', { numerator: 70, denominator: 100, value: 0.7, target: 0.6, met: true, schoolsReporting: 4, schoolsExpected: 5,
          signOffs: { signedOff: 3, signedOffOnTime: null, approved: 1, completeness: 0.6, timeliness: null } }),
        // a rollup published before sign-offs: no signOffs
        cell('990114', '北湖县', { numerator: 30, denominator: 100, value: 0.3, target: 0.6, met: false, schoolsReporting: 5, schoolsExpected: 5 }),
      ],
    },
    {
      indicator: indicator('SPECIAL_CARE', 'RATIO', 1, { sensitive: true, nameZh: '特殊学生关爱', nameEn: 'Special care' }),
      periodId: '2026-2027-1',
      city: cell('990100', '演示市', { value: 0.9, numerator: 9, denominator: 10, met: false, target: 1 }),
      counties: [
        cell('990113', '西湖区', { suppressed: true, target: 1, schoolsReporting: 2, schoolsExpected: 2 }),
        cell('990114', '北湖县', { value: null, target: 1 }),
      ],
    },
    {
      indicator: indicator('COLLECTIVE_SESSIONS', 'COUNT', 1),
      periodId: '2026-2027-1',
      city: cell('990100', '演示市', { numerator: 7, denominator: 4, value: 1.75, target: 1, met: false, schoolsMeetingTarget: 3, schoolsExpected: 4 }),
      counties: [
        cell('990113', '西湖区', { numerator: 3, denominator: 2, value: 1.5, target: 1, met: false, schoolsMeetingTarget: 1, schoolsExpected: 2 }),
        cell('990114', '北湖县', { numerator: 4, denominator: 2, value: 2, target: 1, met: true, schoolsMeetingTarget: 2, schoolsExpected: 2 }),
      ],
    },
  ],
}
