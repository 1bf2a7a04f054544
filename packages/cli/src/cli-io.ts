/** Where a command reads and writes; the binary passes the process's streams, tests pass buffers. */
export interface CliIo {
  stdout: { write(chunk: string | Uint8Array): unknown }
  stderr: { write(chunk: string): unknown }
  /** Reads all of stdin (for `-d @-`). */
  readStdin(): Promise<Uint8Array>
  /** Stdin as lines, as they arrive (for `awssig ws`). */
  stdinLines?(): AsyncIterable<string>
}
