import { districtCityManagementCode, type IncidentCategory } from '@cityops/domain'
import type { CallSource, Rng } from './models'

// [U] What a call taker would type as the headline, per category; a demo vocabulary.
const TITLES = {
  fire: ['居民楼火警', '商铺起火', '车辆自燃', '厨房油锅起火', '电动车充电起火', '垃圾堆起火'],
  trafficAccident: ['追尾事故', '两车刮擦', '电动车与轿车相撞', '多车追尾', '车辆撞护栏'],
  medical: ['老人摔倒受伤', '突发胸痛', '孕妇临产', '儿童高热惊厥', '突发昏迷', '醉酒不适'],
  publicSecurity: ['邻里纠纷', '盗窃报警', '打架斗殴', '可疑人员', '电信诈骗报案', '走失老人'],
  flood: ['道路积水', '地下车库进水', '下水道倒灌', '涵洞积水'],
  gasLeak: ['燃气泄漏', '闻到燃气味', '燃气管道破损'],
  powerOutage: ['小区停电', '路灯不亮', '线路故障', '变压器异响'],
  hazardousChemicals: ['危化品车辆泄漏', '化学品异味', '实验室试剂泄漏'],
  environmentalPollution: ['工地扬尘', '餐饮油烟扰民', '夜间施工噪声', '河道异味', '焚烧垃圾'],
  other: ['井盖缺失', '树木倒伏', '噪声扰民', '动物伤人', '求助', '占道经营'],
} as const satisfies Record<IncidentCategory, readonly string[]>

/** 金水区 农业路 追尾事故 — district, the street when the call is on one, the headline. */
export function incidentTitle(
  category: IncidentCategory,
  place: { districtName: string | null; roadName: string | null },
  rng: Rng,
): string {
  const options = TITLES[category]
  const headline = options[rng.int(options.length)] ?? options[0]
  return [place.districtName, place.roadName, headline].filter(Boolean).join(' ')
}

/**
 * Who is involved by category (the line that took the call joins where it is the responder).
 * 12345 items go to the hotline and, for local nuisances, the district's 城管.
 */
export function involvedDepartments(
  category: IncidentCategory,
  source: CallSource,
  districtCode: string | null,
): string[] {
  const cityManagement = districtCode ? districtCityManagementCode(districtCode) : undefined
  const byCategory: Record<IncidentCategory, (string | undefined)[]> = {
    fire: ['xfzd'],
    trafficAccident: source === '120' ? ['jjzd', 'ji120'] : ['jjzd'],
    medical: ['ji120'],
    publicSecurity: ['gaj110'],
    flood: ['slj', 'szgc'],
    gasLeak: ['xfzd', 'rq'],
    powerOutage: ['gd'],
    hazardousChemicals: ['xfzd', 'sthjj', 'yjj'],
    environmentalPollution: ['sthjj', cityManagement],
    other: [SOURCE_DEPARTMENT[source], source === '12345' ? cityManagement : undefined],
  }
  const codes = byCategory[category].filter((c): c is string => c !== undefined)
  return [...new Set(source === '12345' ? ['rx12345', ...codes] : codes)]
}

const SOURCE_DEPARTMENT = {
  '110': 'gaj110',
  '119': 'xfzd',
  '120': 'ji120',
  '122': 'jjzd',
  '12345': 'rx12345',
} as const satisfies Record<CallSource, string>

// [U] The one line a duty officer would close the incident with, per category.
const CLOSING_SUMMARIES = {
  fire: '明火已扑灭，无人员被困，现场移交属地',
  trafficAccident: '事故车辆已撤离，道路恢复通行',
  medical: '患者已送医，现场处置完毕',
  publicSecurity: '警情已处置，现场秩序恢复',
  flood: '积水已排除，道路恢复通行',
  gasLeak: '泄漏点已封堵，燃气浓度复测正常',
  powerOutage: '线路已抢修，供电恢复',
  hazardousChemicals: '泄漏物已收集转移，现场检测无残留',
  environmentalPollution: '污染源已查处，现场复查达标',
  other: '诉求已办结，已回复来电人',
} as const satisfies Record<IncidentCategory, string>

/** Marks simulated text wherever people read it (lists, Open311, audit). */
export const SIMULATED = '（模拟演示数据 / simulated）'

export const closingSummary = (category: IncidentCategory) =>
  `${CLOSING_SUMMARIES[category]}${SIMULATED}`

export const ESCALATION_REASON = `事态发展，按预案提升一级响应${SIMULATED}`
