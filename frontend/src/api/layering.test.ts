// The layering rule from DESIGN.md: src/api/* is the only importer of the
// generated wailsjs bindings; screens call typed wrappers instead.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(__dirname, '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return files(p);
    return /\.(tsx?|jsx?|mjs)$/.test(f) ? [p] : [];
  });
}

const IMPORT = /(?:import|export)\s[^;]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;

describe('wailsjs imports', () => {
  it('happen only in src/api', () => {
    const offenders: string[] = [];
    for (const f of files(SRC)) {
      const rel = relative(SRC, f).split('\\').join('/');
      if (rel.startsWith('api/')) continue;
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(IMPORT)) {
        const spec = m[1] ?? m[2] ?? m[3] ?? '';
        if (spec.includes('wailsjs')) offenders.push(`${rel}: ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('the rule would catch an offender', () => {
    const sample = "import { Status } from '../../wailsjs/go/app/ShopService';";
    const specs = [...sample.matchAll(IMPORT)].map((m) => m[1]);
    expect(specs).toEqual(['../../wailsjs/go/app/ShopService']);
  });
});
