export const placeholder = 'core/index'
