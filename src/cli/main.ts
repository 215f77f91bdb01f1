#!/usr/bin/env node
/**
 * The `tfjs-methodology` program (the package's `bin`): `npx tfjs-methodology
 * study list|trials|best --storage <journal-path | postgres-url> [--study NAME]`.
 * This file is the program itself and runs when executed; the library's
 * modules never import it.
 */
import { runCli } from './study';

runCli(process.argv.slice(2)).then(
  ({ code, stdout, stderr }) => {
    if (stdout) process.stdout.write(stdout);
    if (stderr) process.stderr.write(stderr);
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`tfjs-methodology: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
