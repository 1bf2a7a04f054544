// Vercel AI SDK: an OpenAI-compatible provider whose fetch signs, against Bedrock's bedrock-mantle endpoint.
//
//   const signedFetch = createSignedFetch(createSigner({ credentials }))
//   const bedrock = createOpenAICompatible({
//     name: 'bedrock-mantle',
//     baseURL: 'https://bedrock-mantle.us-east-1.api.aws/v1',
//     fetch: signedFetch,                  // no apiKey: no Authorization header, so awssig signs
//   })
//   const result = streamText({ model: bedrock.chatModel('openai.gpt-oss-120b'), prompt: '…' })
import { createOpenAICompatible } from '@ai-sdk/openai-compatible'
import { streamText } from 'ai'
import { HOSTS } from '../local-aws.mjs'

export const recipe = {
  name: 'Vercel AI SDK (streamText, OpenAI-compatible provider)',
  host: HOSTS.mantle,
  service: 'bedrock-mantle',
  rules: [],
  expected: 'Signed and streamed.',
  async run(signedFetch) {
    const bedrock = createOpenAICompatible({
      name: 'bedrock-mantle',
      baseURL: `https://${HOSTS.mantle}/v1`,
      fetch: signedFetch,
    })
    let failure
    const result = streamText({
      model: bedrock.chatModel('openai.gpt-oss-120b'),
      prompt: 'Say hello',
      maxRetries: 0,
      onError: ({ error }) => {
        failure = error
      },
    })
    let text = ''
    for await (const part of result.textStream) text += part
    if (failure) throw failure
    return text
  },
}
