// Time to the first server-sent event through @awssig/fetch's signing fetch vs the plain fetch, against the
// same loopback server (issue 16). The server checks every signed request with @awssig/testing's verifier,
// sends the first event at once and then one every 50 ms for 10 s: a fetch that buffered the answer would
// wait the whole 10 s. Each request is aborted after its first event; the server counts the streams whose
// connection closed early, so an abort that did not reach the socket shows.
import { createServer } from 'node:http'
import { createSignedFetch, createSigner } from '@awssig/fetch'
import { verifyRequest } from '@awssig/testing'

const CREDENTIALS = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
}
const BODY = JSON.stringify({
  model: 'openai.gpt-oss-120b',
  stream: true,
  messages: [{ role: 'user', content: 'Hi' }],
})

function startEventServer() {
  const state = { closedEarly: 0, refused: 0, endpoints: {}, verifyMs: [] }
  const server = createServer(async (req, res) => {
    const chunks = []
    for await (const chunk of req) chunks.push(chunk)
    if (req.headers.authorization) {
      const headers = new Headers()
      for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
        if (!/^(host|connection|transfer-encoding|keep-alive)$/i.test(req.rawHeaders[i])) {
          headers.append(req.rawHeaders[i], req.rawHeaders[i + 1])
        }
      }
      const request = new Request(`http://${req.headers.host}${req.url}`, {
        method: req.method,
        headers,
        body: Buffer.concat(chunks),
      })
      const started = performance.now()
      const result = await verifyRequest(request, { credentials: [CREDENTIALS], endpoints: state.endpoints })
      state.verifyMs.push(performance.now() - started)
      if (!result.ok) {
        state.refused += 1
        res.writeHead(result.status).end(result.message)
        return
      }
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
    let n = 0
    const send = () => res.write(`data: {"choices":[{"delta":{"content":"token ${n++}"}}]}\n\n`)
    send()
    const timer = setInterval(send, 50)
    const stop = setTimeout(() => {
      clearInterval(timer)
      res.end('data: [DONE]\n\n')
    }, 10_000)
    res.on('close', () => {
      clearInterval(timer)
      clearTimeout(stop)
      if (!res.writableEnded) state.closedEarly += 1
    })
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, state })))
}

/** Milliseconds from calling fetch to the first complete event, then aborts the stream. */
async function timeToFirstEvent(fetchImpl, url) {
  const controller = new AbortController()
  const start = performance.now()
  const response = await fetchImpl(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: BODY,
    signal: controller.signal,
  })
  if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${await response.text()}`)
  const reader = response.body.getReader()
  const decoder = new TextDecoder()
  let text = ''
  while (!text.includes('\n\n')) {
    const { value, done } = await reader.read()
    if (done) throw new Error('stream ended before the first event')
    text += decoder.decode(value, { stream: true })
  }
  const ms = performance.now() - start
  controller.abort()
  await reader.cancel().catch(() => undefined)
  return ms
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

/**
 * @param {{ runs: number }} options  requests per variant, alternating signed and unsigned
 * @returns {Promise<{ runs: number, unsignedMs: number, signedMs: number, deltaMs: number, closedEarly: number, expectedClosed: number, refused: number, serverVerifyMs: number }>}
 */
export async function measureStreaming({ runs }) {
  const { server, state } = await startEventServer()
  const host = `127.0.0.1:${server.address().port}`
  state.endpoints[host] = { service: 'execute-api', region: 'us-east-1' }
  const signer = createSigner({
    credentials: CREDENTIALS,
    rules: [{ host, service: 'execute-api', region: 'us-east-1' }],
  })
  const signedFetch = createSignedFetch(signer)
  const url = `http://${host}/v1/chat/completions`
  const plain = (input, init) => fetch(input, init)
  // Warm both paths (undici connections, the signer's first key derivation).
  for (let i = 0; i < 5; i++) {
    await timeToFirstEvent(plain, url)
    await timeToFirstEvent(signedFetch, url)
  }
  const signed = []
  const unsigned = []
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      unsigned.push(await timeToFirstEvent(plain, url))
      signed.push(await timeToFirstEvent(signedFetch, url))
    } else {
      signed.push(await timeToFirstEvent(signedFetch, url))
      unsigned.push(await timeToFirstEvent(plain, url))
    }
  }
  // Let the server see the last aborts before counting.
  await new Promise((resolve) => setTimeout(resolve, 100))
  const result = {
    runs,
    unsignedMs: median(unsigned),
    signedMs: median(signed),
    deltaMs: median(signed) - median(unsigned),
    closedEarly: state.closedEarly,
    expectedClosed: 2 * (runs + 5),
    refused: state.refused,
    // The server's own check of each signature (the test verifier, pure JS) is inside signedMs.
    serverVerifyMs: median(state.verifyMs),
  }
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
  return result
}

/** Prints the streaming figure. */
export function printStreaming(s) {
  console.log('\n== time to first server-sent event (loopback server, median of', s.runs, 'each)\n')
  console.log(`unsigned fetch                 ${s.unsignedMs.toFixed(2)} ms`)
  console.log(`@awssig/fetch createSignedFetch ${s.signedMs.toFixed(2)} ms  (+${s.deltaMs.toFixed(2)} ms)`)
  console.log(`  of which the loopback server verifying the signature: ${s.serverVerifyMs.toFixed(2)} ms`)
  console.log(
    `streams closed by abort        ${s.closedEarly} of ${s.expectedClosed}; refused signatures: ${s.refused}`,
  )
}

// `node src/streaming.mjs [runs]` runs this figure alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  printStreaming(await measureStreaming({ runs: Number(process.argv[2] ?? 40) }))
}
