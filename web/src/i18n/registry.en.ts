// School registry · close/merge (issue 17 item 6, ADR 0027): the county admin's school registry.
import type zh from './registry.zh-CN'

const en: typeof zh = {
  nav: 'School registry',
  title: 'School registry',
  intro: 'The schools registered in this county. A closure or merger is effective-dated: periods starting on or after its day no longer expect the school; periods that started before keep it and their figures. A closed school is listed until its last period has ended.',
  withClosed: 'Show closed schools',
  loading: 'Loading…',
  empty: 'No school is registered in this county yet',
  col: { school: 'School', xuequ: 'School district', type: 'School type', state: 'State', actions: 'Actions' },
  type: {
    KINDERGARTEN: 'Kindergarten', PRIMARY: 'Primary', JUNIOR_SECONDARY: 'Junior secondary', NINE_YEAR: 'Nine-year',
    SENIOR_SECONDARY: 'Senior secondary', COMPLETE_SECONDARY: 'Complete secondary', VOCATIONAL: 'Vocational',
    SPECIAL_EDUCATION: 'Special education',
  },
  open: 'Open',
  closedState: 'Closed (from {day})',
  mergedState: 'Closed · merged into {successor} (from {day})',
  mergedFrom: 'merged from {schools}',
  close: 'Close/merge',
  closeFor: 'Close/merge {name}',
  closeTitle: 'Close or merge {name}',
  closeText: 'Once closed, periods starting on or after the day no longer expect the school; to merge, pick the school it joins. This cannot be undone.',
  effectiveFrom: 'Effective from',
  effectiveFromHelp: 'The school is closed from this day on; it must be in a semester that has not ended and after the school\'s latest change of membership.',
  dayRequired: 'Pick the day the closure takes effect',
  successor: 'Merge into',
  successorHelp: 'Optional: an open school of this county. Leave empty to close only.',
  noSuccessor: 'No merger (close only)',
  cancel: 'Cancel',
  confirmClose: 'Close school',
  confirmMerge: 'Merge school',
  closed: '{name} is closed from {day}',
  merged: '{name} merges into {successor} from {day}',
}

export default en
