import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  type CognitoIdentityHandler,
  type CognitoIdentityOptions,
  createCognitoIdentityHandler,
} from '../identity/cognito-identity-handler'
import {
  createStsWebIdentityHandler,
  type StsWebIdentityHandler,
  type StsWebIdentityOptions,
} from '../identity/sts-web-identity-handler'
import type { EndpointConfig } from '../verify/types'
import { createLoopbackFetch } from './loopback-fetch'
import { toFetchRequest } from './node-request'

/** Options of `startIdentityServer`. */
export interface IdentityServerOptions {
  /** Region of both endpoints. @default 'us-east-1' */
  region?: string
  /** Answer as Cognito Identity at `cognito-identity.<region>.amazonaws.com`. */
  cognito?: CognitoIdentityOptions
  /** Answer as STS `AssumeRoleWithWebIdentity` at `sts.<region>.amazonaws.com`. */
  sts?: StsWebIdentityOptions
  /** Port on 127.0.0.1. @default 0 (any free port) */
  port?: number
  /** Allow calls from a page on another origin (any origin). @default false */
  cors?: boolean
}

/** A running identity server. */
export interface IdentityServer {
  url: string
  port: number
  /** fetch that carries calls for the Cognito and STS hosts to this server (others go to the global fetch). */
  fetch: typeof fetch
  cognito?: CognitoIdentityHandler
  sts?: StsWebIdentityHandler
  /** Stops the server and closes open connections. */
  close(): Promise<void>
}

/**
 * Which service a call is for: by host, or — for calls addressed to the server itself, as a browser page
 * makes them (it cannot set `Host`) — by Cognito's `X-Amz-Target` header, else STS.
 */
function handlerFor(
  request: Request,
  cognito: CognitoIdentityHandler | undefined,
  sts: StsWebIdentityHandler | undefined,
): CognitoIdentityHandler | StsWebIdentityHandler | undefined {
  const host = new URL(request.url).hostname
  if (host.startsWith('cognito-identity.')) return cognito
  if (host.startsWith('sts.')) return sts
  if (host !== '127.0.0.1' && host !== 'localhost') return undefined
  return request.headers.get('x-amz-target')?.startsWith('AWSCognitoIdentityService.') ? cognito : sts
}

/**
 * A loopback server answering as Cognito Identity and STS (web identity) do, so credential providers can
 * be tested offline. Pass one `account` array to it and to `startVerifyingServer({ credentials })`: requests
 * signed with the credentials it issues then verify.
 *
 * @example
 * const account = [] as VerifierCredentials[]
 * const ids = await startIdentityServer({ region: 'eu-west-1', cognito: { identityPools: [pool], account } })
 * const credentials = fromCognitoIdentityPool({ identityPoolId: pool, fetch: ids.fetch })
 */
export async function startIdentityServer(options: IdentityServerOptions): Promise<IdentityServer> {
  const region = options.region ?? 'us-east-1'
  const cognito = options.cognito && createCognitoIdentityHandler(options.cognito)
  const sts = options.sts && createStsWebIdentityHandler(options.sts)
  const hosts: Record<string, EndpointConfig> = {}
  if (cognito) hosts[`cognito-identity.${region}.amazonaws.com`] = { service: 'cognito-identity', region }
  if (sts) hosts[`sts.${region}.amazonaws.com`] = { service: 'sts', region }
  const corsHeaders: Record<string, string> = options.cors
    ? {
        'access-control-allow-origin': '*',
        'access-control-allow-headers': '*',
        'access-control-allow-methods': 'POST, OPTIONS',
        'access-control-expose-headers': 'x-amzn-errortype, x-amzn-requestid',
      }
    : {}
  const server = createServer((req, res) => {
    const handle = async () => {
      if (options.cors && req.method === 'OPTIONS') {
        res.writeHead(204, corsHeaders)
        res.end()
        return
      }
      const request = await toFetchRequest(req)
      const handler = handlerFor(request, cognito, sts)
      const response = handler
        ? await handler.handle(request)
        : new Response('No identity service at this host.', { status: 404 })
      const headers: Record<string, string> = { ...corsHeaders, date: new Date().toUTCString() }
      response.headers.forEach((value, name) => {
        headers[name] = value
      })
      const body = new Uint8Array(await response.arrayBuffer())
      res.writeHead(response.status, headers)
      res.end(body)
    }
    handle().catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' })
      res.end(String(error))
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    fetch: createLoopbackFetch(port, hosts),
    ...(cognito ? { cognito } : {}),
    ...(sts ? { sts } : {}),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}
