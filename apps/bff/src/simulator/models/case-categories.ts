import type { CaseKind } from '@cityops/domain'

export interface CaseCategory {
  kind: CaseKind
  /** 2-digit 大类 + 2-digit 小类. */
  code: string
  majorZh: string
  zh: string
  en: string
  /** Relative share of all reports. */
  weight: number
  where: 'road' | 'area'
  /** Short inspector notes; `{n}` becomes a small count. */
  templates: readonly string[]
}

// 大类 in the order of the Zhengzhou 实施办法 (DOMAIN.md §2.1).
export const CASE_MAJOR_CATEGORIES = {
  component: {
    '01': '公用设施',
    '02': '道路交通',
    '03': '市容环境',
    '04': '园林绿化',
    '05': '房屋土地',
    '06': '其他设施',
  },
  event: {
    '01': '市容环境',
    '02': '宣传广告',
    '03': '施工管理',
    '04': '突发事件',
    '05': '街面秩序',
    '06': '其他事件',
  },
} as const satisfies Record<CaseKind, Record<string, string>>

type Row = [
  code: string,
  zh: string,
  en: string,
  weight: number,
  where: 'road' | 'area',
  templates: string[],
]

const rows = (kind: CaseKind, list: readonly Row[]): CaseCategory[] =>
  list.map(([code, zh, en, weight, where, templates]) => {
    const majors: Readonly<Record<string, string>> = CASE_MAJOR_CATEGORIES[kind]
    return {
      kind,
      code,
      majorZh: majors[code.slice(0, 2)] ?? '其他',
      zh,
      en,
      weight,
      where,
      templates,
    }
  })

// Codes are ILLUSTRATIVE [U]: the national 小类 table (GB/T 30428.2 / CJ/T 214) was not
// available. Event 市容环境 小类 01–05 follow the Jiyuan table quoted in DOMAIN.md §2.1
// (违法搭建, 暴露垃圾, 积存垃圾渣土, 道路不洁, 水域不洁); "99" is our "other" 小类. Weights follow
// Tianmen's December report (非法小广告 48 %, 其他市容环境问题 15 %, 乱堆物堆料 13 %; components
// 2.5 %), with components raised to ~5 % so the demo shows some.
export const CASE_CATEGORIES: readonly CaseCategory[] = [
  ...rows('component', [
    [
      '0101',
      '上水井盖',
      'Water-supply manhole cover',
      0.6,
      'road',
      ['上水井盖破损', '上水井盖缺失'],
    ],
    ['0102', '污水井盖', 'Sewer manhole cover', 0.8, 'road', ['污水井盖破损下沉', '污水井盖移位']],
    ['0103', '雨水井盖', 'Storm-drain cover', 0.9, 'road', ['雨水篦子缺失', '雨水篦子堵塞约{n}处']],
    ['0201', '路灯', 'Street light', 0.8, 'road', ['路灯不亮，连续{n}盏', '路灯灯杆倾斜']],
    ['0202', '交通护栏', 'Traffic guardrail', 0.5, 'road', ['交通护栏损坏约{n}米']],
    ['0203', '交通标志牌', 'Traffic sign', 0.3, 'road', ['交通标志牌倾斜、被遮挡']],
    ['0301', '果皮箱', 'Litter bin', 0.6, 'area', ['果皮箱破损', '果皮箱满溢未清运']],
    ['0401', '行道树', 'Street tree', 0.4, 'road', ['行道树倒伏，影响通行', '行道树枯死{n}棵']],
    ['0402', '绿地', 'Green space', 0.3, 'area', ['绿地黄土裸露约{n}平方米']],
  ]),
  ...rows('event', [
    ['0101', '私搭乱建', 'Illegal structure', 2, 'area', ['人行道上私搭简易棚{n}处']],
    ['0102', '暴露垃圾', 'Exposed garbage', 6, 'area', ['路边暴露垃圾约{n}袋', '绿化带内暴露垃圾']],
    ['0103', '积存垃圾渣土', 'Accumulated muck', 3, 'area', ['积存建筑渣土约{n}立方米']],
    ['0104', '道路不洁', 'Dirty road surface', 4, 'road', ['路面油污、泥土约{n}米']],
    ['0105', '水域不洁', 'Dirty water surface', 0.5, 'area', ['河道水面漂浮垃圾']],
    [
      '0106',
      '乱堆物堆料',
      'Piled materials',
      13,
      'area',
      ['人行道乱堆杂物约{n}处', '门店外堆放物料'],
    ],
    [
      '0199',
      '其他市容环境问题',
      'Other appearance problem',
      15,
      'area',
      ['沿街乱挂晾晒', '墙面污损'],
    ],
    [
      '0201',
      '非法小广告',
      'Illegal small ads',
      45,
      'area',
      ['张贴非法小广告约{n}处', '喷涂小广告{n}处'],
    ],
    ['0202', '违规户外广告', 'Unauthorised outdoor ad', 2, 'road', ['擅自设置广告牌{n}块']],
    ['0301', '施工扬尘', 'Construction dust', 1.5, 'area', ['工地裸土未覆盖', '施工未湿法作业']],
    ['0302', '道路遗撒', 'Spillage on the road', 1, 'road', ['渣土车遗撒约{n}米']],
    ['0303', '施工占道', 'Construction on the road', 0.5, 'road', ['施工围挡超出审批范围']],
    ['0401', '路面塌陷', 'Road collapse', 0.1, 'road', ['路面塌陷约{n}平方米']],
    [
      '0402',
      '道路破损',
      'Damaged road surface',
      1.5,
      'road',
      ['路面坑槽约{n}处', '人行道板破损松动约{n}平方米'],
    ],
    ['0406', '道路积水', 'Road waterlogging', 0.5, 'road', ['道路积水深约{n}厘米']],
    ['0501', '占道经营', 'Street vending', 4, 'area', ['流动摊贩占道经营{n}处', '店外经营']],
    ['0503', '非机动车乱停放', 'Badly parked bicycles', 2, 'road', ['共享单车乱停放约{n}辆']],
  ]),
]
