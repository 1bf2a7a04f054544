// A local stand-in for the AWS endpoints the recipes call: @awssig/testing's verifying server checks every
// signature as AWS does (wrong key, scope, service or region → AWS's error), and answers accepted requests as
// the real service would (OpenAI-compatible chat with server-sent events, Anthropic messages, MCP JSON-RPC,
// GraphQL, REST).
import { startVerifyingServer } from '@awssig/testing/server'

export const REGION = 'us-east-1'
export const CREDENTIALS = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
}
export const HOSTS = {
  mantle: `bedrock-mantle.${REGION}.api.aws`,
  agentcore: `bedrock-agentcore.${REGION}.amazonaws.com`,
  appsync: 'abc123example.appsync-api.eu-west-1.amazonaws.com',
  apigateway: 'abc123example.execute-api.eu-west-1.amazonaws.com',
}

const json = (body, status = 200, headers = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } })

/** OpenAI chat completions: a JSON answer, or server-sent events when `stream: true`. */
function chatCompletion(input) {
  const words = ['Signed ', 'and ', 'streamed.']
  if (!input.stream) {
    return json({
      id: 'chatcmpl-local',
      object: 'chat.completion',
      created: 1764763200,
      model: input.model,
      choices: [{ index: 0, message: { role: 'assistant', content: words.join('') }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 5, completion_tokens: 3, total_tokens: 8 },
    })
  }
  const chunk = (delta, finish = null) =>
    `data: ${JSON.stringify({ id: 'chatcmpl-local', object: 'chat.completion.chunk', created: 1764763200, model: input.model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`
  const events = [
    chunk({ role: 'assistant', content: '' }),
    ...words.map((w) => chunk({ content: w })),
    chunk({}, 'stop'),
    'data: [DONE]\n\n',
  ]
  return new Response(events.join(''), { headers: { 'content-type': 'text/event-stream' } })
}

/** Anthropic Messages API. */
function anthropicMessage(input) {
  return json({
    id: 'msg_local',
    type: 'message',
    role: 'assistant',
    model: input.model,
    content: [{ type: 'text', text: 'Signed by awssig.' }],
    stop_reason: 'end_turn',
    stop_sequence: null,
    usage: { input_tokens: 5, output_tokens: 4 },
  })
}

/** MCP Streamable HTTP: JSON-RPC over POST, answered as JSON; no server-initiated stream (GET → 405). */
function mcp(request, input) {
  if (request.method === 'GET') return new Response(null, { status: 405 })
  if (request.method === 'DELETE') return new Response(null, { status: 200 })
  if (input.id === undefined) return new Response(null, { status: 202 })
  const session = { 'mcp-session-id': 'session-local-1' }
  const results = {
    initialize: {
      protocolVersion: input.params?.protocolVersion ?? '2025-06-18',
      capabilities: { tools: {} },
      serverInfo: { name: 'local-agentcore-mcp', version: '1.0.0' },
    },
    'tools/list': {
      tools: [
        {
          name: 'add',
          description: 'Adds two numbers',
          inputSchema: { type: 'object', properties: { a: { type: 'number' }, b: { type: 'number' } } },
        },
      ],
    },
    'tools/call': {
      content: [
        { type: 'text', text: String((input.params?.arguments?.a ?? 0) + (input.params?.arguments?.b ?? 0)) },
      ],
    },
  }
  const result = results[input.method]
  if (!result)
    return json(
      { jsonrpc: '2.0', id: input.id, error: { code: -32601, message: 'Method not found' } },
      200,
      session,
    )
  return json({ jsonrpc: '2.0', id: input.id, result }, 200, session)
}

/** AppSync over HTTP: one query. */
function graphql(input) {
  if (!/\btodos\b/.test(input.query ?? '')) return json({ errors: [{ message: 'Unknown query' }] }, 400)
  return json({ data: { todos: [{ __typename: 'Todo', id: '1', title: 'Sign at the fetch layer' }] } })
}

/** API Gateway REST API: GET /prod/pets/{id}. */
function restApi(url) {
  const match = /^\/prod\/pets\/(\d+)$/.exec(url.pathname)
  if (!match) return json({ message: 'Missing Authentication Token' }, 403)
  return json({ id: Number(match[1]), name: 'Rex', tag: 'dog' })
}

async function answer({ request }) {
  const url = new URL(request.url)
  const text = request.method === 'POST' ? await request.text() : ''
  const input = text ? JSON.parse(text) : {}
  if (url.hostname === HOSTS.mantle && url.pathname === '/v1/chat/completions') return chatCompletion(input)
  if (url.hostname === HOSTS.mantle && url.pathname === '/anthropic/v1/messages')
    return anthropicMessage(input)
  if (url.hostname === HOSTS.agentcore) return mcp(request, input)
  if (url.hostname === HOSTS.appsync) return graphql(input)
  if (url.hostname === HOSTS.apigateway) return restApi(url)
  return json({ message: 'Not found' }, 404)
}

/** Starts the verifying server for every recipe host. */
export function startLocalAws() {
  return startVerifyingServer({
    port: 0,
    credentials: [CREDENTIALS],
    endpoints: {
      [HOSTS.mantle]: { service: 'bedrock-mantle', region: REGION },
      [HOSTS.agentcore]: { service: 'bedrock-agentcore', region: REGION },
      [HOSTS.appsync]: { service: 'appsync', region: 'eu-west-1' },
      [HOSTS.apigateway]: { service: 'execute-api', region: 'eu-west-1' },
    },
    resolver: answer,
  })
}
