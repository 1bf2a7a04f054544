import { execFile } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)
const cliManifest = require.resolve('@awssig/cli/package.json')

/**
 * The built binary the tests spawn: the file `bin` names in @awssig/cli's package.json, the one `npx awssig`
 * runs (build first: `pnpm --filter @awssig/cli run build`).
 */
export const AWSSIG_BIN = join(
  dirname(cliManifest),
  (require(cliManifest) as { bin: { awssig: string } }).bin.awssig,
)

export interface Run {
  code: number
  stdout: string
  stderr: string
}

/**
 * Runs the built `awssig` with a clean environment: only `env`, plus a HOME (`home`) whose AWS config and
 * credentials files do not exist and no instance metadata, so nothing on this machine can supply credentials.
 */
export function runAwssig(
  home: string,
  args: string[],
  env: Record<string, string>,
  stdin = '',
): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [AWSSIG_BIN, ...args],
      {
        env: {
          PATH: process.env.PATH ?? '',
          HOME: home,
          AWS_CONFIG_FILE: join(home, 'no-config'),
          AWS_SHARED_CREDENTIALS_FILE: join(home, 'no-credentials'),
          AWS_EC2_METADATA_DISABLED: 'true',
          ...env,
        },
        encoding: 'utf8',
        timeout: 15_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
        resolve({ code, stdout, stderr })
      },
    )
    child.stdin?.end(stdin)
  })
}
