/** A start-up failure whose message is one sentence telling the operator what to fix. */
export class StartupError extends Error {
  override name = 'StartupError'
}
