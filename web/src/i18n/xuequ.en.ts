// 学区 as a working tier (issue 17 item 6, ADR 0027): the 学区 scorecard and its drill-down from the county.
export default {
  nav: 'My school district',
  title: '{name} indicators',
  sub: '{county} · {period}',
  row: 'School district total',
  open: 'Open school district {name}',
  intro: 'A school district\'s figures follow the county\'s rules: the schools in the district on the period\'s first day that the indicator applies to.',
  schools: 'Schools of this district ({n})',
  arrangement: {
    title: 'Demonstration-school arrangement',
    intro: 'Select the district\'s schools for each of the county\'s demonstration programmes and the year each creates in; once submitted it is the district\'s part of the county\'s arrangement table (submitting again replaces it).',
    count: '{n} selected / quota {quota}',
    noQuota: '{n} selected (the county has not set the district\'s quota yet)',
    school: 'School',
    year: 'Planned year',
    yearOf: 'Planned year of {name}',
    notChosen: 'Not included',
    inYear: '{y}',
    submit: 'Submit the district\'s arrangement',
    submitted: 'The district\'s arrangement for "{name}" is submitted',
  },
}
