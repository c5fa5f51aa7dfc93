// Emergency call sources: 110 police, 119 fire, 120 ambulance, 122 traffic police,
// 12345 citizen hotline, IoT sensors, inbound CAP alerts and operator entry.
export const INCIDENT_SOURCES = [
  '110',
  '119',
  '120',
  '122',
  '12345',
  'sensor',
  'CAP',
  'manual',
] as const
export type IncidentSource = (typeof INCIDENT_SOURCES)[number]

export const INCIDENT_CATEGORIES = [
  'fire',
  'trafficAccident',
  'medical',
  'publicSecurity',
  'flood',
  'gasLeak',
  'powerOutage',
  'hazardousChemicals',
  'environmentalPollution',
  'other',
] as const
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number]

export const INCIDENT_CATEGORY_LABELS = {
  fire: { zh: '火灾', en: 'Fire' },
  trafficAccident: { zh: '交通事故', en: 'Traffic accident' },
  medical: { zh: '医疗急救', en: 'Medical emergency' },
  publicSecurity: { zh: '治安事件', en: 'Public security' },
  flood: { zh: '内涝积水', en: 'Flooding / waterlogging' },
  gasLeak: { zh: '燃气泄漏', en: 'Gas leak' },
  powerOutage: { zh: '停电', en: 'Power outage' },
  hazardousChemicals: { zh: '危险化学品', en: 'Hazardous chemicals' },
  environmentalPollution: { zh: '环境污染', en: 'Environmental pollution' },
  other: { zh: '其他', en: 'Other' },
} as const satisfies Record<IncidentCategory, { zh: string; en: string }>
