import type { SigV4aModule } from './import-sigv4a'
import { sigV4aAlgorithm } from './sigv4a'

/**
 * The `node` build's import-sigv4a.ts: SigV4A inline. In Node one more module to resolve and load at the
 * first SigV4A signature would cost more (≈ 1–3 ms) than compiling this code with the rest.
 */
export const importSigV4a = async (): Promise<SigV4aModule> => ({ sigV4aAlgorithm })
