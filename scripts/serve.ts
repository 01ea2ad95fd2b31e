#!/usr/bin/env node
// Serves the built site in dist/ and prints its URL: `npm start` (after a build) and `npm run preview`.
// Honours BASE_PATH, so a sub-path build is served where its links expect it. PORT sets the port (default 4321).
import fs from 'node:fs';
import path from 'node:path';
import { readSiteConfig } from '../src/config.ts';
import { createStaticServer } from '../src/lib/static-server.ts';

const root = path.resolve('dist');
if (!fs.existsSync(path.join(root, 'index.html'))) {
  console.error('serve: dist/ has no site yet. Run `npm run build` first (or `npm start`, which builds then serves).');
  process.exit(1);
}
const { basePath } = readSiteConfig();
const port = Number(process.env.PORT ?? 4321);
const server = createStaticServer(root, basePath);
server.listen(port, '127.0.0.1', () => {
  console.log(`Serving dist/ at http://localhost:${port}${basePath === '/' ? '/' : `${basePath}/`}  (Ctrl+C to stop)`);
});
