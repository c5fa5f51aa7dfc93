import { z } from 'zod'
import { DEMO_API_KEY } from '../../src/services/users/seed-demo-accounts'
import { nowMs } from '../fanout/payloads'
import { sleep } from '../support/pace'

const IngestSummary = z.object({
  stored: z.number().int(),
  duplicate: z.number().int(),
  invalid: z.number().int(),
})
export type IngestSummary = z.infer<typeof IngestSummary>

/**
 * One `POST /api/ingest/environment` with the demo API key. A 429 from the write limiter is
 * waited out and retried; `ms` is the round trip of the request that was answered.
 */
export async function postEnvironment(
  url: string,
  source: string,
  readings: unknown[],
): Promise<IngestSummary & { ms: number }> {
  const body = JSON.stringify({ source, readings })
  for (let attempt = 0; attempt < 10; attempt++) {
    const started = nowMs()
    const res = await fetch(`${url}/api/ingest/environment`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_API_KEY}` },
      body,
    })
    const json: unknown = await res.json()
    const ms = nowMs() - started
    if (res.status === 429) {
      await sleep(1000 * Number(res.headers.get('retry-after') ?? 1))
      continue
    }
    if (res.status !== 200) throw new Error(`ingest: ${res.status} ${JSON.stringify(json)}`)
    return { ...IngestSummary.parse(json), ms }
  }
  throw new Error('ingest: still rate-limited after 10 attempts')
}
