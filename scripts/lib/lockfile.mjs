// Pure helpers for package-lock.json. See scripts/fix-lockfile.mjs for why.

/** Platform words in binding package names, mapped to npm's `os` values. */
const OS_WORDS = { darwin: 'darwin', linux: 'linux', win32: 'win32', windows: 'win32', android: 'android', freebsd: 'freebsd', openbsd: 'openbsd', sunos: 'sunos', aix: 'aix' };
/** CPU words in binding package names, mapped to npm's `cpu` values. */
const CPU_WORDS = { arm64: 'arm64', aarch64: 'arm64', x64: 'x64', ia32: 'ia32', arm: 'arm', wasm32: 'wasm32', riscv64: 'riscv64', s390x: 's390x', ppc64: 'ppc64', loong64: 'loong64' };

/**
 * Reads `os`, `cpu` and `libc` from a platform package name such as
 * `@astrojs/compiler-binding-linux-arm64-musl` or `@pagefind/windows-x64`.
 * @param {string} name
 * @returns {{ os?: string[], cpu?: string[], libc?: string[] }}
 */
export function platformOf(name) {
  const words = name.split('/').pop().split('-');
  const os = words.map((w) => OS_WORDS[w]).find(Boolean);
  const cpu = words.map((w) => CPU_WORDS[w]).find(Boolean);
  const libc = words.includes('musl') ? 'musl' : words.includes('gnu') ? 'glibc' : undefined;
  return { ...(os && { os: [os] }), ...(cpu && { cpu: [cpu] }), ...(libc && { libc: [libc] }) };
}

/**
 * Lists lock entries to add: optional dependencies that a package declares but
 * the lock does not hold, each as `[path, entry]`.
 * @param {{ packages: Record<string, any> }} lock
 * @returns {Array<[string, Record<string, unknown>]>}
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
