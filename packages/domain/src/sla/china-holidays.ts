// Statutory holidays and 调休 make-up working days, as yearly data (DOMAIN.md §2.1 "Time limits"
// rule 1, §5.3). Ranges are inclusive local dates. Add a year when the State Council publishes it.

export interface HolidayYear {
  year: number
  /** Days off (ranges include the weekend days inside them). */
  holidays: readonly (readonly [from: string, to: string])[]
  /** Saturdays/Sundays that are working days (调休上班). */
  makeUpWorkdays: readonly string[]
}

// 国务院办公厅关于2026年部分节假日安排的通知 (published Nov 2025), from memory: check every line
// against the published notice before production [U]. Lines marked [U] are the least certain.
export const CHINA_2026: HolidayYear = {
  year: 2026,
  holidays: [
    ['2026-01-01', '2026-01-03'], // 元旦
    ['2026-02-15', '2026-02-23'], // 春节 (9 days)
    ['2026-04-04', '2026-04-06'], // 清明节
    ['2026-05-01', '2026-05-05'], // 劳动节
    ['2026-06-19', '2026-06-21'], // 端午节
    ['2026-09-25', '2026-09-27'], // 中秋节
    ['2026-10-01', '2026-10-07'], // 国庆节
  ],
  makeUpWorkdays: [
    '2026-01-04', // Sun, for 元旦
    '2026-02-14', // Sat, for 春节
    '2026-02-28', // Sat, for 春节
    '2026-05-09', // Sat, for 劳动节 [U]
    '2026-09-20', // Sun, for 国庆节 [U]
    '2026-10-10', // Sat, for 国庆节 [U]
  ],
}
