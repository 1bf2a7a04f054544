/** What the signer uses of SigV4A's module. */
export type SigV4aModule = Pick<typeof import('./sigv4a'), 'sigV4aAlgorithm'>

/**
 * SigV4A's ECDSA half, loaded with `import()`: browser bundles keep it in a chunk of its own, so SigV4-only
 * pages never load it. The `node` build replaces this module with import-sigv4a.node.ts (tsup.config.ts).
 */
export const importSigV4a = (): Promise<SigV4aModule> => import('./sigv4a')
