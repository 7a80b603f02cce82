// Vite runs with emptyOutDir: false so the committed dist/.gitkeep survives
// (main.go embeds frontend/dist and needs the folder in a fresh clone).
// Here we drop assets that the build just made stale and make sure .gitkeep exists.
import { readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const dist = new URL('../dist/', import.meta.url).pathname;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const assets = join(dist, 'assets');
if (existsSync(assets)) {
  for (const f of readdirSync(assets)) {
    if (!html.includes(`assets/${f}`) && !f.endsWith('.woff2') && !f.endsWith('.svg') && !f.endsWith('.png')) {
      rmSync(join(assets, f));
    }
  }
}
if (!existsSync(join(dist, '.gitkeep'))) writeFileSync(join(dist, '.gitkeep'), '');
