import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

// The fast twin of `npm run docs` (TypeDoc with `validation.notDocumented`
// and `treatWarningsAsErrors`): every declaration exported from a public entry
// point has a doc comment, checked with the TypeScript compiler API so CI
// catches a missing one without running TypeDoc. TypeDoc also checks the
// methods of exported classes and interfaces; this test checks the exports.

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const typedoc = JSON.parse(readFileSync(path.join(REPO, 'typedoc.json'), 'utf8')) as { entryPoints: string[] };
const ENTRIES = typedoc.entryPoints.map((p) => path.join(REPO, p));

/**
 * The names exported by `entry` whose declarations (in this repository) carry
 * no doc comment, and how many exports were checked.
 */
function undocumentedExports(program: ts.Program, entry: string): { checked: number; missing: string[] } {
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  if (!source) throw new Error(`${entry} is not in the program`);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (!moduleSymbol) return { checked: 0, missing: [] };
  const missing: string[] = [];
  let checked = 0;
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const own = (symbol.declarations ?? []).filter(
      (d) => !ts.isSourceFile(d) && !d.getSourceFile().fileName.includes('node_modules'),
    );
    if (own.length === 0) continue;
    checked++;
    if (!own.some((d) => ts.getJSDocCommentsAndTags(d).length > 0)) {
      missing.push(`${exported.name} (${path.relative(REPO, own[0].getSourceFile().fileName)})`);
    }
  }
  return { checked, missing };
}

/** A program over the public entry points alone, with the repository's compiler options. */
function entryProgram(): ts.Program {
  const config = ts.readConfigFile(path.join(REPO, 'tsconfig.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, REPO);
  return ts.createProgram(ENTRIES, { ...options, noEmit: true });
}

describe('doc comments on the public API', () => {
  let program: ts.Program;
  beforeAll(() => {
    program = entryProgram();
  }, 120_000);

  it('covers every entry point TypeDoc documents', () => {
    expect(ENTRIES.length).toBeGreaterThanOrEqual(9);
    for (const entry of ENTRIES) expect(program.getSourceFile(entry), entry).toBeDefined();
  });

  it.each(typedoc.entryPoints)('every export of %s has a doc comment', (entry) => {
    const { checked, missing } = undocumentedExports(program, path.join(REPO, entry));
    expect(checked).toBeGreaterThan(0);
    expect(missing).toEqual([]);
  });

  it('finds an export without a doc comment', () => {
    const file = path.join(REPO, 'src/metrics/__tsdocProbe.ts');
    const host = ts.createCompilerHost({});
    const read = host.readFile;
    host.readFile = (f) =>
      path.resolve(f) === file ? '/** Documented. */\nexport const a = 1;\nexport function b(): void {}\n' : read.call(host, f);
    const fileExists = host.fileExists;
    host.fileExists = (f) => path.resolve(f) === file || fileExists.call(host, f);
    const probe = ts.createProgram([file], { noEmit: true }, host);
    expect(undocumentedExports(probe, file)).toEqual({ checked: 2, missing: ['b (src/metrics/__tsdocProbe.ts)'] });
  });
});
