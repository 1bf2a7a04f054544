// Runs every recipe three ways against the local verifying server and exits non-zero unless
//   signed      → the client gets the expected answer,
//   unsigned    → the client fails (the server refuses the request),
//   mis-scoped  → the client fails (signed for another service than the endpoint's; a rule with another
//                 region is refused by createSigner itself when the hostname names the region).
// So a recipe that stops signing, or signs for the wrong scope, fails CI.
import { createSignedFetch, createSigner } from '@awssig/fetch'
import { CREDENTIALS, startLocalAws } from './local-aws.mjs'
import { recipe as aiSdk } from './recipes/ai-sdk.mjs'
import { recipe as anthropic } from './recipes/anthropic.mjs'
import { recipe as apollo } from './recipes/apollo.mjs'
import { recipe as graphqlRequest } from './recipes/graphql-request.mjs'
import { recipe as mcp } from './recipes/mcp.mjs'
import { recipe as openai } from './recipes/openai.mjs'
import { recipe as openapiFetch } from './recipes/openapi-fetch.mjs'

const recipes = [openai, aiSdk, anthropic, mcp, apollo, graphqlRequest, openapiFetch]
const only = process.argv[2]
const server = await startLocalAws()

const signedWith = (rules) =>
  createSignedFetch(createSigner({ credentials: CREDENTIALS, rules }), { fetch: server.fetch })
const modes = {
  signed: (recipe) => signedWith(recipe.rules),
  unsigned: () => server.fetch,
  'mis-scoped': (recipe) =>
    signedWith([
      { host: recipe.host, service: recipe.service === 'execute-api' ? 'appsync' : 'execute-api' },
    ]),
}

let failed = 0
for (const recipe of recipes.filter((r) => !only || r.name.toLowerCase().includes(only))) {
  for (const [mode, makeFetch] of Object.entries(modes)) {
    const before = server.requests.length
    let outcome
    try {
      outcome = { ok: true, value: await recipe.run(makeFetch(recipe)) }
    } catch (error) {
      outcome = {
        ok: false,
        value: String(error?.message ?? error)
          .split('\n')[0]
          .slice(0, 120),
      }
    }
    const statuses = server.requests.slice(before).map((r) => r.status)
    const pass =
      mode === 'signed'
        ? outcome.ok &&
          String(outcome.value).includes(recipe.expected) &&
          statuses.every((s) => s < 400 || s === 405) // 405: an MCP server without a GET stream
        : !outcome.ok && statuses.some((s) => s === 403)
    if (!pass) failed += 1
    console.log(
      `${pass ? 'ok  ' : 'FAIL'} ${recipe.name} — ${mode}: ${outcome.ok ? 'answered' : 'refused'} (${outcome.value}) [HTTP ${statuses.join(', ') || 'none'}]`,
    )
  }
}
// The documented pitfall: an SDK that keeps its `Authorization: Bearer <placeholder>` is passed through
// unsigned (awssig never drops a bearer on its own: it may be a real Bedrock API key), so AWS refuses it.
if (!only || 'bearer'.includes(only)) {
  const before = server.requests.length
  const { default: OpenAI } = await import('openai')
  const openaiKeepingBearer = new OpenAI({
    baseURL: `https://${openai.host}/v1`,
    apiKey: 'placeholder',
    fetch: signedWith([]),
    maxRetries: 0,
  })
  const outcome = await openaiKeepingBearer.models.list().then(
    () => 'answered',
    (error) => `refused (${String(error.message).split('\n')[0].slice(0, 60)})`,
  )
  const statuses = server.requests.slice(before).map((r) => r.status)
  const pass =
    outcome.startsWith('refused') && statuses.length === 1 && (statuses[0] === 400 || statuses[0] === 403)
  if (!pass) failed += 1
  console.log(
    `${pass ? 'ok  ' : 'FAIL'} OpenAI SDK keeping its Bearer header — passed through unsigned: ${outcome} [HTTP ${statuses.join(', ')}]`,
  )
}

await server.close()
if (failed) {
  console.error(`${failed} check(s) failed`)
  process.exit(1)
}
