import { inject } from 'vitest'

/** The installed projects, or undefined (and the reason printed once per file) when this lane skips them. */
export function packedProjects() {
  const packed = inject('packed')
  if ('skip' in packed) return undefined
  return packed.projects
}
