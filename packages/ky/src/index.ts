export const placeholder = 'ky/index'
