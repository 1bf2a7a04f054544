export const placeholder = 'testing/msw'
