import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process'

// `npm start` is npm → sh → node (tsx): killing npm's pid alone would orphan the BFF. The
// child leads its own process group, and we signal that group by its id.
const groups = new Set<number>()

export function spawnGroup(command: string, args: string[], options: SpawnOptions): ChildProcess {
  const child = spawn(command, args, { ...options, detached: true })
  const pid = child.pid
  if (pid !== undefined) {
    groups.add(pid)
    child.once('exit', () => groups.delete(pid))
  }
  return child
}

function signalGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal)
  } catch {
    // the group is already gone
  }
}

/** SIGTERM to the child's group, SIGKILL after `ms` if the leader is still there. */
export async function stopGroup(child: ChildProcess, ms = 10_000) {
  const pid = child.pid
  if (pid === undefined) return
  const exited =
    child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve()
      : new Promise<void>((resolve) => child.once('exit', () => resolve()))
  signalGroup(pid, 'SIGTERM')
  const timer = setTimeout(() => signalGroup(pid, 'SIGKILL'), ms)
  await exited
  clearTimeout(timer)
  // the leader may exit before its children: make sure nothing of the group is left
  signalGroup(pid, 'SIGKILL')
  groups.delete(pid)
}

/** On a failed or interrupted run: SIGKILL every group we started. */
export function killGroups() {
  for (const pid of groups) signalGroup(pid, 'SIGKILL')
  groups.clear()
}
