import { z } from 'zod'

// GB/T 2260 codes for Zhengzhou (410100). DOMAIN.md tags them [U] (from memory); they agree
// with NBS 2023 统计用区划代码 in /work/shared/data/zhengzhou_townships_nbs2023.csv.
export const CITY_CODE = '410100'

export const DISTRICTS = [
  { code: '410102', name: '中原区', nameEn: 'Zhongyuan' },
  { code: '410103', name: '二七区', nameEn: 'Erqi' },
  { code: '410104', name: '管城回族区', nameEn: 'Guancheng Hui' },
  { code: '410105', name: '金水区', nameEn: 'Jinshui' },
  { code: '410106', name: '上街区', nameEn: 'Shangjie' },
  { code: '410108', name: '惠济区', nameEn: 'Huiji' },
  { code: '410122', name: '中牟县', nameEn: 'Zhongmu' },
  { code: '410181', name: '巩义市', nameEn: 'Gongyi' },
  { code: '410182', name: '荥阳市', nameEn: 'Xingyang' },
  { code: '410183', name: '新密市', nameEn: 'Xinmi' },
  { code: '410184', name: '新郑市', nameEn: 'Xinzheng' },
  { code: '410185', name: '登封市', nameEn: 'Dengfeng' },
] as const

// Functional areas are not GB/T 2260 divisions, but NBS township codes start with them.
export const FUNCTIONAL_AREAS = [
  {
    code: '410171',
    name: '郑州经济技术开发区',
    shortName: '经开区',
    nameEn: 'Economic-Technological Development Zone',
  },
  {
    code: '410172',
    name: '郑州高新技术产业开发区',
    shortName: '高新区',
    nameEn: 'High-Tech Industrial Development Zone',
  },
  {
    code: '410173',
    name: '郑州航空港经济综合实验区',
    shortName: '航空港区',
    nameEn: 'Airport Economy Zone',
  },
] as const

export type DistrictCode = (typeof DISTRICTS)[number]['code']
export type FunctionalAreaCode = (typeof FUNCTIONAL_AREAS)[number]['code']
/** A county-level division or functional area of Zhengzhou (not the city code itself). */
export type KnownAdminCode = DistrictCode | FunctionalAreaCode

export const AdminCode = z.string().regex(/^\d{6}$/, 'Admin code must be 6 digits (GB/T 2260)')
export type AdminCode = z.infer<typeof AdminCode>

const KNOWN_ADMIN_CODES: ReadonlySet<string> = new Set<string>([
  ...DISTRICTS.map((d) => d.code),
  ...FUNCTIONAL_AREAS.map((f) => f.code),
])

export function isKnownAdminCode(code: string): code is KnownAdminCode {
  return KNOWN_ADMIN_CODES.has(code)
}

export const KnownAdminCode = z.custom<KnownAdminCode>(
  (value) => typeof value === 'string' && isKnownAdminCode(value),
  'Not a Zhengzhou county-level or functional-area code',
)

export const District = z.object({
  code: AdminCode,
  name: z.string().min(1),
  nameEn: z.string().min(1),
})
export type District = z.infer<typeof District>

export function districtByCode(code: string): (typeof DISTRICTS)[number] | undefined {
  return DISTRICTS.find((d) => d.code === code)
}

export function adminAreaName(code: string): string | undefined {
  if (code === CITY_CODE) return '郑州市'
  return (districtByCode(code) ?? FUNCTIONAL_AREAS.find((f) => f.code === code))?.name
}
