import { prototypeV4Contender } from './prototype-sigv4.mjs'
import { prototypeV4aContender } from './prototype-sigv4a.mjs'
import { prototypeV4aDirectContender } from './prototype-sigv4a-direct.mjs'

/** Prototypes of proposed core designs, timed beside the others to show what they would achieve. */
export const PROTOTYPES = [prototypeV4Contender, prototypeV4aContender, prototypeV4aDirectContender]
