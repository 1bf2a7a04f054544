import { createAppSyncMessageSigner, type RealtimeProtocol, signWebSocket } from '@awssig/core/realtime'
import {
  openSignedWebSocket,
  WebSocketConnectionError,
  type WebSocketConstructorLike,
} from '@awssig/websocket'
import WebSocket from 'ws'
import { CliError, ExitCode, type ExitCodeValue, UsageError } from '../cli-error'
import type { CliIo } from '../cli-io'
import { redactHandshake } from '../output/redact-handshake'
import { buildSigner, type SigningFlags } from '../signing/build-signer'
import {
  type ConnectOverride,
  parseConnectTo,
  parseResolve,
  pickConnectTarget,
} from '../transport/connect-override'
import { relay } from './ws-relay'

/** Flags of `awssig ws URL`. */
export interface WsFlags extends SigningFlags {
  /** Print the signed handshake (a credential) to stdout instead of connecting. */
  print?: boolean
  json?: boolean
  /** AppSync: with --print, print the authorization of this message payload (the body AppSync signs). */
  message?: string
  protocol?: RealtimeProtocol
  /** API Gateway: sign the upgrade request's headers instead of presigning the URL. */
  headers?: boolean
  appsyncAuth?: 'subprotocol' | 'query'
  httpUrl?: string
  expires?: string
  verbose?: boolean
  connectTo?: string[]
  resolve?: string[]
}

/**
 * `awssig ws URL`: connects with a signed handshake and relays lines between the terminal and the socket.
 * `--print` prints the handshake (URL, subprotocols, headers, plan) instead: like `--presign` it is a
 * credential and goes to stdout only; `-v` and errors show it redacted.
 *
 * @example
 * await wsCommand('wss://abc.execute-api.eu-west-1.amazonaws.com/prod', { print: true, json: true }, io)
 */
export async function wsCommand(rawUrl: string, flags: WsFlags, io: CliIo): Promise<ExitCodeValue> {
  const url = parseWsUrl(rawUrl)
  const { signer } = await buildSigner(url, flags)
  const signOptions = {
    ...(flags.protocol ? { protocol: flags.protocol } : {}),
    ...(flags.headers ? { headers: true } : {}),
    ...(flags.appsyncAuth ? { appSyncAuth: flags.appsyncAuth } : {}),
    ...(flags.httpUrl ? { httpUrl: flags.httpUrl } : {}),
    ...(flags.expires ? { expiresIn: Number(flags.expires) } : {}),
  }
  if (flags.print) {
    if (flags.message !== undefined) {
      const authorization = await createAppSyncMessageSigner(signer, url, signOptions as never).authorize(
        flags.message,
      )
      io.stdout.write(
        flags.json ? `${JSON.stringify({ authorization }, null, 2)}\n` : `${JSON.stringify(authorization)}\n`,
      )
      return ExitCode.ok
    }
    const handshake = await signWebSocket(signer, url, signOptions)
    if (flags.verbose) io.stderr.write(`${JSON.stringify(redactHandshake(handshake), null, 2)}\n`)
    const printed = {
      protocol: handshake.protocol,
      url: handshake.url,
      protocols: handshake.protocols,
      ...(handshake.headers ? { headers: handshake.headers } : {}),
      plan: handshake.plan,
    }
    io.stdout.write(
      flags.json
        ? `${JSON.stringify(printed, null, 2)}\n`
        : `${handshake.url}\n${handshake.protocols.map((p) => `Subprotocol: ${p}\n`).join('')}${Object.entries(
            handshake.headers ?? {},
          )
            .map(([n, v]) => `${n}: ${v}\n`)
            .join('')}`,
    )
    return ExitCode.ok
  }
  if (flags.message !== undefined) throw new UsageError('--message goes with --print.')
  const overrides = [
    ...(flags.connectTo ?? []).map(parseConnectTo),
    ...(flags.resolve ?? []).map(parseResolve),
  ]
  // A refused or failed connection is the service's answer (exit 1), not a signing problem (3).
  const socket = await openSignedWebSocket(signer, url, {
    ...signOptions,
    WebSocket: redirectedWs(overrides),
  }).catch((error: unknown) => {
    throw error instanceof WebSocketConnectionError
      ? new CliError(error.message, ExitCode.httpError, { cause: error })
      : error
  })
  if (flags.verbose)
    io.stderr.write(
      `* connected to ${url.host}${url.pathname} (${socket.protocol}, subprotocol ${socket.socket.protocol || 'none'})\n`,
    )
  const appSync = socket.protocol === 'appsync-graphql' || socket.protocol === 'appsync-events'
  const messages = appSync
    ? createAppSyncMessageSigner(signer, url, {
        protocol: socket.protocol as 'appsync-events',
        ...(flags.httpUrl ? { httpUrl: flags.httpUrl } : {}),
      })
    : undefined
  const code = await relay(socket, messages, io, flags.verbose === true)
  if (flags.verbose) io.stderr.write(`* closed (${code})\n`)
  return code === 1000 || code === 1005 ? ExitCode.ok : ExitCode.httpError
}

function parseWsUrl(raw: string): URL {
  let url: URL
  try {
    url = new URL(raw)
  } catch (error) {
    throw new UsageError(`"${raw}" is not an absolute URL; include the scheme, e.g. wss://${raw}.`, {
      cause: error,
    })
  }
  if (url.protocol !== 'wss:' && url.protocol !== 'ws:') {
    throw new UsageError(`awssig ws takes a wss:// URL, not ${url.protocol.slice(0, -1)}.`)
  }
  return url
}

/** ws, connecting where --connect-to / --resolve say while keeping (and signing) the URL's Host. */
function redirectedWs(overrides: ConnectOverride[]): WebSocketConstructorLike {
  if (overrides.length === 0) return WebSocket as unknown as WebSocketConstructorLike
  return class extends WebSocket {
    constructor(address: string, protocols?: string | string[], options?: WebSocket.ClientOptions) {
      const target = new URL(address)
      const http = new URL(target.href.replace(/^ws/, 'http'))
      const { host, port } = pickConnectTarget(http, overrides)
      const connectHost = host.includes(':') ? `[${host}]` : host
      super(`${target.protocol}//${connectHost}:${port}${target.pathname}${target.search}`, protocols, {
        ...options,
        headers: { ...options?.headers, host: target.host },
        // TLS still checks the certificate for the URL's host (ws passes servername on to tls.connect).
        ...({ servername: target.hostname } as WebSocket.ClientOptions),
      })
    }
  } as unknown as WebSocketConstructorLike
}
