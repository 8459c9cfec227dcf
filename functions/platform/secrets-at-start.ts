/**
 * Imported first by every Lambda entry that reads a secret: its top-level await finishes before the
 * entry's own code runs, so the configuration finds the secrets (secrets.ts). Nothing happens when
 * the environment names none (the local runtime and the tests).
 */
import { loadSecretsIntoEnv } from './config.ts';

await loadSecretsIntoEnv();
