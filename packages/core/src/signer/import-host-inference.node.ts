import type { AwsHostPlanning } from '../aws-host-planning'
import * as planning from '../aws-host-planning'

/**
 * The `node` build's import-host-inference.ts: inference inline. Bytes cost nothing in Node, and one more
 * module to load at the first request to an AWS host would cost a cold start ≈ 1 ms; inline, no call waits.
 */
export const importHostInference = async (): Promise<AwsHostPlanning> => planning

export const inlineHostInference: AwsHostPlanning | undefined = planning
