import type { AwsHostPlanning } from '../aws-host-planning'

/**
 * AWS host inference and the planning only hosts under AWS's domains need, loaded with `import()`: browser
 * bundles keep them (the generated table and the documented patterns, ≈ 3 KB gz) in a chunk of their own,
 * fetched the first time such a host is planned. The `node` build replaces this module with
 * import-host-inference.node.ts (tsup.config.ts).
 */
export const importHostInference = (): Promise<AwsHostPlanning> => import('../aws-host-planning')

/** Inference available without waiting: none here; the `node` build has it inline. */
export const inlineHostInference: AwsHostPlanning | undefined = undefined
