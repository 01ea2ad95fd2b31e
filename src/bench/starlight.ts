/**
 * A stock Astro Starlight site in a scratch folder, installed from npm, used
 * as the benchmark's reference. Nothing of it is committed.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const STARLIGHT_VERSIONS = { astro: '7.3.5', '@astrojs/starlight': '0.42.4' } as const;

/** Creates (once) and returns the folder of the reference site. */
export function ensureStarlightSite(dir: string, log: (line: string) => void): string {
  const marker = path.join(dir, 'node_modules/@astrojs/starlight/package.json');
  if (fs.existsSync(marker)) return dir;
  fs.mkdirSync(path.join(dir, 'src/content/docs'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    `${JSON.stringify({ name: 'bench-starlight', private: true, type: 'module', dependencies: STARLIGHT_VERSIONS }, null, 2)}\n`,
  );
  fs.writeFileSync(
    path.join(dir, 'astro.config.mjs'),
    "import starlight from '@astrojs/starlight';\nimport { defineConfig } from 'astro/config';\n\nexport default defineConfig({ integrations: [starlight({ title: 'Knowledge base' })] });\n",
  );
  fs.writeFileSync(
    path.join(dir, 'src/content.config.ts'),
    "import { defineCollection } from 'astro:content';\nimport { docsLoader } from '@astrojs/starlight/loaders';\nimport { docsSchema } from '@astrojs/starlight/schema';\n\nexport const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };\n",
  );
  log(`installing Starlight ${STARLIGHT_VERSIONS['@astrojs/starlight']} into ${dir} (one time)`);
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'inherit' });
  return dir;
}
