export { diagnose, s3RegionFromResponse } from './load-on-demand'
export { createRegionCache, type RegionCache, type RegionCacheOptions } from './region-cache'
export type { DiagnoseContext, ScopeDiagnosis, ScopeDiagnosisKind } from './types'
