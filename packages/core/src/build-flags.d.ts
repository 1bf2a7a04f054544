/**
 * True in every build except `index.production.js` (the `production` export condition), where the bundler
 * drops what it guards: the prose of validation errors and plan explanations, which development builds and
 * Node show in full. Replaced at build time (tsup `define`, vitest `define`); never read at run time.
 */
declare const __DEV__: boolean
