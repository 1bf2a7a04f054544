// Anthropic SDK → Bedrock's Anthropic-compatible Messages endpoint, signed with SigV4.
//
//   const signedFetch = createSignedFetch(createSigner({ credentials }))
//   const anthropic = new Anthropic({
//     baseURL: 'https://bedrock-mantle.us-east-1.api.aws/anthropic',
//     apiKey: 'unused',                          // the SDK requires a key, sent as `Authorization: Bearer`:
//     defaultHeaders: { Authorization: null },   // removed, or awssig passes the request through unsigned
//     fetch: signedFetch,
//   })
// (The path of the Anthropic-compatible endpoint is the one this recipe assumes; check Bedrock's
// documentation for your region. The signing does not depend on it.)
import Anthropic from '@anthropic-ai/sdk'
import { HOSTS } from '../local-aws.mjs'

export const recipe = {
  name: 'Anthropic SDK (messages)',
  host: HOSTS.mantle,
  service: 'bedrock-mantle',
  rules: [],
  expected: 'Signed by awssig.',
  async run(signedFetch) {
    const anthropic = new Anthropic({
      baseURL: `https://${HOSTS.mantle}/anthropic`,
      apiKey: 'unused',
      defaultHeaders: { Authorization: null },
      fetch: signedFetch,
      maxRetries: 0,
    })
    const message = await anthropic.messages.create({
      model: 'anthropic.claude-sonnet-4-5',
      max_tokens: 64,
      messages: [{ role: 'user', content: 'Say hello' }],
    })
    return message.content.map((block) => (block.type === 'text' ? block.text : '')).join('')
  },
}
