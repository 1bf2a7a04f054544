// OpenAI SDK → Amazon Bedrock's OpenAI-compatible endpoint (bedrock-mantle), signed with SigV4.
//
//   const signedFetch = createSignedFetch(createSigner({ credentials }))   // bedrock-mantle is inferred
//   const openai = new OpenAI({
//     baseURL: 'https://bedrock-mantle.us-east-1.api.aws/v1',
//     apiKey: 'unused',                          // the SDK requires one ...
//     defaultHeaders: { Authorization: null },   // ... but its `Bearer` header must not be sent: awssig
//     fetch: signedFetch,                        //     passes a request that already has Authorization through unsigned
//   })
import OpenAI from 'openai'
import { HOSTS } from '../local-aws.mjs'

export const recipe = {
  name: 'OpenAI SDK (chat completions, streamed)',
  host: HOSTS.mantle,
  service: 'bedrock-mantle',
  rules: [],
  expected: 'Signed and streamed.',
  async run(signedFetch) {
    const openai = new OpenAI({
      baseURL: `https://${HOSTS.mantle}/v1`,
      apiKey: 'unused',
      defaultHeaders: { Authorization: null },
      fetch: signedFetch,
      maxRetries: 0,
    })
    const stream = await openai.chat.completions.create({
      model: 'openai.gpt-oss-120b',
      messages: [{ role: 'user', content: 'Say hello' }],
      stream: true,
    })
    let text = ''
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? ''
    return text
  },
}
