/**
 * `@awssig/cli`: the `awssig` command, also usable as a library (for example to embed `explain` in
 * another tool). The binary is `dist/bin.cjs`.
 * @packageDocumentation
 */
export {
  CliError,
  ExitCode,
  type ExitCodeValue,
  SigningFailedError,
  TransportError,
  UsageError,
} from './cli-error'
export type { CliIo } from './cli-io'
export { type ExplainFlags, explainCommand } from './commands/explain-command'
export { type RequestFlags, requestCommand } from './commands/request-command'
export { buildProgram, runCli } from './program'
export { type LoadedRules, loadRulesFile, parseRules, type RulesFileRule } from './rules/load-rules-file'
export { type ConnectOverride, parseConnectTo, parseResolve } from './transport/connect-override'
