import { z } from 'zod'
import { parseOrThrow } from '../errors'
import type { IncidentGrade } from '../incident'

// 《生产安全事故报告和调查处理条例》(国务院令第493号) Art. 3 [V: DOMAIN.md §2.5].
// Minimum values per grade: "以上" includes the number, "以下" excludes it; meeting any one
// criterion is enough, and the most severe grade met wins. Anything below Ⅲ is Ⅳ (一般).
export const PRODUCTION_ACCIDENT_THRESHOLDS = [
  { grade: 'I', deaths: 30, seriousInjuries: 100, directLossYuan: 100_000_000 },
  { grade: 'II', deaths: 10, seriousInjuries: 50, directLossYuan: 50_000_000 },
  { grade: 'III', deaths: 3, seriousInjuries: 10, directLossYuan: 10_000_000 },
] as const satisfies readonly {
  grade: IncidentGrade
  deaths: number
  seriousInjuries: number
  directLossYuan: number
}[]

const count = z.number().int().min(0)

export const ProductionAccidentFacts = z.strictObject({
  deaths: count,
  seriousInjuries: count, // 重伤, including acute industrial poisoning
  directLossYuan: count, // 直接经济损失 in whole yuan
})
export type ProductionAccidentFacts = z.infer<typeof ProductionAccidentFacts>

export function productionAccidentGrade(facts: ProductionAccidentFacts): IncidentGrade {
  const f = parseOrThrow(ProductionAccidentFacts, facts, 'accident facts')
  const met = PRODUCTION_ACCIDENT_THRESHOLDS.find(
    (t) =>
      f.deaths >= t.deaths ||
      f.seriousInjuries >= t.seriousInjuries ||
      f.directLossYuan >= t.directLossYuan,
  )
  return met?.grade ?? 'IV'
}
