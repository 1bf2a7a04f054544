/** Where a command reads and writes; the binary passes the process's streams, tests pass buffers. */
export interface CliIo {
  /** Where answers go. */
  stdout: {
    /** Writes a chunk of the answer. */
    write(chunk: string | Uint8Array): unknown
  }
  /** Where diagnostics go. */
  stderr: {
    /** Writes a diagnostic line. */
    write(chunk: string): unknown
  }
  /** Reads all of stdin (for `-d @-`). */
  readStdin(): Promise<Uint8Array>
  /** Stdin as lines, as they arrive (for `awssig ws`). */
  stdinLines?(): AsyncIterable<string>
}
