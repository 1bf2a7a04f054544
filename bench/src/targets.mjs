// The targets of issue 6, as ratios measured in one run. A 5% tolerance absorbs noise.
export const TOLERANCE = 1.05

/**
 * @param {Record<string, Record<string, { usPerOp: number }>>} timings  shape id → contender id → result
 * @param {Record<string, { totalMs?: number }>} firstCall
 * @param {{ deltaMs: number, closedEarly: number, expectedClosed: number }} [streaming]
 * @param {{ id: string, label: string, value: number, limit: number, unit: string }[]} [coldStart]
 * @returns {{ id: string, label: string, value?: number, limit: number, unit: string, status: string, informational?: boolean }[]}
 */
export function evaluateTargets(timings, firstCall, streaming, coldStart = []) {
  const us = (shape, id) => timings[shape]?.[id]?.usPerOp
  const targets = []
  const ratio = (id, label, shape, a, b, limit, extra = {}) => {
    const x = us(shape, a)
    const y = us(shape, b)
    targets.push(
      judge({
        id,
        label,
        value: x !== undefined && y !== undefined ? x / y : undefined,
        limit,
        unit: '×',
        ...extra,
      }),
    )
  }
  ratio('get-vs-smithy', 'SigV4 GET: core sign ≤ 1.1× smithy-direct', 'get', 'core', 'smithy', 1.1)
  ratio(
    'post1k-vs-smithy',
    'SigV4 POST 1 KiB: core sign ≤ 1.1× smithy-direct',
    'post1k',
    'core',
    'smithy',
    1.1,
  )
  ratio('post1m-vs-floor', 'SigV4 POST 1 MiB: core sign ≤ 1.1× floor', 'post1m', 'core', 'floor', 1.1)
  ratio(
    'sigv4a-vs-smithy',
    'SigV4A GET: core sign ≤ 0.5× smithy-v4a (after first call)',
    'sigv4a',
    'core',
    'smithy-v4a',
    0.5,
  )
  targets.push(
    judge({
      id: 'sigv4a-first-call',
      label: 'SigV4A first signature in a fresh process, import included < 30 ms',
      value: firstCall.core?.totalMs,
      limit: 30,
      unit: 'ms',
    }),
  )
  targets.push(
    judge({
      id: 'sigv4a-first-call-fetch-loaded',
      label: '(info) the same, in a process that already loaded fetch (undici)',
      value: firstCall['core:fetch-loaded']?.totalMs,
      limit: 30,
      unit: 'ms',
      informational: true,
    }),
  )
  for (const shape of ['get', 'post1k', 'post1m', 'sigv4a']) {
    const sign = us(shape, 'core')
    const fetch = us(shape, 'core-fetch')
    const limit = sign === undefined ? undefined : Math.max(0.2 * sign, 5)
    targets.push(
      judge({
        id: `fetch-overhead-${shape}`,
        label: `createSignedFetch − sign on ${shape} ≤ max(20%, 5 µs)`,
        value: sign !== undefined && fetch !== undefined ? fetch - sign : undefined,
        limit,
        unit: 'µs',
      }),
    )
  }
  ratio('stretch-get-vs-aws4', '(info) stretch: SigV4 GET core sign ≤ aws4', 'get', 'core', 'aws4', 1, {
    informational: true,
  })
  ratio(
    'stretch-post1k-vs-aws4',
    '(info) stretch: SigV4 POST 1 KiB core sign ≤ aws4',
    'post1k',
    'core',
    'aws4',
    1,
    {
      informational: true,
    },
  )
  // The bench's prototypes of the proposed core designs, against the same limits.
  const info = { informational: true }
  ratio(
    'proto-get-vs-smithy',
    '(info) prototype SigV4 GET ≤ 1.1× smithy-direct',
    'get',
    'proto-v4',
    'smithy',
    1.1,
    info,
  )
  ratio('proto-get-vs-aws4', '(info) prototype SigV4 GET ≤ aws4', 'get', 'proto-v4', 'aws4', 1, info)
  ratio(
    'proto-v4a-vs-smithy',
    '(info) prototype SigV4A ≤ 0.5× smithy-v4a',
    'sigv4a',
    'proto-v4a',
    'smithy-v4a',
    0.5,
    info,
  )
  targets.push(
    judge({
      id: 'proto-v4a-first-call',
      label: '(info) prototype SigV4A first signature, import included < 30 ms',
      value: firstCall.proto?.totalMs,
      limit: 30,
      unit: 'ms',
      ...info,
    }),
  )
  targets.push(
    judge({
      id: 'proto-v4a-direct-first-call',
      label: '(info) direct prototype SigV4A first signature, import included < 30 ms',
      value: firstCall['proto-direct']?.totalMs,
      limit: 30,
      unit: 'ms',
      ...info,
    }),
  )
  if (streaming) {
    targets.push(
      judge({
        id: 'sse-first-event',
        label:
          'time to first SSE event: signing fetch − unsigned fetch ≤ 5 ms (loopback, server verification included)',
        value: streaming.deltaMs,
        limit: 5,
        unit: 'ms',
      }),
      judge({
        id: 'sse-abort-closes',
        label: 'an abort after the first event closes the stream (streams left open)',
        value: streaming.expectedClosed - streaming.closedEarly,
        limit: 0,
        unit: '',
      }),
    )
  }
  // Issue 17: whole fresh processes (cold-start.mjs), judged with the same tolerance.
  for (const target of coldStart) targets.push(judge(target))
  return targets
}

function judge(target) {
  if (target.value === undefined || target.limit === undefined) return { ...target, status: 'SKIP' }
  return { ...target, status: target.value <= target.limit * TOLERANCE ? 'PASS' : 'FAIL' }
}
