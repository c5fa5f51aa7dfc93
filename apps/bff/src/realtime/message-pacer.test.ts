import { describe, expect, it } from 'vitest'
import { MessagePacer } from './message-pacer'

describe('MessagePacer', () => {
  it('lets a burst go at once, then one message per refill', () => {
    const pacer = new MessagePacer(10, 2, 0)
    expect(pacer.waitMs(0)).toBe(0)
    pacer.spend(0)
    expect(pacer.waitMs(0)).toBe(0)
    pacer.spend(0)
    expect(pacer.waitMs(0)).toBe(100)
    expect(pacer.waitMs(60)).toBe(40)
    expect(pacer.waitMs(100)).toBe(0)
  })

  it('never saves up more than the burst during a quiet spell', () => {
    const pacer = new MessagePacer(15, 2, 0)
    pacer.spend(0)
    pacer.spend(0)
    expect(pacer.waitMs(60_000)).toBe(0)
    pacer.spend(60_000)
    pacer.spend(60_000)
    expect(pacer.waitMs(60_000)).toBe(67)
  })
})
