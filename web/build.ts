/**
 * Builds the static web front end: one HTML file per page (all from `layout()`), the page modules
 * bundled by esbuild, and GOV.UK Frontend's compiled CSS, JS and assets.
 *
 *   npx tsx web/build.ts        (npm run build:web)
 */
import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { ASSET_MANIFEST_FILE, type AssetManifest, layout } from '../shared/views/layout.ts';
import { pageFile } from './page-table.ts';
import { NOT_FOUND_PAGE, PAGES, SERVER_RENDERED } from './routes.ts';

const webDir = dirname(fileURLToPath(import.meta.url));
const govukDist = resolve(webDir, '..', 'node_modules', 'govuk-frontend', 'dist', 'govuk');

export interface BuildWebOptions {
  /** Where to write the site. Default: web/dist. It is emptied first. */
  outDir?: string;
  /** Minify the page modules. Default: true. */
  minify?: boolean;
}

export interface BuildWebResult {
  outDir: string;
  /** The HTML files written, relative to outDir. */
  pages: string[];
}

function shortHash(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex').slice(0, 10);
}

function withoutSourceMapComment(source: string): string {
  return source.replace(/\n?\/[*/]# sourceMappingURL=\S+(?: \*\/)?\s*$/, '\n');
}

/**
 * GOV.UK Frontend's compiled CSS with the GDS Transport font taken out: the font is licensed for
 * GOV.UK alone, and this service is not on GOV.UK. Text falls back to the stack's Arial.
 */
export function withoutGdsTransport(css: string): string {
  return withoutSourceMapComment(css)
    .replace(/\/\*![^*]*Margaret Calvert[^*]*\*\//g, '')
    .replace(/@font-face\{font-family:GDS Transport;[^}]*\}/g, '')
    .replaceAll('font-family:GDS Transport,', 'font-family:');
}

/** Page modules import 'govuk-frontend'; the browser loads the copied, compiled module instead. */
function govukFrontendExternal(url: string): Plugin {
  return {
    name: 'govuk-frontend-external',
    setup(b) {
      b.onResolve({ filter: /^govuk-frontend$/ }, () => ({ path: url, external: true }));
    },
  };
}

async function writeAsset(outDir: string, name: string, ext: string, content: string): Promise<string> {
  const file = `assets/${name}-${shortHash(content)}.${ext}`;
  await writeFile(join(outDir, file), content);
  return `/${file}`;
}

export async function buildWeb(options: BuildWebOptions = {}): Promise<BuildWebResult> {
  const outDir = resolve(options.outDir ?? join(webDir, 'dist'));
  await rm(outDir, { recursive: true, force: true });
  await mkdir(join(outDir, 'assets', 'app'), { recursive: true });

  // GOV.UK Frontend: compiled CSS (without the GOV.UK-only font), JS and images, under /assets.
  const [govukCss, govukJs, appCss, jsEnabled] = await Promise.all([
    readFile(join(govukDist, 'govuk-frontend.min.css'), 'utf8'),
    readFile(join(govukDist, 'govuk-frontend.min.js'), 'utf8'),
    readFile(join(webDir, 'static', 'app.css'), 'utf8'),
    readFile(join(webDir, 'static', 'js-enabled.js'), 'utf8'),
  ]);
  const [govukCssUrl, govukJsUrl, appCssUrl, jsEnabledUrl] = await Promise.all([
    writeAsset(outDir, 'govuk-frontend', 'min.css', withoutGdsTransport(govukCss)),
    writeAsset(outDir, 'govuk-frontend', 'min.js', withoutSourceMapComment(govukJs)),
    writeAsset(outDir, 'app/app', 'css', appCss),
    writeAsset(outDir, 'app/js-enabled', 'js', jsEnabled),
    cp(join(govukDist, 'assets', 'images'), join(outDir, 'assets', 'images'), { recursive: true }),
    cp(join(webDir, 'static', 'favicon.svg'), join(outDir, 'assets', 'app', 'favicon.svg')),
  ]);

  // The page modules: ESM, code-split, content-hashed.
  const entries = [...new Set([...PAGES, ...SERVER_RENDERED, NOT_FOUND_PAGE].map((p) => p.entry))];
  const result = await build({
    entryPoints: Object.fromEntries(entries.map((e) => [e, join(webDir, `${e}.ts`)])),
    outdir: join(outDir, 'assets', 'js'),
    entryNames: '[name]-[hash]',
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    minify: options.minify ?? true,
    metafile: true,
    legalComments: 'none',
    logLevel: 'silent',
    plugins: [govukFrontendExternal(govukJsUrl)],
  });
  const entryUrls = new Map<string, string>();
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    if (!output.entryPoint) continue;
    const name = relative(webDir, resolve(output.entryPoint)).split('\\').join('/').replace(/\.ts$/, '');
    // Lazily imported modules have an entry point too; only the page modules are named here.
    if (!entries.includes(name)) continue;
    entryUrls.set(name, `/${relative(outDir, resolve(file)).split('\\').join('/')}`);
  }

  const manifest: AssetManifest = {
    stylesheets: [govukCssUrl, appCssUrl],
    jsEnabled: jsEnabledUrl,
    modules: Object.fromEntries(entryUrls),
  };
  await writeFile(join(outDir, ASSET_MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);

  // The pages, each from the one layout.
  const written = [...PAGES.map((page) => ({ ...page, file: pageFile(page.path) })), NOT_FOUND_PAGE];
  await Promise.all(
    written.map(async (page) => {
      const scriptSrc = entryUrls.get(page.entry);
      if (!scriptSrc) throw new Error(`No bundle was built for the page module ${page.entry}`);
      const file = join(outDir, page.file);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(
        file,
        layout({
          title: page.title,
          nav: page.nav,
          mainHtml: page.mainHtml,
          scriptSrc,
          stylesheets: manifest.stylesheets,
          jsEnabledSrc: manifest.jsEnabled,
        }),
      );
    }),
  );
  return { outDir, pages: written.map((p) => p.file) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const started = performance.now();
  const { outDir, pages } = await buildWeb();
  const ms = Math.round(performance.now() - started);
  console.log(`Built ${pages.length} pages into ${relative(process.cwd(), outDir) || '.'} in ${ms} ms`);
}
