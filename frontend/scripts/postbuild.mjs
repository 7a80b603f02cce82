// Vite runs with emptyOutDir: false so the committed dist/.gitkeep survives
// (main.go embeds frontend/dist and needs the folder in a fresh clone).
//   node scripts/postbuild.mjs --clean   before the build: drop the old build output
//   node scripts/postbuild.mjs           after the build: make sure .gitkeep exists
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = new URL('../dist/', import.meta.url).pathname;
mkdirSync(dist, { recursive: true });
if (process.argv.includes('--clean')) {
  for (const f of readdirSync(dist)) {
    if (f !== '.gitkeep') rmSync(join(dist, f), { recursive: true, force: true });
  }
}
if (!existsSync(join(dist, '.gitkeep'))) writeFileSync(join(dist, '.gitkeep'), '');
