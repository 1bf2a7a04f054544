// MCP TypeScript SDK: the Streamable HTTP client transport to an IAM-protected MCP server (Bedrock
// AgentCore Runtime), signed with SigV4.
//
//   const signedFetch = createSignedFetch(createSigner({ credentials }))   // bedrock-agentcore is inferred
//   const transport = new StreamableHTTPClientTransport(new URL(invocationsUrl), { fetch: signedFetch })
//   const client = new Client({ name: 'my-agent', version: '1.0.0' })
//   await client.connect(transport)
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import { HOSTS } from '../local-aws.mjs'

const runtimeArn = 'arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/calculator-AbCdEf1234'

export const recipe = {
  name: 'MCP SDK (Streamable HTTP transport, AgentCore Runtime)',
  host: HOSTS.agentcore,
  service: 'bedrock-agentcore',
  rules: [],
  expected: 'add → 5',
  async run(signedFetch) {
    const url = new URL(
      `https://${HOSTS.agentcore}/runtimes/${encodeURIComponent(runtimeArn)}/invocations?qualifier=DEFAULT`,
    )
    const transport = new StreamableHTTPClientTransport(url, { fetch: signedFetch })
    const client = new Client({ name: 'awssig-recipe', version: '1.0.0' })
    await client.connect(transport)
    try {
      const { tools } = await client.listTools()
      const result = await client.callTool({ name: tools[0].name, arguments: { a: 2, b: 3 } })
      return `${tools[0].name} → ${result.content[0].text}`
    } finally {
      await client.close()
    }
  },
}
