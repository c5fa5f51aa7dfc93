import { readFileSync } from 'node:fs'
import os from 'node:os'

export interface Machine {
  cores: number
  memoryGiB: number
  cpuModel: string
  node: string
  kernel: string
}

export function describeMachine(): Machine {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8')
  return {
    cores: os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    cpuModel: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? '?',
    node: process.version,
    kernel: `${os.type()} ${os.release()}`,
  }
}
