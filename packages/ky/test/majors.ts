import ky1 from 'ky'
import ky2 from 'ky2'

/** Options both majors understand, plus the base URL under each major's name for it. */
export interface KyCreateOptions {
  hooks?: unknown
  retry?: unknown
  throwHttpErrors?: boolean
  fetch?: typeof fetch
  redirect?: RequestRedirect
  timeout?: number | false
}

export type KyCaller = (input: string, options?: Record<string, unknown>) => Promise<Response>

/** ky 1 and ky 2, created the same way: ky 1 calls the base URL `prefixUrl`, ky 2 `prefix`. */
export const MAJORS = [
  {
    name: 'ky 1',
    major: 1,
    create: (base: string, options: KyCreateOptions): KyCaller =>
      ky1.create({ prefixUrl: base, ...(options as object) }) as unknown as KyCaller,
  },
  {
    name: 'ky 2',
    major: 2,
    create: (base: string, options: KyCreateOptions): KyCaller =>
      ky2.create({ prefix: base, ...(options as object) }) as unknown as KyCaller,
  },
] as const
