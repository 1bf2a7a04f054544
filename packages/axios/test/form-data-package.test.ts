import { attachSigner, createSigner } from '@awssig/axios'
import { awsHandlers } from '@awssig/testing/msw'
import axios from 'axios'
import NodeFormData from 'form-data'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CREDENTIALS, type Echo, ENDPOINTS, echoWithForm, REGIONAL_HOST, RULES } from './fixtures'

const server = setupServer(
  ...awsHandlers({ credentials: [CREDENTIALS], endpoints: ENDPOINTS, resolver: echoWithForm }),
)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

describe('the form-data package (what Node code written for older axios passes)', () => {
  it('is read once, signed with its own boundary, and parsed by the server', async () => {
    const form = new NodeFormData()
    form.append('field', 'välue')
    form.append('file', Buffer.from('file content ✓\n'), { filename: 'notes.txt', contentType: 'text/plain' })
    const api = axios.create({ adapter: 'http', validateStatus: () => true })
    attachSigner(api, createSigner({ credentials: CREDENTIALS, rules: RULES }))

    const response = await api.post<Echo>(`https://${REGIONAL_HOST}/prod/upload`, form)

    expect(response.status, JSON.stringify(response.data)).toBe(200)
    expect(response.data.form).toEqual({ field: 'välue', file: 'file content ✓\n' })
    expect(response.data.signedHeaders).toContain('content-type')
  })
})
