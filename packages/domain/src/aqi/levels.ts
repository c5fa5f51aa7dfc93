// HJ 633-2012 Table 2 and Appendix A: AQI levels, categories and colours [V: DOMAIN.md §2.4].
// `textColor` is ours: black or white, whichever reaches WCAG 4.5:1 on the official colour.
export const AQI_LEVELS = [
  {
    level: 1,
    levelZh: '一级',
    max: 50,
    category: '优',
    categoryEn: 'Excellent',
    colorName: '绿色',
    color: '#00E400',
    textColor: '#000000',
  },
  {
    level: 2,
    levelZh: '二级',
    max: 100,
    category: '良',
    categoryEn: 'Good',
    colorName: '黄色',
    color: '#FFFF00',
    textColor: '#000000',
  },
  {
    level: 3,
    levelZh: '三级',
    max: 150,
    category: '轻度污染',
    categoryEn: 'Lightly polluted',
    colorName: '橙色',
    color: '#FF7E00',
    textColor: '#000000',
  },
  {
    level: 4,
    levelZh: '四级',
    max: 200,
    category: '中度污染',
    categoryEn: 'Moderately polluted',
    colorName: '红色',
    color: '#FF0000',
    textColor: '#000000',
  },
  {
    level: 5,
    levelZh: '五级',
    max: 300,
    category: '重度污染',
    categoryEn: 'Heavily polluted',
    colorName: '紫色',
    color: '#99004C',
    textColor: '#FFFFFF',
  },
  {
    level: 6,
    levelZh: '六级',
    max: Number.POSITIVE_INFINITY,
    category: '严重污染',
    categoryEn: 'Severely polluted',
    colorName: '褐红色',
    color: '#7E0023',
    textColor: '#FFFFFF',
  },
] as const

export type AqiLevelInfo = (typeof AQI_LEVELS)[number]
export type AqiLevel = AqiLevelInfo['level']
export type AqiCategory = AqiLevelInfo['category']

/** Level row for an integer AQI (0–50 → 1, 51–100 → 2, …, > 300 → 6). */
export function aqiLevelInfo(aqi: number): AqiLevelInfo {
  return AQI_LEVELS.find((row) => aqi <= row.max) ?? AQI_LEVELS[5]
}
