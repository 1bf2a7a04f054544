import { describe, expect, it } from 'vitest'
import { UsageError } from '../src/cli-error'
import { redactHeader, redactSecrets } from '../src/output/redact'
import { parseRules } from '../src/rules/load-rules-file'
import { parseConnectTo, parseResolve, pickConnectTarget } from '../src/transport/connect-override'

describe('--connect-to and --resolve', () => {
  it('matches host and port as curl does, empty parts matching anything', () => {
    const overrides = [parseConnectTo('api.example.com:443:127.0.0.1:8080'), parseConnectTo('::[::1]:9000')]
    expect(pickConnectTarget(new URL('https://API.example.com/x'), overrides)).toEqual({
      host: '127.0.0.1',
      port: 8080,
    })
    expect(pickConnectTarget(new URL('http://api.example.com/x'), overrides)).toEqual({
      host: '::1',
      port: 9000,
    })
    expect(pickConnectTarget(new URL('https://other.example:8443/'), [])).toEqual({
      host: 'other.example',
      port: 8443,
    })
  })

  it('--resolve keeps the port', () => {
    const overrides = [parseResolve('api.example.com:443:10.0.0.5')]
    expect(pickConnectTarget(new URL('https://api.example.com/'), overrides)).toEqual({
      host: '10.0.0.5',
      port: 443,
    })
    expect(pickConnectTarget(new URL('http://api.example.com/'), overrides)).toEqual({
      host: 'api.example.com',
      port: 80,
    })
  })

  it('refuses malformed values with a usage error', () => {
    expect(() => parseConnectTo('127.0.0.1:8080')).toThrow(UsageError)
    expect(() => parseConnectTo('a:http:b:1')).toThrow(/invalid port "http"/)
    expect(() => parseResolve('a.example:443')).toThrow(/HOST:PORT:ADDRESS/)
  })
})

describe('rules file structure', () => {
  it('accepts an array or { rules }, turning "/regex/flags" into a RegExp and keeping profiles apart', () => {
    const loaded = parseRules(
      { rules: [{ host: '/^api\\.corp$/i', service: 'execute-api', profile: 'corp' }] },
      'f',
    )
    expect(loaded.rules[0]?.host).toEqual(/^api\.corp$/i)
    expect(loaded.rules[0]).not.toHaveProperty('profile')
    expect(loaded.profiles).toEqual(['corp'])
    expect(parseRules([{ host: 'a.example' }], 'f').rules).toEqual([{ host: 'a.example' }])
  })

  it('names the rule and field of each structural mistake', () => {
    expect(() => parseRules({}, 'f.json')).toThrow('must hold an array of rules')
    expect(() => parseRules([1], 'f.json')).toThrow('rules[0] must be an object')
    expect(() => parseRules([{ service: 's3' }], 'f.json')).toThrow('rules[0] needs a "host"')
    expect(() => parseRules([{ host: 'a', regionSet: 'us-*' }], 'f.json')).toThrow(
      'rules[0].regionSet must be a list of strings',
    )
    expect(() => parseRules([{ host: 'a' }, { host: 'b', servce: 's3' }], 'f.json')).toThrow(
      'rules[1] has an unknown field "servce" (did you mean "service"?)',
    )
    expect(() => parseRules([{ host: '/(/' }], 'f.json')).toThrow(
      'rules[0].host is not a valid regular expression',
    )
  })
})

describe('redaction', () => {
  it('removes signatures and session tokens but keeps the access key id', () => {
    const auth =
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261122/eu-west-1/execute-api/aws4_request, SignedHeaders=host, Signature=0123abcd'
    expect(redactHeader('Authorization', auth)).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261122/eu-west-1/execute-api/aws4_request, SignedHeaders=host, Signature=<redacted>',
    )
    expect(redactHeader('X-Amz-Security-Token', 'secret-token')).toBe('<redacted>')
    expect(redactSecrets('?X-Amz-Security-Token=abc%2F&X-Amz-Signature=ff00&x=1')).toBe(
      '?X-Amz-Security-Token=<redacted>&X-Amz-Signature=<redacted>&x=1',
    )
    expect(redactSecrets('GET\n/\n\nhost:a\nx-amz-security-token:tok\n')).toBe(
      'GET\n/\n\nhost:a\nx-amz-security-token:<redacted>\n',
    )
  })
})
