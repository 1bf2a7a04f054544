/**
 * Why the packaging tests do not run in this process, or undefined when they do.
 * CI sets AWSSIG_CI_LANE on every lane and AWSSIG_PACKED_LANE to the one lane that runs them: packaging
 * is not about Node versions, and each run installs from the registry. Outside CI they always run.
 */
export function packedSkipReason(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const lane = env.AWSSIG_CI_LANE
  const packedLane = env.AWSSIG_PACKED_LANE
  if (env.AWSSIG_PACKED === '0') return 'AWSSIG_PACKED=0'
  if (lane && packedLane && lane !== packedLane) {
    return `CI lane ${lane}; the packaging tests run on lane ${packedLane}`
  }
  return undefined
}
