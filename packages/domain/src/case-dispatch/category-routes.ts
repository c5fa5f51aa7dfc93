import type { CaseKind } from '../city-case'
import { districtCityManagementCode } from '../department'

/** Where a category goes by default: a named department, or the case's district 城市管理局. */
export type CategoryRoute = { department: string } | { districtOffice: true }

const DISTRICT: CategoryRoute = { districtOffice: true }

// 责任单位 per 小类 is local configuration (DOMAIN.md §2.1 "Per 小类, four things are configured
// locally"); Zhengzhou's table is not public, so this follows the usual remit of the city's
// bodies [U]. Keys as in the SLA table: `<kind>:<大类小类>` beats `<kind>:<大类>`; anything
// unlisted goes to the district office (三级管理, "属地兜底").
export const CATEGORY_ROUTES: Readonly<Record<string, CategoryRoute>> = {
  'component:01': { department: 'szgc' }, // 公用设施: manholes, drains → 市政工程管理处
  'component:0201': { department: 'cgj' }, // 路灯 → 城管局 (路灯管理处)
  'component:0202': { department: 'jjzd' }, // 交通护栏 → 交警支队
  'component:0203': { department: 'jjzd' }, // 交通标志牌
  'component:03': DISTRICT, // 市容环境 (果皮箱 …)
  'component:04': { department: 'ylj' }, // 园林绿化 → 园林局
  'event:01': DISTRICT, // 市容环境
  'event:0105': { department: 'slj' }, // 水域不洁 → 水利局
  'event:02': DISTRICT, // 宣传广告
  'event:0301': { department: 'sthjj' }, // 施工扬尘 → 生态环境局
  'event:03': DISTRICT, // 施工管理
  'event:04': { department: 'szgc' }, // 突发事件 on roads: 塌陷, 破损, 积水 → 市政工程
  'event:05': DISTRICT, // 街面秩序
}

/** The default department for a category in a district, or null when none is known. */
export function routeDepartment(
  kind: CaseKind,
  categoryCode: string,
  districtCode: string,
): string | null {
  const route =
    CATEGORY_ROUTES[`${kind}:${categoryCode}`] ??
    CATEGORY_ROUTES[`${kind}:${categoryCode.slice(0, 2)}`] ??
    DISTRICT
  return 'department' in route
    ? route.department
    : (districtCityManagementCode(districtCode) ?? null)
}
