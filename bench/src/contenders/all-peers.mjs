import { awsSigv4SignContender } from './aws-sigv4-sign.mjs'
import { aws4Contender } from './aws4.mjs'
import { aws4AxiosContender } from './aws4-axios.mjs'
import { aws4fetchContender } from './aws4fetch.mjs'
import { smithyContender, smithyV4aContender } from './smithy.mjs'

/** Every peer signer, in the order the tables print them. */
export const PEERS = [
  smithyContender,
  aws4Contender,
  aws4fetchContender,
  awsSigv4SignContender,
  aws4AxiosContender,
  smithyV4aContender,
]
