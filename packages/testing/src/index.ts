export const placeholder = 'testing/index'
