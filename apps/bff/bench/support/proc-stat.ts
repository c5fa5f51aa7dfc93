import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

// CPU time of another process and of the whole machine, from Linux /proc (clock ticks).
const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim())

/** utime + stime of `pid` in milliseconds (10 ms resolution with the usual 100 Hz ticks). */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // the command name (field 2) may contain spaces: count fields after its closing parenthesis
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS
}

export interface MachineCpu {
  busy: number
  total: number
}

export function machineCpu(): MachineCpu {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? ''
  const ticks = line.trim().split(/\s+/).slice(1).map(Number)
  const total = ticks.reduce((a, b) => a + b, 0)
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0) // idle + iowait
  return { busy: total - idle, total }
}

/** Share of all cores busy between two samples, in percent. */
export const busyPercent = (a: MachineCpu, b: MachineCpu) =>
  b.total > a.total ? (100 * (b.busy - a.busy)) / (b.total - a.total) : 0

/** How busy the machine is before we start (other people's work skews every number). */
export async function sampleBusyPercent(ms: number): Promise<number> {
  const a = machineCpu()
  await new Promise((resolve) => setTimeout(resolve, ms))
  return busyPercent(a, machineCpu())
}
