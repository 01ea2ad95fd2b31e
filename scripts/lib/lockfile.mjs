// Pure helpers for package-lock.json. See scripts/fix-lockfile.mjs for why.

/**
 * The parts of a package-lock.json (lockfileVersion 3) these helpers read.
 * @typedef {{ version?: string, optional?: boolean, optionalDependencies?: Record<string, string>, [field: string]: unknown }} LockEntry
 * @typedef {{ packages: Record<string, LockEntry>, [field: string]: unknown }} Lock
 */

/**
 * Parses the text of a package-lock.json, refusing anything without a `packages` object.
 * @param {string} text
 * @returns {Lock}
 */
export function parseLock(text) {
  /** @type {unknown} */
  const lock = JSON.parse(text);
  if (typeof lock !== 'object' || lock === null || !('packages' in lock) || typeof lock.packages !== 'object' || lock.packages === null) {
    throw new Error('package-lock.json has no "packages" object (lockfileVersion 2 or newer is needed)');
  }
  return /** @type {Lock} */ (lock);
}

/** Platform words in binding package names, mapped to npm's `os` values. @type {Record<string, string | undefined>} */
const OS_WORDS = {
  darwin: 'darwin',
  linux: 'linux',
  win32: 'win32',
  windows: 'win32',
  android: 'android',
  freebsd: 'freebsd',
  openbsd: 'openbsd',
  sunos: 'sunos',
  aix: 'aix',
};
/** CPU words in binding package names, mapped to npm's `cpu` values. @type {Record<string, string | undefined>} */
const CPU_WORDS = {
  arm64: 'arm64',
  aarch64: 'arm64',
  x64: 'x64',
  ia32: 'ia32',
  arm: 'arm',
  wasm32: 'wasm32',
  riscv64: 'riscv64',
  s390x: 's390x',
  ppc64: 'ppc64',
  loong64: 'loong64',
};

/**
 * Reads `os`, `cpu` and `libc` from a platform package name such as
 * `@astrojs/compiler-binding-linux-arm64-musl` or `@pagefind/windows-x64`.
 * @param {string} name
 * @returns {{ os?: string[], cpu?: string[], libc?: string[] }}
 */
export function platformOf(name) {
  const words = name.slice(name.lastIndexOf('/') + 1).split('-');
  const os = words.map((w) => OS_WORDS[w]).find(Boolean);
  const cpu = words.map((w) => CPU_WORDS[w]).find(Boolean);
  const libc = words.includes('musl') ? 'musl' : words.includes('gnu') ? 'glibc' : undefined;
  return { ...(os && { os: [os] }), ...(cpu && { cpu: [cpu] }), ...(libc && { libc: [libc] }) };
}

/**
 * Lists lock entries to add: optional dependencies that a package declares but
 * the lock does not hold, each as `[path, entry]`.
 * @param {Lock} lock
 * @returns {Array<[string, LockEntry]>}
 */
export function missingOptionalEntries(lock) {
  const out = [];
  for (const [path, pkg] of Object.entries(lock.packages)) {
    for (const [dep, range] of Object.entries(pkg.optionalDependencies ?? {})) {
      const nested = `${path ? `${path}/` : ''}node_modules/${dep}`;
      const hoisted = `node_modules/${dep}`;
      if (lock.packages[nested] || lock.packages[hoisted]) continue;
      if (out.some(([p]) => p === hoisted)) continue;
      const version = String(range).replace(/^[\^~=]/, '');
      out.push([hoisted, { version, optional: true, ...platformOf(dep) }]);
    }
  }
  return out.sort(([a], [b]) => (a < b ? -1 : 1));
}
