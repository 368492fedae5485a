/** The six public packages, where they live, and the tarballs `pnpm pack` made of them (global-setup.ts). */
import { join } from 'node:path'
import { inject } from 'vitest'
import { ROOT } from './env.js'

export const PACKAGES = [
  { dir: 'core', name: '@postmock/core' },
  { dir: 'adapter-node', name: '@postmock/adapter-node' },
  { dir: 'vitest', name: '@postmock/vitest' },
  { dir: 'jest', name: '@postmock/jest' },
  { dir: 'playwright', name: '@postmock/playwright' },
  { dir: 'cli', name: 'postmock' },
] as const

export type PackageName = (typeof PACKAGES)[number]['name']

export const REPOSITORY = 'https://github.com/postmock/postmock'

export function packageDir(dir: string): string {
  return join(ROOT, 'packages', dir)
}

export interface Packed {
  name: PackageName
  dir: string
  /** Absolute path of the .tgz. */
  tarball: string
  /** Paths inside the tarball, without the leading `package/`. */
  files: string[]
  bytes: number
}

export interface RegistryContext {
  /** The run's scratch folder (outside the workspace); removed at the end unless KEEP_REGISTRY_WORK is set. */
  work: string
  packed: Packed[]
  /** Why packing failed, if it did: every test that needs a tarball fails with it. */
  packError?: string
}

declare module 'vitest' {
  export interface ProvidedContext {
    registry: RegistryContext
  }
}

export function registry(): RegistryContext {
  return inject('registry')
}

/** The tarball of one package; throws the packing error when there is none. */
export function tarball(name: PackageName): string {
  const context = registry()
  const found = context.packed.find((p) => p.name === name)
  if (!found) throw new Error(`[registry] ${name} was not packed: ${context.packError ?? 'unknown reason'}`)
  return found.tarball
}
