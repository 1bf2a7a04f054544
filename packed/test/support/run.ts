import { spawnSync } from 'node:child_process'

export interface RunResult {
  status: number | null
  output: string
}

/** Runs a command to completion and returns its exit status with stdout and stderr together. */
export function run(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): RunResult {
  const result = spawnSync(command, args, {
    cwd: options.cwd,
    env: { ...userEnv(), ...options.env },
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 170_000,
    maxBuffer: 64 * 1024 * 1024,
  })
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`
  return { status: result.status, output }
}

/** Like run, but throws with the command's output when it fails. */
export function runOrThrow(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): string {
  const result = run(command, args, options)
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status}) in ${options.cwd}:\n${result.output}`,
    )
  }
  return result.output
}

/**
 * The environment without what pnpm and turbo add for package scripts (npm_config_*, pnpm_*, NODE_PATH):
 * a user's fresh project does not see them.
 */
function userEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(npm_|pnpm_|PNPM_|NODE_PATH$)/i.test(name)),
  )
}
