import { describe, expect, it } from 'vitest'
import { startVerifyingServer } from '../src/server'
import { CREDENTIALS, signForTest } from './support/sign-for-test'

// Issue 16: a resolver's streamed answer (server-sent events) reaches the client through server.fetch as it
// is produced, not when it ends, and a client that cancels the body closes the stream.
const API = 'abc123.execute-api.eu-west-1.amazonaws.com'

describe('streamed answers', () => {
  it('the first event arrives while the stream is still open; cancelling closes it', async () => {
    let closed!: () => void
    const streamClosed = new Promise<void>((resolve) => {
      closed = resolve
    })
    let timer: ReturnType<typeof setInterval> | undefined
    const server = await startVerifyingServer({
      credentials: [CREDENTIALS],
      endpoints: { [API]: { service: 'execute-api', region: 'eu-west-1' } },
      resolver: () =>
        new Response(
          new ReadableStream<Uint8Array>({
            start(controller) {
              const encoder = new TextEncoder()
              controller.enqueue(encoder.encode('data: first\n\n'))
              // Then one event every 50 ms, for as long as nobody cancels.
              timer = setInterval(() => controller.enqueue(encoder.encode('data: more\n\n')), 50)
            },
            cancel() {
              clearInterval(timer)
              closed()
            },
          }),
          { headers: { 'content-type': 'text/event-stream' } },
        ),
    })
    try {
      const signed = await signForTest({
        url: `https://${API}/prod/stream`,
        service: 'execute-api',
        region: 'eu-west-1',
        date: new Date(),
      })
      const response = await server.fetch(signed)
      expect(response.status).toBe(200)
      const reader = (response.body as ReadableStream<Uint8Array>).getReader()
      const { value } = await reader.read()
      expect(new TextDecoder().decode(value)).toBe('data: first\n\n')
      await reader.cancel()
      await streamClosed
    } finally {
      clearInterval(timer)
      await server.close()
    }
  })
})
