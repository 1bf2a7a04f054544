import { describe, expect, it } from 'vitest'
import { isValidRegion, partitionOfRegion } from '../../src/aws-hosts'

// Partition region naming rules: AWS partition metadata (`regionRegex`), e.g. `^cn\-\w+\-\d+$` for aws-cn.
describe('partitionOfRegion', () => {
  it.each([
    ['us-east-1', 'aws'],
    ['us-west-2', 'aws'],
    ['eu-central-2', 'aws'],
    ['ap-southeast-7', 'aws'],
    ['mx-central-1', 'aws'],
    ['il-central-1', 'aws'],
    ['cn-north-1', 'aws-cn'],
    ['cn-northwest-1', 'aws-cn'],
    ['us-gov-west-1', 'aws-us-gov'],
    ['us-gov-east-1', 'aws-us-gov'],
    ['us-iso-east-1', 'aws-iso'],
    ['us-isob-east-1', 'aws-iso-b'],
    ['eu-isoe-west-1', 'aws-iso-e'],
    ['us-isof-south-1', 'aws-iso-f'],
    ['eusc-de-east-1', 'aws-eusc'],
    // Not launched, but follows the aws partition's rule: accepted rather than second-guessed.
    ['eu-future-9', 'aws'],
  ])('%s → %s', (region, partition) => {
    expect(partitionOfRegion(region)).toBe(partition)
    expect(isValidRegion(region)).toBe(true)
  })

  it.each([
    'us-west2',
    'US-WEST-2',
    'Us-west-2',
    'global',
    'aws-global',
    '',
    'us-east-1 ',
    ' us-east-1',
    'us-east-1a',
    'xx-east-1',
    'us_east_1',
    'us-east-',
    'cn-north',
    'eusc-fr-east-1',
    'us-east-1\n',
  ])('%j is not a region', (region) => {
    expect(isValidRegion(region)).toBe(false)
    expect(partitionOfRegion(region)).toBeUndefined()
  })
})
