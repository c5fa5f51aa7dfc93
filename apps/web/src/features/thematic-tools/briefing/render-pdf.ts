import type { BriefingSnapshot } from './types'

export function renderBriefingPdf(s: BriefingSnapshot): Promise<Blob> {
  return Promise.reject(new Error(`not built yet: ${s.title}`))
}
