import { describe, expect, it } from 'vitest'
import { packedProjects } from './support/context'
import { run } from './support/run'

const projects = packedProjects()

describe.skipIf(!projects)('the packed CLI', () => {
  it('npx awssig explain names the plan for an AWS host', () => {
    const result = run(
      'npx',
      [
        '--no-install',
        'awssig',
        'explain',
        'https://bedrock-runtime.eu-central-1.amazonaws.com/model/x/invoke',
      ],
      {
        cwd: projects?.node ?? '',
      },
    )
    expect(result.status, result.output).toBe(0)
    expect(result.output).toContain('bedrock')
    expect(result.output).toContain('eu-central-1')
  })
})
