import type { BriefingSnapshot } from './types'

export function renderBriefingPng(s: BriefingSnapshot): Promise<Blob> {
  return Promise.reject(new Error(`not built yet: ${s.title}`))
}
