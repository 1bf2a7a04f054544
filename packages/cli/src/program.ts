import { Command, CommanderError, Option } from 'commander'
import packageJson from '../package.json' with { type: 'json' }
import { ExitCode } from './cli-error'
import type { CliIo } from './cli-io'
import { explainCommand } from './commands/explain-command'
import { describeFailure } from './describe-failure'

// Each command's own modules load when it runs: the request command's HTTP transport (node:http, node:https)
// and the ws command's WebSocket client (ws, with node:tls and node:zlib) would cost every start, `explain`
// included, ≈ 10 ms more (bin.cjs, Node 20).
const loadRequestCommand = () => import('./commands/request-command')
const loadWsCommand = () => import('./commands/ws-command')

const examples = `
Examples:
  # An IAM call: the global endpoint is signed for us-east-1 whatever AWS_REGION says
  awssig 'https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08'

  # API Gateway: service and region come from the hostname
  awssig -X POST -H 'content-type: application/json' -d '{"name":"x"}' \\
    https://abc123.execute-api.eu-west-1.amazonaws.com/prod/items

  # A custom domain: say how to sign it (quote 'us-*': shells expand *)
  awssig --service execute-api --sigv4a --region-set 'us-*' https://api.example.com/orders

  # Upload a file byte for byte, with a named profile
  awssig --profile dev -X PUT --data-binary @photo.jpg https://my-bucket.s3.eu-west-1.amazonaws.com/photo.jpg

  # A presigned URL valid for one hour
  awssig --presign --expires 3600 https://my-bucket.s3.eu-west-1.amazonaws.com/report.pdf

  # A signed WebSocket: relay lines (AppSync subscribe/publish lines are signed on the way out)
  awssig ws --service appsync --region eu-west-1 wss://abc.appsync-realtime-api.eu-west-1.amazonaws.com/event/realtime

  # Print an IoT Core MQTT-over-WebSocket URL (a credential) without connecting
  awssig ws --print --json wss://a1b2c3-ats.iot.eu-west-1.amazonaws.com/mqtt

  # Why is this host signed the way it is?
  awssig explain https://bedrock-runtime.us-west-2.amazonaws.com/model/m/invoke

  # Reach a local server while keeping (and signing) the real Host header; http: is signed only for a
  # host a flag or rule names (the signature and session token travel in clear text)
  awssig --connect-to ::127.0.0.1:8080 --service execute-api http://abc123.execute-api.eu-west-1.amazonaws.com/prod/items

Exit codes: 0 response 2xx; 1 other HTTP status or request not sent; 2 usage error (bad flag or rules
file); 3 signing error (no credentials, no plan for the host).
Credentials: --profile, else AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN, else the
AWS SDK default chain (AWS_PROFILE, SSO, credential_process, container and instance roles).
`

const collect = (value: string, previous: string[] = []): string[] => [...previous, value]

function addSigningOptions(command: Command): Command {
  return command
    .option('--service <name>', "signing name for this URL's host (e.g. execute-api, s3, bedrock)")
    .option('--region <region>', "SigV4 signing region for this URL's host")
    .option('--sigv4a', 'sign with SigV4A for a region set')
    .option(
      '--region-set <regions>',
      "SigV4A region set, comma-separated (quote it: 'us-*'); implies --sigv4a",
    )
    .option('--rules <file>', 'JSON file of signing rules, checked after the flags above')
    .option('--profile <name>', 'credentials from this profile of ~/.aws/config and ~/.aws/credentials')
}

/**
 * Builds the commander program. Each command's action stores its exit code in `result.code`.
 * Commander's own errors are thrown (`exitOverride`) so {@link runCli} can print one sentence.
 */
