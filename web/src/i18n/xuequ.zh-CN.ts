// 学区 as a working tier (issue 17 item 6, ADR 0027): the 学区 scorecard and its drill-down from the county.
export default {
  nav: '学区总览',
  title: '{name} 指标总览',
  sub: '{county} · {period}',
  row: '学区合计',
  open: '查看学区 {name}',
  intro: '学区汇总按区县汇总的同一规则计算：学期首日属于本学区、且指标适用的学校。',
  schools: '本学区学校（{n} 所）',
}
