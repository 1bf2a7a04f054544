export const placeholder = 'fetch/index'
