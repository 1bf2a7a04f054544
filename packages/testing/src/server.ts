export const placeholder = 'testing/server'
