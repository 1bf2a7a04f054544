import { type IssueOptions, issueCredentials, requestId } from './issue-credentials'

/** Options of `createStsWebIdentityHandler`. */
export interface StsWebIdentityOptions extends IssueOptions {
  /** Roles that trust the identity provider; others get `AccessDenied`. */
  roles: string[]
  /** Web identity tokens the provider vouches for; others get `InvalidIdentityToken`. */
  tokens: string[]
}

/** A Web handler answering as STS `AssumeRoleWithWebIdentity` does, with the state tests inspect. */
export interface StsWebIdentityHandler {
  /** Answers one STS `AssumeRoleWithWebIdentity` request as the service would. */
  handle(request: Request): Promise<Response>
  /** Every call answered: its form parameters (tokens included: tests only) and status. */
  calls: { operation: string; status: number; input: Record<string, string> }[]
  /** The next call fails with this STS error code (`ExpiredTokenException`, `IDPCommunicationError`, …). */
  failNext(code: string): void
}

const NS = 'https://sts.amazonaws.com/doc/2011-06-15/'

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`)
}

function stsError(code: string, message: string, status = 400): Response {
  const type = status >= 500 ? 'Receiver' : 'Sender'
  const body = `<ErrorResponse xmlns="${NS}">\n  <Error>\n    <Type>${type}</Type>\n    <Code>${code}</Code>\n    <Message>${escapeXml(message)}</Message>\n  </Error>\n  <RequestId>${requestId()}</RequestId>\n</ErrorResponse>\n`
  return new Response(body, { status, headers: { 'content-type': 'text/xml' } })
}

/**
 * Answers `AssumeRoleWithWebIdentity` (awsQuery: form body, XML answer) as STS does, with its documented
 * errors (`InvalidIdentityToken`, `ExpiredTokenException`, `IDPRejectedClaim`, `IDPCommunicationError`,
 * `AccessDenied`, `ValidationError`). Issued credentials are pushed into `account`.
 */
export function createStsWebIdentityHandler(options: StsWebIdentityOptions): StsWebIdentityHandler {
  const calls: StsWebIdentityHandler['calls'] = []
  let failure: string | undefined

  const answer = (input: Record<string, string>): Response => {
    if (input.Action !== 'AssumeRoleWithWebIdentity') return stsError('InvalidAction', 'Unknown action.')
    if (failure) {
      const code = failure
      failure = undefined
      return stsError(code, 'Simulated failure.')
    }
    for (const field of ['RoleArn', 'RoleSessionName', 'WebIdentityToken']) {
      if (!input[field])
        return stsError('ValidationError', `1 validation error detected: ${field} is required.`)
    }
    if (!options.tokens.includes(input.WebIdentityToken ?? '')) {
      return stsError(
        'InvalidIdentityToken',
        "Couldn't retrieve verification key from your identity provider.",
      )
    }
    if (!options.roles.includes(input.RoleArn ?? '')) {
      return stsError('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity', 403)
    }
    const issued = issueCredentials({
      ...options,
      lifetimeSeconds: Number(input.DurationSeconds) || options.lifetimeSeconds,
    })
    const role = input.RoleArn ?? ''
    const body = `<AssumeRoleWithWebIdentityResponse xmlns="${NS}">\n  <AssumeRoleWithWebIdentityResult>\n    <SubjectFromWebIdentityToken>subject</SubjectFromWebIdentityToken>\n    <Audience>client.apps.example</Audience>\n    <AssumedRoleUser>\n      <Arn>${escapeXml(role.replace(':iam::', ':sts::').replace(':role/', ':assumed-role/'))}/${escapeXml(input.RoleSessionName ?? '')}</Arn>\n      <AssumedRoleId>AROA${issued.accessKeyId.slice(4)}:${escapeXml(input.RoleSessionName ?? '')}</AssumedRoleId>\n    </AssumedRoleUser>\n    <Credentials>\n      <SessionToken>${issued.sessionToken}</SessionToken>\n      <SecretAccessKey>${issued.secretAccessKey}</SecretAccessKey>\n      <Expiration>${issued.expiration.toISOString()}</Expiration>\n      <AccessKeyId>${issued.accessKeyId}</AccessKeyId>\n    </Credentials>\n    <Provider>${escapeXml(input.ProviderId ?? 'accounts.example')}</Provider>\n  </AssumeRoleWithWebIdentityResult>\n  <ResponseMetadata>\n    <RequestId>${requestId()}</RequestId>\n  </ResponseMetadata>\n</AssumeRoleWithWebIdentityResponse>\n`
    return new Response(body, { status: 200, headers: { 'content-type': 'text/xml' } })
  }

  return {
    calls,
    failNext: (code) => {
      failure = code
    },
    handle: async (request) => {
      const input = Object.fromEntries(new URLSearchParams(await request.text()))
      const response = answer(input)
      calls.push({ operation: input.Action ?? '', status: response.status, input })
      return response
    },
  }
}
