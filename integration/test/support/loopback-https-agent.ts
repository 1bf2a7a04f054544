import http from 'node:http'
import net from 'node:net'

/**
 * An agent for axios' http adapter that sends `https://` requests as plain HTTP to a loopback server.
 * The URL the signer sees stays `https://<AWS hostname>` (what a caller writes, which AWS host inference
 * claims: it never signs `http:`), and the verifying server still sees the real `Host` header.
 * Node's https module only checks the agent's `protocol`; the socket is this agent's own.
 */
export class LoopbackHttpsAgent extends http.Agent {
  /** Read by Node's ClientRequest to accept this agent for `https:` URLs. */
  readonly protocol = 'https:'

  constructor(private readonly port: number) {
    // The options of Node's global agent (which the proxied http: requests used before): pooled sockets,
    // most recently used first, dropped after 5 s idle so one the server closed is not reused (ECONNRESET).
    super({ keepAlive: true, scheduling: 'lifo', timeout: 5000 })
  }

  override createConnection(
    _options: unknown,
    callback?: (error: Error | null, socket: net.Socket) => void,
  ): net.Socket {
    const socket = net.connect(this.port, '127.0.0.1')
    callback?.(null, socket)
    return socket
  }
}
