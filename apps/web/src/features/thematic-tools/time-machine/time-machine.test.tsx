import type { ReplayItem } from '@cityops/domain'
import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { json, stubApi } from '../../../test/api-stub'
import { TestQuery } from '../test-client'
import { caseReported, decision, incident, paginate } from './replay-fixtures'
import { TimeMachine } from './time-machine'
import type { TimeMachineFrame } from './types'
import { STEP_INTERVAL_MS } from './use-player'

// A busy machine (two cores, several runners) can take seconds to settle.
const WAIT = { timeout: 5000 }

const FROM = '2026-11-20T00:00:00+08:00'
const TO = '2026-11-21T00:00:00+08:00'

const ITEMS: ReplayItem[] = [
  incident('2026-11-20T00:10:00+08:00', 'i1'),
  decision('2026-11-20T00:20:00+08:00', 'd1', '派遣城管局处置', 'Dispatched to urban management'),
  caseReported('2026-11-20T01:05:00+08:00', 'c1'),
  decision('2026-11-20T01:40:00+08:00', 'd2', '延长处置时限', 'Extended the deadline'),
  incident('2026-11-20T23:30:00+08:00', 'i2'),
  decision('2026-11-20T23:50:00+08:00', 'd3', '结案', 'Closed the case'),
]

function setup(pageSize = 2) {
  const pages = paginate(FROM, TO, ITEMS, pageSize)
  const api = stubApi({
    'GET /api/analytics/replay': ({ search }) => json(200, pages[search.get('cursor') ?? '']),
  })
  const frames: (TimeMachineFrame | null)[] = []
  const onFrame = vi.fn((f: TimeMachineFrame | null) => void frames.push(f))
  render(
    <TestQuery>
      <TimeMachine from={FROM} to={TO} onFrame={onFrame} />
    </TestQuery>,
  )
  return { api, frames }
}

const lastFrame = (frames: (TimeMachineFrame | null)[]) => frames.at(-1)
const ids = (frame: TimeMachineFrame | null | undefined) => frame?.items.map((i) => i.subjectId)
const currentTime = () => screen.getByTestId('tm-current-time').textContent

// The replay's day is in the past unless a test says otherwise.
const NOW = new Date('2026-11-23T09:00:00+08:00')
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: NOW })
})
afterEach(() => {
  vi.useRealTimers()
})

