export const placeholder = 'axios/index'
