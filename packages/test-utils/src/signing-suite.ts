import { fileURLToPath } from 'node:url'

/**
 * The repository's one copy of the AWS signing test suite (from aws-c-auth, with its LICENSE and NOTICE).
 * Each package parses it its own way: @awssig/testing must stay independent of the signer it checks.
 */
export const SUITE_DIR = fileURLToPath(new URL('../vectors/aws-signing-test-suite/', import.meta.url))
