import type { AwsHostPlanning } from '../aws-host-planning'
import { importHostInference, inlineHostInference } from './import-host-inference'

/** AWS host inference, loaded on first need by one signer. */
export interface HostInferenceLoader {
  /** Inference and the planning that needs it, once loaded; else undefined. */
  readonly loaded: AwsHostPlanning | undefined
  /** Loads them (once; later calls share the first load, and a failed load is tried again). */
  load(): Promise<AwsHostPlanning>
}

/**
 * AWS host inference is the largest part of the signer, and an app that signs only for hosts its rules name
 * outside AWS's domains never needs it, so browser builds load it on demand (import-host-inference.ts).
 * Per signer, not per module: no module-level state.
 */
export function createHostInferenceLoader(): HostInferenceLoader {
  let loaded = inlineHostInference
  let loading: Promise<AwsHostPlanning> | undefined
  return {
    get loaded() {
      return loaded
    },
    load() {
      if (loaded) return Promise.resolve(loaded)
      loading ??= importHostInference().then(
        (module) => {
          loaded = module
          return module
        },
        (error: unknown) => {
          // A chunk that failed to download (offline, a deploy that replaced it) may load on the next try.
          loading = undefined
          throw error
        },
      )
      return loading
    },
  }
}
