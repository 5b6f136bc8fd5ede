// 学区 as a working tier (issue 17 item 6, ADR 0027): the 学区 scorecard and its drill-down from the county.
export default {
  nav: '学区总览',
  title: '{name} 指标总览',
  sub: '{county} · {period}',
  row: '学区合计',
  open: '查看学区 {name}',
  intro: '学区汇总按区县汇总的同一规则计算：学期首日属于本学区、且指标适用的学校。',
  schools: '本学区学校（{n} 所）',
  arrangement: {
    title: '示范校创建安排',
    intro: '为区县的示范校创建项目遴选本学区的创建学校并确定创建年份，报送后即成为区县安排表中本学区的部分（再次报送将替换）。',
    count: '已选 {n} 所 / 本学区名额 {quota} 所',
    noQuota: '已选 {n} 所（区县尚未分配本学区名额）',
    school: '学校',
    year: '计划创建年份',
    yearOf: '{name} 的计划创建年份',
    notChosen: '不列入',
    inYear: '{y} 年',
    submit: '报送本学区安排',
    submitted: '已报送“{name}”的本学区安排',
  },
}
