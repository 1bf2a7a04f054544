/**
 * `work`, or a rejection with the signal's reason as soon as `signal` aborts (at once when it already has):
 * what plain fetch does at every step, so a provider that never settles or a body that never ends cannot hang
 * a signed call whose caller gave up. `work` itself is not stopped (a provider call cannot be); its outcome is
 * then ignored.
 */
export function abortable<T>(work: Promise<T>, signal: AbortSignal | null | undefined): Promise<T> {
  if (!signal) return work
  if (signal.aborted) {
    work.catch(() => undefined)
    return Promise.reject(signal.reason)
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}

/** Throws the signal's reason when it has aborted. */
export function throwIfAborted(signal: AbortSignal | null | undefined): void {
  if (signal?.aborted) throw signal.reason
}
