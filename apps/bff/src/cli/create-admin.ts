import { parseArgs } from 'node:util'
import { createInterface } from 'node:readline/promises'
import { prepareDatabase } from '../db/prepare-database'
import { createUser } from '../services/users/users'
import { runWithConfiguredDatabase } from './open-configured-database'

// `npm run create-admin -- --username NAME [--display-name NAME]`: the first administrator of a
// server database. The password comes from CITYOPS_ADMIN_PASSWORD or the first line of stdin,
// never from the command line (it would land in shell history and `ps`).
const { values } = parseArgs({
  options: { username: { type: 'string' }, 'display-name': { type: 'string' } },
})
const username = values.username
if (!username) {
  console.error('cityops: give the administrator a name: npm run create-admin -- --username NAME')
  process.exit(1)
}
const password =
  process.env.CITYOPS_ADMIN_PASSWORD ?? (await readLine('Password for the new administrator: '))

await runWithConfiguredDatabase(async (handle, publicDir) => {
  await prepareDatabase(handle, publicDir) // a fresh server database gets its schema first
  const user = await createUser(
    handle.db,
    null,
    null,
    { username, displayName: values['display-name'] ?? username, role: 'admin', password },
    new Date(),
  )
  return `administrator ${user.username} created`
})

async function readLine(prompt: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: false })
  if (process.stdin.isTTY) process.stderr.write(prompt)
  for await (const line of rl) {
    rl.close()
    return line
  }
  return ''
}