describe('TimeMachine', () => {
  it('loads every replay page by following nextCursor, then starts live', async () => {
    const { api, frames } = setup(2)
    expect(screen.getByRole('status').textContent).toContain('正在加载回放数据')
    await screen.findByTestId('tm-scrubber', {}, WAIT)
    const replayCalls = api.calls.filter((c) => c.path === '/api/analytics/replay')
    expect(replayCalls.map((c) => c.search.get('cursor'))).toEqual([null, 'p1', 'p2'])
    expect(replayCalls.every((c) => c.search.get('from') === FROM)).toBe(true)
    expect(currentTime()).toBe('实时')
    expect(lastFrame(frames)).toBeNull()
  })

  it('steps back from live to the last hour and forward again, with that step’s items', async () => {
    const { frames } = setup()
    await screen.findByTestId('tm-scrubber', {}, WAIT)
    fireEvent.click(screen.getByTestId('tm-step-back'))
    const last = lastFrame(frames)
    expect(last?.windowFrom).toBe('2026-11-20T15:00:00.000Z')
    expect(last?.at).toBe('2026-11-20T16:00:00.000Z')
    expect(ids(last)).toEqual(['i2', 'd3'])
    expect(currentTime()).toBe('2026-11-21 00:00')

    fireEvent.click(screen.getByTestId('tm-step-back'))
    expect(lastFrame(frames)?.windowTo).toBe('2026-11-20T15:00:00.000Z')
    expect(ids(lastFrame(frames))).toEqual([])
    fireEvent.click(screen.getByTestId('tm-step-forward'))
    expect(ids(lastFrame(frames))).toEqual(['i2', 'd3'])
    expect(screen.getByTestId('tm-step-forward')).toHaveProperty('disabled', true)
  })

  it('answers the keyboard on the scrubber: Home, →, ←, End, Space', async () => {
    const { frames } = setup()
    const scrubber = await screen.findByTestId('tm-scrubber', {}, WAIT)
    fireEvent.keyDown(scrubber, { key: 'Home' })
    expect(ids(lastFrame(frames))).toEqual(['i1', 'd1'])
    expect(currentTime()).toBe('2026-11-20 01:00')
    fireEvent.keyDown(scrubber, { key: 'ArrowRight' })
    expect(ids(lastFrame(frames))).toEqual(['c1', 'd2'])
    expect((scrubber as HTMLInputElement).value).toBe('1')
    fireEvent.keyDown(scrubber, { key: 'ArrowLeft' })
    expect(lastFrame(frames)?.windowFrom).toBe('2026-11-19T16:00:00.000Z')
    fireEvent.keyDown(scrubber, { key: 'End' })
    expect(lastFrame(frames)?.at).toBe('2026-11-20T16:00:00.000Z')
    fireEvent.keyDown(scrubber, { key: ' ' })
    expect(screen.getByTestId('tm-play').getAttribute('aria-pressed')).toBe('true')
    fireEvent.keyDown(scrubber, { key: ' ' })
    expect(screen.getByTestId('tm-play').getAttribute('aria-pressed')).toBe('false')
  })

  it('plays one step per interval from the start, faster at 4×, and stops at the end', async () => {
    const { frames } = setup()
    await screen.findByTestId('tm-scrubber', {}, WAIT)
    vi.useFakeTimers({ now: NOW })
    fireEvent.click(screen.getByTestId('tm-play'))
    expect(lastFrame(frames)?.windowFrom).toBe('2026-11-19T16:00:00.000Z')
    act(() => void vi.advanceTimersByTime(STEP_INTERVAL_MS))
    expect(lastFrame(frames)?.windowFrom).toBe('2026-11-19T17:00:00.000Z')
    fireEvent.click(screen.getByRole('button', { name: '4×' }))
    act(() => void vi.advanceTimersByTime(STEP_INTERVAL_MS / 4))
    act(() => void vi.advanceTimersByTime(STEP_INTERVAL_MS / 4))
    expect(lastFrame(frames)?.windowFrom).toBe('2026-11-19T19:00:00.000Z')
    // One act per tick: the browser renders between ticks too.
    for (let tick = 0; tick < 24; tick += 1) {
      act(() => void vi.advanceTimersByTime(STEP_INTERVAL_MS / 4))
    }
    expect(lastFrame(frames)?.at).toBe('2026-11-20T16:00:00.000Z')
    expect(screen.getByTestId('tm-play').getAttribute('aria-pressed')).toBe('false')
  })

  it('replays a day still running only up to the hour that holds now', async () => {
    vi.setSystemTime(new Date('2026-11-20T01:30:00+08:00'))
    const { frames } = setup()
    const scrubber = await screen.findByTestId('tm-scrubber', {}, WAIT)
    expect(scrubber.getAttribute('max')).toBe('1')
    fireEvent.keyDown(scrubber, { key: 'End' })
    expect(lastFrame(frames)?.at).toBe('2026-11-19T18:00:00.000Z')
    expect(ids(lastFrame(frames))).toEqual(['c1', 'd2'])
  })

  it('goes back to live with a null frame', async () => {
    const { frames } = setup()
    await screen.findByTestId('tm-scrubber', {}, WAIT)
    fireEvent.click(screen.getByTestId('tm-step-back'))
    expect(lastFrame(frames)).not.toBeNull()
    fireEvent.click(screen.getByRole('button', { name: '回到实时' }))
    expect(lastFrame(frames)).toBeNull()
    expect(currentTime()).toBe('实时')
  })

  it('steps by the day when asked, keeping the time it shows', async () => {
    const { frames } = setup()
    await screen.findByTestId('tm-scrubber', {}, WAIT)
    fireEvent.keyDown(screen.getByTestId('tm-scrubber'), { key: 'Home' })
    fireEvent.click(screen.getByRole('button', { name: '天' }))
    expect(screen.getByTestId('tm-scrubber').getAttribute('max')).toBe('0')
    expect(ids(lastFrame(frames))).toEqual(ITEMS.map((i) => i.subjectId))
  })

  it('says why when the replay fails, and retries', async () => {
    let fail = true
    const pages = paginate(FROM, TO, ITEMS, 10)
    stubApi({
      'GET /api/analytics/replay': () =>
        fail ? json(400, { error: '时间范围至多 367 天 / too long' }) : json(200, pages['']),
    })
    render(
      <TestQuery>
        <TimeMachine from={FROM} to={TO} onFrame={() => undefined} />
      </TestQuery>,
    )
    expect((await screen.findByRole('alert', {}, WAIT)).textContent).toContain(
      '时间范围至多 367 天',
    )
    fail = false
    fireEvent.click(screen.getByRole('button', { name: '重试' }))
    expect(await screen.findByTestId('tm-scrubber', {}, WAIT)).toBeTruthy()
  })
})

describe('decision log', () => {
  it('lists the decisions up to the frame, newest first, and marks the step’s own', async () => {
    setup()
    await screen.findByTestId('tm-scrubber', {}, WAIT)
    const log = screen.getByTestId('decision-log')
    const summaries = () =>
      within(log)
        .queryAllByTestId('decision-entry')
        .map((e) => e.querySelector('.tt-log__summary')?.textContent)
    expect(summaries()).toEqual(['结案', '延长处置时限', '派遣城管局处置'])

    fireEvent.keyDown(screen.getByTestId('tm-scrubber'), { key: 'Home' })
    fireEvent.keyDown(screen.getByTestId('tm-scrubber'), { key: 'ArrowRight' })
    expect(summaries()).toEqual(['延长处置时限', '派遣城管局处置'])
    const [current, earlier] = within(log).getAllByTestId('decision-entry')
    expect(current?.getAttribute('aria-current')).toBe('step')
    expect(earlier?.getAttribute('aria-current')).toBeNull()
    expect(current?.textContent).toContain('2026-11-20 01:40')
    expect(current?.textContent).toContain('李派遣（派遣员）')
  })

  it('moves the time machine to an entry when it is clicked', async () => {
    const { frames } = setup()
    await screen.findByTestId('tm-scrubber', {}, WAIT)
    const entry = screen.getAllByTestId('decision-entry')[2]
    fireEvent.click(within(entry as HTMLElement).getByRole('button'))
    expect(lastFrame(frames)?.windowFrom).toBe('2026-11-19T16:00:00.000Z')
    expect(currentTime()).toBe('2026-11-20 01:00')
    expect(screen.getAllByTestId('decision-entry')).toHaveLength(1)
  })
})
