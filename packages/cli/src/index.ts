export const placeholder = 'cli/index'
