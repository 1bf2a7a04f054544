import { createInterface } from 'node:readline'
import { runCli } from './program'

// `awssig … | head` closes stdout early; that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw error
})
// runCli reports every failure it can see; this catches the rest so a stack trace never reaches users.
process.on('uncaughtException', (error) => {
  process.stderr.write(
    `awssig: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`,
  )
  process.exit(3)
})

runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  async readStdin() {
    const chunks: Uint8Array[] = []
    for await (const chunk of process.stdin) chunks.push(chunk as Uint8Array)
    return new Uint8Array(Buffer.concat(chunks))
  },
  stdinLines: () => createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY }),
}).then((code) => {
  process.exitCode = code
})
