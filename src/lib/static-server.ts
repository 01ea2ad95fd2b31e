/**
 * Serves a built site on this machine: `npm start`, `npm run preview`, the PDF book, Lighthouse and
 * the browser tests. Files are found and typed by sirv; this module adds the base path, the site's
 * 404 page with status 404, and a UTF-8 charset on the text files the build writes. Production
 * hosting is any static host.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import sirv from 'sirv';

/** sirv adds a charset to HTML only; every text file the build writes is UTF-8. */
const UTF8_TEXT: Record<string, string> = {
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
};

/**
 * The request path below the base path (`/playbook/notes/a/` → `/notes/a/`, query kept), or null
 * when the request is outside it.
 */
export function stripBase(basePath: string, url: string): string | null {
  const prefix = basePath.replace(/\/$/, '');
  if (!prefix) return url;
  if (url === prefix || url.startsWith(`${prefix}?`)) return `/${url.slice(prefix.length)}`;
  return url.startsWith(`${prefix}/`) ? url.slice(prefix.length) : null;
}

export function createStaticServer(root: string, basePath = '/'): http.Server {
  const notFoundPage = path.join(root, '404.html');
  const notFound = (response: http.ServerResponse) => {
    response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
    response.end(fs.existsSync(notFoundPage) ? fs.readFileSync(notFoundPage) : 'Not found');
  };
  const files = sirv(root, {
    // Looks files up on each request, so a rebuild while serving is picked up (no start-up cache).
    dev: true,
    setHeaders: (response, pathname) => {
      const type = UTF8_TEXT[path.extname(pathname)];
      if (type) response.setHeader('content-type', type);
    },
    onNoMatch: (_request, response) => notFound(response),
  });
  return http.createServer((request, response) => {
    const inside = stripBase(basePath, request.url ?? '/');
    if (inside === null) return notFound(response);
    request.url = inside;
    files(request, response);
  });
}
