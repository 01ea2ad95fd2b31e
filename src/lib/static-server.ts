/**
 * A small static file server for the built site: directory indexes, the
 * site's 404 page, content types, and the base path. Used by `npm start` and
 * the browser tests; production hosting is any static host.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.pdf': 'application/pdf',
  '.md': 'text/markdown; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** Resolves a request path to a file inside `root`, or null. Never leaves `root`. */
export function resolveFile(root: string, basePath: string, requestPath: string): string | null {
  const prefix = basePath.replace(/\/$/, '');
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(requestPath, 'http://localhost').pathname);
  } catch {
    return null;
  }
  if (prefix && !(pathname === prefix || pathname.startsWith(`${prefix}/`))) return null;
  const relative = pathname.slice(prefix.length) || '/';
  let file = path.join(root, relative);
  if (file !== root && !file.startsWith(`${root}${path.sep}`)) return null;
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
  return fs.existsSync(file) && fs.statSync(file).isFile() ? file : null;
}

export function createStaticServer(root: string, basePath = '/'): http.Server {
  return http.createServer((request, response) => {
    const file = resolveFile(root, basePath, request.url ?? '/');
    if (!file) {
      const notFound = path.join(root, '404.html');
      response.writeHead(404, { 'content-type': TYPES['.html'] ?? 'text/html' });
      response.end(fs.existsSync(notFound) ? fs.readFileSync(notFound) : 'Not found');
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(response);
  });
}
