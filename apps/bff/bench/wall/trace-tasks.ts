import { z } from 'zod'

// Main-thread tasks from a Chrome trace (category `toplevel`). Each task has a wall duration
// (`dur`) and the thread's CPU time inside it (`tdur`): on a shared 2-core machine a task can
// take 100 ms of wall time for 10 ms of work, so the CPU figure is the one load does not skew.

const TraceEvent = z.object({
  name: z.string(),
  ph: z.string(),
  pid: z.number(),
  tid: z.number(),
  ts: z.number().optional(),
  dur: z.number().optional(),
  tdur: z.number().optional(),
  args: z.object({ name: z.string().optional() }).optional(),
})
type TraceEvent = z.infer<typeof TraceEvent>
const Trace = z.object({ traceEvents: z.array(z.unknown()) })

const TASK = 'ThreadControllerImpl::RunTask'

export interface PageTasks {
  tasks: number
  busyMs: number
  cpuMs: number
  longestMs: number
  longestCpuMs: number
  /** Tasks over `limitMs` of wall time and of CPU time. */
  overLimit: number
  overLimitCpu: number
  /** The page's web workers (MapLibre's tiling): wall time inside tasks and CPU time. */
  workerBusyMs: number
  workerCpuMs: number
}

function parse(trace: Buffer): TraceEvent[] {
  return Trace.parse(JSON.parse(trace.toString('utf8'))).traceEvents.flatMap((e) => {
    const parsed = TraceEvent.safeParse(e)
    return parsed.success ? [parsed.data] : []
  })
}

/** Top-level tasks of the busiest renderer main thread (the bench's page) and its workers. */
export function pageTasks(trace: Buffer, limitMs: number): PageTasks {
  const events = parse(trace)
  const threadNames = new Map(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name')
      .map((e) => [`${e.pid}:${e.tid}`, e.args?.name ?? '']),
  )
  const byThread = new Map<string, TraceEvent[]>()
  for (const e of events) {
    if (e.ph !== 'X' || e.name !== TASK) continue
    const key = `${e.pid}:${e.tid}`
    const list = byThread.get(key)
    if (list) list.push(e)
    else byThread.set(key, [e])
  }
  const threadsNamed = (name: string) =>
    [...byThread].filter(([key]) => threadNames.get(key) === name)
  const busiest = threadsNamed('CrRendererMain').sort(([, a], [, b]) => total(b) - total(a))[0]
  const tasks = outermost(busiest?.[1] ?? [])
  const pid = busiest?.[0].split(':')[0]
  const workers = threadsNamed('DedicatedWorker thread')
    .filter(([key]) => key.split(':')[0] === pid)
    .flatMap(([, ts]) => outermost(ts))
  return {
    tasks: tasks.length,
    busyMs: ms(total(tasks)),
    cpuMs: ms(tasks.reduce((a, e) => a + (e.tdur ?? 0), 0)),
    longestMs: Math.max(0, ...tasks.map((e) => ms(e.dur))),
    longestCpuMs: Math.max(0, ...tasks.map((e) => ms(e.tdur))),
    overLimit: tasks.filter((e) => ms(e.dur) > limitMs).length,
    overLimitCpu: tasks.filter((e) => ms(e.tdur) > limitMs).length,
    workerBusyMs: ms(total(workers)),
    workerCpuMs: ms(workers.reduce((a, e) => a + (e.tdur ?? 0), 0)),
  }
}

const total = (tasks: TraceEvent[]) => tasks.reduce((a, e) => a + (e.dur ?? 0), 0)
const ms = (us: number | undefined) => (us ?? 0) / 1000

/** Drops tasks run inside another task (nested run loops), which would count twice. */
function outermost(tasks: TraceEvent[]): TraceEvent[] {
  const sorted = [...tasks].sort((a, b) => (a.ts ?? 0) - (b.ts ?? 0))
  let end = Number.NEGATIVE_INFINITY
  return sorted.filter((e) => {
    const start = e.ts ?? 0
    if (start < end) return false
    end = start + (e.dur ?? 0)
    return true
  })
}
