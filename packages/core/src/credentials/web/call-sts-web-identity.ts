import type { FromWebTokenInit } from './from-web-token'
import { IdentityCallError } from './identity-call-error'
import { postToIdentityService } from './post-to-identity-service'
import { resolveToken } from './resolve-token'
import type { TemporaryCredentials } from './types'

const OPERATION = 'AssumeRoleWithWebIdentity'

/** One `AssumeRoleWithWebIdentity` call (awsQuery protocol: form body in, XML out), unsigned. */
export async function callStsWebIdentity(
  fetchImpl: typeof fetch,
  region: string,
  options: FromWebTokenInit,
): Promise<TemporaryCredentials> {
  const token = await resolveToken(options.webIdentityToken, 'webIdentityToken')
  const form = new URLSearchParams({
    Action: OPERATION,
    Version: '2011-06-15',
    RoleArn: options.roleArn,
    RoleSessionName: options.roleSessionName ?? `awssig-${Date.now()}`,
    WebIdentityToken: token,
  })
  if (options.providerId) form.set('ProviderId', options.providerId)
  if (options.policy) form.set('Policy', options.policy)
  if (options.durationSeconds !== undefined) form.set('DurationSeconds', String(options.durationSeconds))
  options.policyArns?.forEach((entry, i) => {
    if (entry.arn) form.set(`PolicyArns.member.${i + 1}.arn`, entry.arn)
  })
  const answer = await postToIdentityService(fetchImpl, OPERATION, `https://sts.${region}.amazonaws.com/`, {
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: form.toString(),
  })
  if (answer.status < 200 || answer.status >= 300) {
    const code = xmlText(answer.text, 'Code') ?? ''
    // A code is an identifier; anything else (a proxy's HTML page …) is not echoed.
    throw new IdentityCallError(
      OPERATION,
      /^[A-Za-z][\w.]{0,99}$/.test(code) ? code : 'UnknownError',
      answer.status,
    )
  }
  const credentials = xmlText(answer.text, 'Credentials') ?? ''
  const accessKeyId = xmlText(credentials, 'AccessKeyId')
  const secretAccessKey = xmlText(credentials, 'SecretAccessKey')
  const sessionToken = xmlText(credentials, 'SessionToken')
  const expiration = new Date(xmlText(credentials, 'Expiration') ?? Number.NaN)
  if (!accessKeyId || !secretAccessKey || !sessionToken || Number.isNaN(expiration.getTime())) {
    throw new IdentityCallError(OPERATION, 'InvalidResponse', answer.status)
  }
  return { accessKeyId, secretAccessKey, sessionToken, expiration }
}

// STS answers flat, well-known XML. Workers and Deno have no DOMParser, so the few elements needed are read
// with a pattern instead of pulling in an XML parser.
function xmlText(xml: string, element: string): string | undefined {
  const match = new RegExp(`<${element}>([\\s\\S]*?)</${element}>`).exec(xml)
  return match?.[1] === undefined ? undefined : decodeXmlEntities(match[1].trim())
}

function decodeXmlEntities(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => XML_ENTITIES[name] ?? '')
}

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' }
