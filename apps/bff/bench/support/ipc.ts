import { fork, type ChildProcess } from 'node:child_process'
import type { z } from 'zod'

const live = new Set<ChildProcess>()

/** Forks a TypeScript module (through tsx) with an IPC channel; it is killed if we exit first. */
export function forkTs(file: string, env: Record<string, string> = {}): ChildProcess {
  const child = fork(file, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  track(child)
  return child
}

/** Registers a child so that `killTracked` can end it. */
export function track(child: ChildProcess) {
  live.add(child)
  child.once('exit', () => live.delete(child))
}

/** Ends every child this process started and that is still running (by pid, SIGKILL). */
export function killTracked() {
  for (const child of live) if (child.exitCode === null) child.kill('SIGKILL')
}

/** The next message from `child`, checked against `schema`. */
export function nextMessage<S extends z.ZodType>(
  child: ChildProcess,
  schema: S,
  timeoutMs: number,
  what: string,
): Promise<z.infer<S>> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      clearTimeout(timer)
      child.off('message', onMessage)
      child.off('exit', onExit)
    }
    const onMessage = (message: unknown) => {
      cleanup()
      const parsed = schema.safeParse(message)
      if (parsed.success) resolve(parsed.data)
      else reject(new Error(`${what}: unexpected reply ${JSON.stringify(message).slice(0, 300)}`))
    }
    const onExit = (code: number | null) => {
      cleanup()
      reject(new Error(`${what}: the child exited (${code})`))
    }
    const timer = setTimeout(() => {
      cleanup()
      reject(new Error(`${what}: no reply within ${timeoutMs} ms`))
    }, timeoutMs)
    child.on('message', onMessage)
    child.on('exit', onExit)
  })
}

export function request<S extends z.ZodType>(
  child: ChildProcess,
  message: unknown,
  schema: S,
  timeoutMs: number,
  what: string,
): Promise<z.infer<S>> {
  const reply = nextMessage(child, schema, timeoutMs, what)
  child.send(message as object)
  return reply
}

/** In a child: answer each request from the parent with the handler's reply. */
export function serveRequests<S extends z.ZodType>(
  schema: S,
  handler: (message: z.infer<S>) => Promise<unknown>,
) {
  process.on('message', (raw: unknown) => {
    const parsed = schema.safeParse(raw)
    if (!parsed.success) {
      console.error(`bench child: bad request ${JSON.stringify(raw).slice(0, 300)}`)
      process.exit(2)
    }
    handler(parsed.data).then(
      (reply) => process.send?.(reply as object),
      (error: unknown) => {
        console.error('bench child:', error)
        process.exit(1)
      },
    )
  })
  // An orphaned child (the runner died) stops by itself.
  process.on('disconnect', () => process.exit(0))
}

/** Asks a child to close, then kills it if it has not exited after `ms`. */
export async function stopChild(child: ChildProcess, ms = 5000) {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  if (child.connected) child.send({ kind: 'close' })
  else child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), ms)
  await exited
  clearTimeout(timer)
}
