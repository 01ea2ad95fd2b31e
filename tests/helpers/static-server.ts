/** Serves a built site on a free loopback port for browser tests (the same server as `npm start`). */
import type { AddressInfo } from 'node:net';
import { createStaticServer } from '../../src/lib/static-server.ts';

export async function serveStatic(root: string, basePath = '/'): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createStaticServer(root, basePath);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
