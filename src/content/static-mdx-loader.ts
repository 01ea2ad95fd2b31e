/**
 * A glob loader whose `.mdx` entries arrive already rendered to HTML.
 *
 * Astro's glob loader compiles each `.mdx` entry to a JS module at build time;
 * for a note that is only Markdown and our allowed components, that is most of
 * the build's work for nothing (see src/markdown/render-static.ts). This loader
 * keeps everything the glob loader does (ids, frontmatter, schema validation,
 * the cache, file watching in `astro dev`) and only swaps the `.mdx` entry type
 * for one that renders at load time, the way `.md` entries already work.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import type { StaticRenderer } from '../markdown/render-static.ts';

type GlobOptions = Parameters<typeof glob>[0];

/** What the glob loader hands a render function. */
interface RenderEntry {
  id: string;
  data: Record<string, unknown>;
  body?: string;
  filePath?: string;
}

/** An entry type as integrations register it (Astro's type for it is internal). */
interface EntryType {
  getRenderFunction?: (config: unknown) => Promise<(entry: RenderEntry) => Promise<unknown>>;
}

/** The glob loader reads the registered entry types from its context, a field Astro's public type leaves out. */
type GlobLoaderContext = LoaderContext & { entryTypes: Map<string, EntryType> };

export interface StaticMdxOptions {
  glob: GlobOptions;
  /** Made once per load, so the site graph it reads is the current one. */
  renderer: () => StaticRenderer;
  /**
   * What the HTML depends on besides the entry's own file: other entries'
   * titles and anchors (links), the glossary, the rendering code. It joins
   * every entry's cache digest, so a change to any of them renders again.
   */
  fingerprint: () => string;
}

export function staticMdxLoader({ glob: globOptions, renderer, fingerprint }: StaticMdxOptions): Loader {
  const inner = glob(globOptions);
  return {
    name: 'static-mdx-loader',
    async load(loaderContext: LoaderContext) {
      const context = loaderContext as GlobLoaderContext;
      const mdx = context.entryTypes.get('.mdx');
      if (!mdx) throw new Error('static-mdx-loader: no entry type for .mdx files; add the @astrojs/mdx integration to astro.config.mjs');
      const render = renderer();
      const salt = fingerprint();
      const failures: string[] = [];
      const entryTypes = new Map(context.entryTypes);
      entryTypes.set('.mdx', {
        ...mdx,
        getRenderFunction: async () => async (entry: RenderEntry) => {
          try {
            const body = entry.filePath ? alignLines(entry.body ?? '', fs.readFileSync(entry.filePath, 'utf8')) : (entry.body ?? '');
            return await render(body, { ...(entry.filePath && { filePath: entry.filePath }), frontmatter: entry.data });
          } catch (error) {
            // The glob loader only logs a failed render and goes on; we fail the load below instead.
            failures.push(`${entry.filePath ?? entry.id}: ${(error as Error).message}`);
            throw error;
          }
        },
      });
      const generateDigest: LoaderContext['generateDigest'] = (data) => context.generateDigest(typeof data === 'string' ? `${salt}\n${data}` : { salt, data });
      const innerContext: GlobLoaderContext = { ...context, entryTypes, generateDigest };
      await inner.load(innerContext);
      if (failures.length > 0) throw new Error(`${failures.length} ${failures.length === 1 ? 'entry' : 'entries'} could not be rendered:\n${failures.join('\n')}`);
    },
  };
}

/**
 * The body as the glob loader hands it over is trimmed and without frontmatter,
 * so its line 1 is not the file's. Blank lines in front (which Markdown ignores)
 * put every node back on its line in the file, for error messages.
 */
export function alignLines(body: string, file: string): string {
  const at = file.indexOf(body);
  if (at <= 0) return body;
  let lines = 0;
  for (let i = 0; i < at; i++) if (file.charCodeAt(i) === 10) lines++;
  return '\n'.repeat(lines) + body;
}

/** A digest of every file under the given folders: content and code alike. */
export function folderFingerprint(folders: readonly string[]): string {
  const hash = createHash('sha256');
  for (const folder of folders) {
    if (!fs.existsSync(folder)) continue;
    const files = fs
      .readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort();
    for (const file of files) hash.update(file).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}
