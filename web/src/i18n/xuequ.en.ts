// 学区 as a working tier (issue 17 item 6, ADR 0027): the 学区 scorecard and its drill-down from the county.
export default {
  nav: 'My school district',
  title: '{name} indicators',
  sub: '{county} · {period}',
  row: 'School district total',
  open: 'Open school district {name}',
  intro: 'A school district\'s figures follow the county\'s rules: the schools in the district on the period\'s first day that the indicator applies to.',
  schools: 'Schools of this district ({n})',
}
