import { createSigner } from '@awssig/core'
import { ExitCode, type ExitCodeValue } from '../cli-error'
import type { CliIo } from '../cli-io'
import { redactSecrets } from '../output/redact'
import { parseUrl } from '../request/parse-url'
import { buildSigner, type SigningFlags } from '../signing/build-signer'

/** Flags of `awssig explain URL`. */
export interface ExplainFlags extends SigningFlags {
  /** Print the explanation as JSON. @default false */
  json?: boolean
}

/**
 * `awssig explain URL`: says which rule or AWS hostname pattern matched the URL's host, and the service,
 * region or region set, algorithm and warnings that follow. Sends nothing and needs no credentials.
 *
 * @example
 * await explainCommand('https://bedrock-runtime.us-west-2.amazonaws.com/model/x/invoke', {}, io)
 * // service: bedrock, region: us-west-2, algorithm: SigV4, matched: an AWS hostname pattern
 */
export async function explainCommand(rawUrl: string, flags: ExplainFlags, io: CliIo): Promise<ExitCodeValue> {
  const url = parseUrl(rawUrl, ['https:', 'http:', 'wss:', 'ws:'])
  const { signer, describeRule } = await buildSigner(url, flags)
  const explanation = await signer.explain(url.href)
  const plan = explanation.plan
  const warnings = [...explanation.warnings]
  if (plan?.source === 'aws' && !(await libraryWouldClaim(url))) {
    warnings.push(
      'The awssig library signs this host only when a rule names it (it runs customer code that would see your session token); the CLI signs it because you named the URL.',
    )
  }
  if (plan?.regionCertain === false) {
    warnings.push(
      'The region is a best guess for a legacy global hostname; AWS may redirect to the right one.',
    )
  }
  const matched = plan ? describeRule(plan.source === 'rule' ? plan.ruleIndex : undefined) : 'nothing'
  if (flags.json) {
    io.stdout.write(
      `${JSON.stringify({ url: redactSecrets(url.href), matched, ...explanation, warnings }, null, 2)}\n`,
    )
    return ExitCode.ok
  }
  const rows: [string, string][] = [
    ['URL', redactSecrets(url.href)],
    ['Matched', matched],
  ]
  if (plan) {
    rows.push(['Service', plan.service])
    if (plan.algorithm === 'sigv4a') rows.push(['Region set', (plan.regionSet ?? ['*']).join(', ')])
    else rows.push(['Region', plan.region ?? '(none)'])
    rows.push([
      'Algorithm',
      plan.algorithm === 'sigv4a' ? 'SigV4A (AWS4-ECDSA-P256-SHA256)' : 'SigV4 (AWS4-HMAC-SHA256)',
    ])
    if (plan.unsignedPayload) rows.push(['Payload', 'UNSIGNED-PAYLOAD'])
  }
  // Core numbers rules in the combined list (flags first); name the rule as the user wrote it.
  const reason = plan?.source === 'rule' ? plan.reason.replace(/^rules\[\d+\]/, matched) : explanation.reason
  rows.push(['Reason', reason])
  if (!plan)
    rows.push(['Hint', 'say how to sign it with --service and --region (or --sigv4a), or a --rules file'])
  for (const warning of warnings) rows.push(['Warning', warning])
  const width = Math.max(...rows.map(([label]) => label.length)) + 2
  io.stdout.write(`${rows.map(([label, value]) => `${`${label}:`.padEnd(width)}${value}`).join('\n')}\n`)
  return ExitCode.ok
}

async function libraryWouldClaim(url: URL): Promise<boolean> {
  const librarySigner = createSigner({ credentials: { accessKeyId: 'explain', secretAccessKey: 'explain' } })
  return (await librarySigner.resolve(url.href)) !== null
}
