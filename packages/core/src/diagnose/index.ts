export { diagnose } from './diagnose'
export {
  createRegionCache,
  type RegionCache,
  type RegionCacheOptions,
  s3RegionFromResponse,
} from './region-cache'
export type { DiagnoseContext, ScopeDiagnosis, ScopeDiagnosisKind } from './types'
