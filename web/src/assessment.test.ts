import { describe, expect, it } from 'vitest'
import { actionPath, criterionName, dueAction, errorsByField, formatPoints, pointsProblem } from '@/assessment'
import type { MyAssignment } from '@/api/types'

const row = (more: Partial<MyAssignment>): MyAssignment => ({
  applicationId: 'app-1', programmeId: 'P', schoolId: 'S', schoolName: '湖畔小学', round: 1, current: true,
  assignmentStatus: 'ASSIGNED', applicationStatus: 'SELF_EVALUATED', assignedAt: '2026-11-20T02:00:00Z', declaredAt: null,
  submittedAt: null, due: 'DECLARE', ...more,
})

describe('what a row of my assignments lets the assessor do', () => {
  it('maps what is due to the action and where it leads', () => {
    expect(dueAction(row({ due: 'DECLARE' }))).toBe('declare')
    expect(actionPath(row({}), 'declare')).toBe('/assessor/applications/app-1/declaration')
    expect(dueAction(row({ due: 'SCORE', assignmentStatus: 'CLEARED' }))).toBe('score')
    expect(actionPath(row({}), 'score')).toBe('/assessor/applications/app-1')
    expect(dueAction(row({ due: 'WAIT', assignmentStatus: 'CLEARED' }))).toBe('wait')
    expect(actionPath(row({}), 'wait')).toBe('/assessor/applications/app-1')
  })

  it('with nothing due: submitted scores, a file still readable, or nothing at all', () => {
    expect(dueAction(row({ due: 'NONE', assignmentStatus: 'CLEARED', submittedAt: '2026-11-21T00:00:00Z' }))).toBe('submitted')
    expect(dueAction(row({ due: 'NONE', assignmentStatus: 'CLEARED', applicationStatus: 'TITLED' }))).toBe('view')
    expect(dueAction(row({ due: 'NONE', assignmentStatus: 'RECUSED' }))).toBe('none')
    expect(dueAction(row({ due: 'NONE', assignmentStatus: 'CLEARED', current: false }))).toBe('none')
    expect(actionPath(row({}), 'none')).toBeNull()
  })
})

describe('problem details beside their fields', () => {
  it('puts statement and conflicts[0] errors under their field and the rest under the form', () => {
    const by = errorsByField([
      { field: 'statement', message: '不能为空' },
      { field: 'conflicts[0]', message: '无效的取值' },
      { field: 'other', message: 'x' },
      { field: null, message: '请求无效' },
    ], ['statement', 'conflicts'])
    expect(by.statement).toEqual(['不能为空'])
    expect(by.conflicts).toEqual(['无效的取值'])
    expect(by['']).toEqual(['other: x', '请求无效'])
  })
})

describe('points', () => {
  it('are 0 to the maximum with at most two decimals', () => {
    expect(pointsProblem(null, 10)).toBe('required')
    expect(pointsProblem(-1, 10)).toBe('range')
    expect(pointsProblem(10.5, 10)).toBe('range')
    expect(pointsProblem(7.125, 10)).toBe('decimals')
    expect(pointsProblem(7.25, 10)).toBeNull()
    expect(pointsProblem(0, 10)).toBeNull()
    expect(pointsProblem(10, 10)).toBeNull()
  })

  it('read as people write them', () => {
    expect(formatPoints(12)).toBe('12')
    expect(formatPoints(7.5)).toBe('7.5')
    expect(formatPoints(0.1 + 0.2)).toBe('0.3')
    expect(formatPoints(null)).toBe('—')
  })
})

describe('criterionName', () => {
  it('picks the standard\'s name in the page\'s language, English falling back to Chinese, then to the code', () => {
    const c = { nameZh: '家长学校', nameEn: 'Parent school' }
    expect(criterionName(c, 'zh-CN')).toBe('家长学校')
    expect(criterionName(c, 'en')).toBe('Parent school')
    expect(criterionName({ nameZh: '家长学校', nameEn: null }, 'en')).toBe('家长学校')
    expect(criterionName({ nameZh: '家长学校' }, 'en')).toBe('家长学校')
    expect(criterionName({ nameZh: null, nameEn: null }, 'en', 'A1.1')).toBe('A1.1')
  })
})
