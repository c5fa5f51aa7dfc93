import { DISTRICTS } from '../district'
import type { Department } from './department'

// City-level bodies that receive dispatched incidents and cases in Zhengzhou.
const CITY_DEPARTMENTS: readonly Department[] = [
  {
    code: 'cgj',
    name: '郑州市城市管理局',
    nameEn: 'Zhengzhou Urban Management Bureau',
    kind: 'cityManagement',
  },
  {
    code: 'sthjj',
    name: '郑州市生态环境局',
    nameEn: 'Zhengzhou Ecology and Environment Bureau',
    kind: 'environment',
  },
  {
    code: 'jjzd',
    name: '郑州市公安局交通警察支队',
    nameEn: 'Zhengzhou Traffic Police Detachment',
    kind: 'trafficPolice',
  },
  {
    code: 'xfzd',
    name: '郑州市消防救援支队',
    nameEn: 'Zhengzhou Fire and Rescue Detachment',
    kind: 'fire',
  },
  {
    code: 'ji120',
    name: '郑州市120急救指挥中心',
    nameEn: 'Zhengzhou 120 Emergency Medical Dispatch Center',
    kind: 'medical',
  },
  {
    code: 'gaj110',
    name: '郑州市公安局110指挥中心',
    nameEn: 'Zhengzhou Police 110 Command Center',
    kind: 'police',
  },
  { code: 'slj', name: '郑州市水利局', nameEn: 'Zhengzhou Water Resources Bureau', kind: 'water' },
  {
    code: 'rq',
    name: '郑州华润燃气股份有限公司',
    nameEn: 'China Resources Gas (Zhengzhou)',
    kind: 'gas',
  },
  {
    code: 'gd',
    name: '国网郑州供电公司',
    nameEn: 'State Grid Zhengzhou Power Supply Company',
    kind: 'power',
  },
  {
    code: 'ylj',
    name: '郑州市园林局',
    nameEn: 'Zhengzhou Landscape and Greening Bureau',
    kind: 'landscape',
  },
  {
    code: 'szgc',
    name: '郑州市市政工程管理处',
    nameEn: 'Zhengzhou Municipal Engineering Administration',
    kind: 'municipal',
  },
  {
    code: 'yjj',
    name: '郑州市应急管理局',
    nameEn: 'Zhengzhou Emergency Management Bureau',
    kind: 'emergency',
  },
  {
    code: 'rx12345',
    name: '郑州市12345市民服务热线',
    nameEn: 'Zhengzhou 12345 Citizen Service Hotline',
    kind: 'hotline',
  },
]

// One 城市管理局 per county-level division: the 三级管理 tier that handles most 数字城管 cases.
const DISTRICT_DEPARTMENTS: readonly Department[] = DISTRICTS.map((d) => ({
  code: `cg-${d.code}`,
  name: `${d.name}城市管理局`,
  nameEn: `${d.nameEn} Urban Management Bureau`,
  kind: 'districtCityManagement',
  districtCode: d.code,
}))

export const DEPARTMENTS: readonly Department[] = [...CITY_DEPARTMENTS, ...DISTRICT_DEPARTMENTS]

export function departmentByCode(code: string): Department | undefined {
  return DEPARTMENTS.find((d) => d.code === code)
}

/** The district city-management office responsible for a county-level division. */
export function districtCityManagementCode(districtCode: string): string | undefined {
  return DEPARTMENTS.find(
    (d) => d.kind === 'districtCityManagement' && d.districtCode === districtCode,
  )?.code
}
