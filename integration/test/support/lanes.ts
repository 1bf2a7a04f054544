/**
 * Soak and skew run on the Node 20 lane only, to keep CI short (issue 7); set AWSSIG_SOAK=1 to run them on
 * any Node.
 */
export const onNode20Lane = process.versions.node.startsWith('20.') || process.env.AWSSIG_SOAK === '1'
