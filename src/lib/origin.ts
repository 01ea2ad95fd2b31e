/**
 * Whether a site address can be opened by someone else: the test for printing
 * an address or a QR code, or claiming a canonical URL. No Node APIs, so the
 * worksheet model (which may run in a browser) can use it.
 */

/** Hosts only the machine that built the site can reach, or that can never resolve. */
const PRIVATE_HOST = /(^|\.)(localhost|local|invalid|test|internal|home\.arpa)$/;

/**
 * True for an `http:`/`https:` address whose host others can open; false for
 * `localhost` (and `*.localhost`), loopback addresses (`127.x.x.x`, `::1`),
 * `0.0.0.0`, and the names reserved for local or fake use (`.local`,
 * `.invalid`, `.test`, `.internal`, `.home.arpa`). Other private networks
 * (10.x, 192.168.x) count as public: an intranet is a real place to host.
 */
export function isPublicOrigin(address: string): boolean {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (!host) return false;
  if (/^127\.\d+\.\d+\.\d+$/.test(host) || host === '0.0.0.0') return false;
  if (host === '[::1]' || host === '[::]' || /^\[::ffff:(127\.|7f)/.test(host)) return false;
  return !PRIVATE_HOST.test(host);
}
