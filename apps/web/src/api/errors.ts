/** The request never got an HTTP answer from the BFF (network down, server or proxy unreachable). */
export class NetworkError extends Error {
  override readonly name = 'NetworkError'
}

/** An HTTP answer the caller did not expect. */
export class HttpError extends Error {
  override readonly name = 'HttpError'
  constructor(
    readonly status: number,
    message = `HTTP ${status}`,
  ) {
    super(message)
  }
}
