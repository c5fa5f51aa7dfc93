import { spawn, type ChildProcess } from 'node:child_process'
import { BFF_DIR } from './paths'

export interface BffRun {
  /** Resolves with the port once the BFF says it is serving, or rejects with its stderr. */
  ready: Promise<number>
  /** Resolves when the process exits, with its code and everything it printed. */
  exited: Promise<{ code: number | null; stdout: string; stderr: string }>
  child: ChildProcess
}

/** Starts the real BFF entry point (`src/main.ts`) as a separate process. */
export function runBff(
  env: Record<string, string>,
  entry = 'src/main.ts',
  args: string[] = [],
): BffRun {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: BFF_DIR,
    // The demo feed is off unless a test asks for it: these tests are about start-up itself.
    env: {
      PATH: process.env.PATH ?? '',
      HOST: '127.0.0.1',
      PORT: '0',
      INIT_CWD: BFF_DIR,
      SIMULATOR: 'off',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, stdout, stderr })),
  )
  const ready = new Promise<number>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      const match = /serving http:\/\/[^:]+:(\d+)/.exec(stdout)
      if (match?.[1]) resolve(Number(match[1]))
    })
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
    })
    void exited.then(({ code }) =>
      reject(new Error(`BFF exited (${code}) before serving: ${stderr}`)),
    )
  })
  ready.catch(() => undefined)
  return { ready, exited, child }
}

export async function stopBff(run: BffRun) {
  run.child.kill('SIGTERM')
  return run.exited
}
