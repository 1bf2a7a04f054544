/** The part of the WebSocket interface this package uses: the global `WebSocket` and `ws` both have it. */
export interface WebSocketLike {
  readonly readyState: number
  readonly protocol: string
  binaryType: string
  /** Sends one message. */
  send(data: string | ArrayBufferLike | ArrayBufferView): void
  /** Closes the socket. */
  close(code?: number, reason?: string): void
  /** Listens for `open`, `message`, `error` or `close`. */
  addEventListener(type: string, listener: (event: never) => void): void
  /** Stops listening. */
  removeEventListener(type: string, listener: (event: never) => void): void
}

/** A WebSocket constructor: the global one, or `ws` (which also takes `headers` and `followRedirects`). */
export type WebSocketConstructorLike = new (
  url: string,
  protocols?: string | string[],
  options?: { headers?: Record<string, string>; followRedirects?: boolean },
) => WebSocketLike

/** The constructor to use, and whether it can send upgrade headers (only `ws` can). */
export interface ResolvedWebSocket {
  WebSocket: WebSocketConstructorLike
  sendsHeaders: boolean
}

const isNode = () => {
  const g = globalThis as { process?: { versions?: Record<string, string> }; Bun?: unknown; Deno?: unknown }
  return g.process?.versions?.node !== undefined && g.Bun === undefined && g.Deno === undefined
}

/**
 * `options.WebSocket` when given; in Node the optional peer `ws` when installed (it sends headers and
 * never follows redirects), else the global `WebSocket` (browsers, Deno, Bun, Workers, Node ≥ 22).
 */
export async function resolveWebSocket(given?: WebSocketConstructorLike): Promise<ResolvedWebSocket> {
  if (given) return { WebSocket: given, sendsHeaders: isWs(given) }
  if (isNode()) {
    // A variable specifier: browser bundlers must not try to resolve `ws`.
    const name = 'ws'
    try {
      const module = (await import(/* @vite-ignore */ /* webpackIgnore: true */ name)) as {
        WebSocket?: WebSocketConstructorLike
        default?: WebSocketConstructorLike
      }
      const WebSocket = module.WebSocket ?? module.default
      if (WebSocket) return { WebSocket, sendsHeaders: true }
    } catch {
      // Not installed: fall back to the global WebSocket below.
    }
  }
  const global = (globalThis as { WebSocket?: WebSocketConstructorLike }).WebSocket
  if (!global) {
    throw new TypeError('No WebSocket implementation: install `ws` (Node < 22) or pass options.WebSocket')
  }
  return { WebSocket: global, sendsHeaders: false }
}

function isWs(WebSocket: WebSocketConstructorLike): boolean {
  // ws's constructor has `createWebSocketStream`'s siblings; the global one has none of these.
  return (
    typeof (WebSocket as unknown as { prototype?: { terminate?: unknown } }).prototype?.terminate ===
    'function'
  )
}