export function buildProgram(io: CliIo, result: { code: number }): Command {
  const program = new Command('awssig')
    .description(
      'Send a request to AWS signed with SigV4 or SigV4A, choosing service, region and algorithm per host.',
    )
    .usage('[options] <url>\n       awssig explain [options] <url>\n       awssig ws [options] <wss-url>')
    .argument('<url>', 'the URL to request')
    .option('-X, --request <method>', 'HTTP method (default: GET, or POST with a body)')
    .option('-H, --header <header>', "request header 'Name: value' (repeatable)", collect)
    .option(
      '-d, --data <data>',
      'body; @file reads a file without newlines, @- reads stdin (repeatable, joined with &)',
      collect,
    )
    .option('--data-binary <data>', 'body sent byte for byte; @file reads a file', collect)
    .option(
      '-F, --form <name=content>',
      'multipart field: name=value or name=@file[;type=mime] (repeatable)',
      collect,
    )
    .option('-i, --include', 'print the status line and response headers before the body')
    .option('-o, --output <file>', 'write the response body to a file')
    .option(
      '-v, --verbose',
      'print the plan, canonical request, string to sign and headers (secrets redacted) to stderr',
    )
    .option('--presign', 'print a presigned URL instead of sending the request')
    .addOption(new Option('--expires <seconds>', 'lifetime of a presigned URL, up to 604800').default('900'))
    .option(
      '--connect-to <HOST:PORT:CONNECT_HOST:CONNECT_PORT>',
      'connect elsewhere, keep the Host header (as curl)',
      collect,
    )
    .option('--resolve <HOST:PORT:ADDRESS>', 'use ADDRESS for HOST:PORT (as curl)', collect)
    .option('-m, --max-time <seconds>', 'give up after this many seconds')
    .option('-k, --insecure', 'accept any TLS certificate')
    .helpOption('-h, --help', 'show this help')
    .version(packageJson.version, '-V, --version')
    .addHelpText('after', examples)
    .showSuggestionAfterError(true)
    // Without this the root command would take explain's --rules, --service … for itself.
    .enablePositionalOptions()
    .action(async (url: string, options: Record<string, unknown>) => {
      result.code = await (await loadRequestCommand()).requestCommand(url, options, io)
    })
  addSigningOptions(program)
  reportThrough(program, io)

  const explain = new Command('explain')
    .description('say which rule or AWS hostname pattern matches a URL, and how it will be signed')
    .argument('<url>', 'the URL to explain')
    .option('--json', 'print the explanation as JSON')
    .action(async (url: string, options: Record<string, unknown>) => {
      result.code = await explainCommand(url, options, io)
    })
  addSigningOptions(explain)
  reportThrough(explain, io)
  program.addCommand(explain)

  const ws = new Command('ws')
    .description('open a signed WebSocket and relay lines between the terminal and it (like wscat)')
    .argument('<url>', 'the wss:// URL (API Gateway, IoT Core /mqtt, AppSync /graphql or /event/realtime)')
    .option('--print', 'print the signed handshake (a credential) to stdout instead of connecting')
    .option('--json', 'with --print: as JSON')
    .option('--message <payload>', 'with --print, AppSync: print the authorization of this message payload')
    .addOption(
      new Option('--protocol <protocol>', 'the protocol, when the path does not say').choices([
        'apigateway',
        'iot',
        'appsync-graphql',
        'appsync-events',
      ]),
    )
    .option('--headers', 'API Gateway: sign the upgrade headers instead of presigning the URL')
    .addOption(
      new Option('--appsync-auth <where>', 'AppSync: where the authorization goes').choices([
        'subprotocol',
        'query',
      ]),
    )
    .option('--http-url <url>', "AppSync: the API's HTTP endpoint, when it is not derived from the URL")
    .option('--expires <seconds>', 'lifetime of a presigned handshake URL (default 300)')
    .option('-v, --verbose', 'print the plan and handshake (secrets redacted) and ka messages')
    .option(
      '--connect-to <HOST:PORT:CONNECT_HOST:CONNECT_PORT>',
      'connect elsewhere, keep the Host header',
      collect,
    )
    .option('--resolve <HOST:PORT:ADDRESS>', 'use ADDRESS for HOST:PORT', collect)
    .action(async (url: string, options: Record<string, unknown>) => {
      result.code = await (await loadWsCommand()).wsCommand(url, options, io)
    })
  addSigningOptions(ws)
  reportThrough(ws, io)
  program.addCommand(ws)
  return program
}

/** Commander writes through `io` and throws instead of exiting, so {@link runCli} owns the exit code. */
function reportThrough(command: Command, io: CliIo): void {
  command.exitOverride().configureOutput({
    writeOut: (text) => io.stdout.write(text),
    writeErr: (text) => io.stderr.write(text),
    outputError: () => {},
  })
}

/**
 * Runs the CLI with `argv` (without `node` and the script path) and resolves to the exit code.
 * Never throws: every failure is printed to `io.stderr` as one sentence, never a stack trace.
 *
 * @example
 * const code = await runCli(['explain', 'https://iam.amazonaws.com/'], processIo)
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const result = { code: ExitCode.ok as number }
  try {
    await buildProgram(io, result).parseAsync(argv, { from: 'user' })
    return result.code
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return ExitCode.ok
      if (error.code === 'commander.help') return ExitCode.ok
      io.stderr.write(
        `awssig: ${error.message
          .replace(/^error: /, '')
          .replace(/\n+/g, ' ')
          .trim()} (see awssig --help)\n`,
      )
      return ExitCode.usage
    }
    const failure = describeFailure(error)
    io.stderr.write(`awssig: ${failure.message}\n`)
    return failure.exitCode
  }
}
