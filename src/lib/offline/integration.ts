/**
 * The Astro integration that makes the course work offline and install as an app:
 *   - every page gets a small script that, after the page has loaded, registers the service worker, announces
 *     a new version, and fetches the editor ahead at idle (src/components/site/offline-boot.ts),
 *   - the build writes the manifest and the icons drawn from the logo, then the service worker (Workbox)
 *     over the finished site, so the precache lists the pages Astro rendered and the Pagefind index,
 *   - the dev server answers for the manifest and icons (no service worker in dev: it would cache Vite's modules).
 *
 * Why not the Astro PWA integration (@vite-pwa/astro): its releases support Astro up to 5; Workbox itself is
 * what it runs, so this calls workbox-build directly once the pages exist.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { appIcons, appManifest, MANIFEST_FILE, renderIcon } from './app-manifest';
import { writeServiceWorker } from './service-worker-build';

const logoFile = fileURLToPath(new URL('../../assets/logo.svg', import.meta.url));
const bootModule = fileURLToPath(new URL('../../components/site/offline-boot.ts', import.meta.url));
/** The module "Open the editor" imports: its chunk is where the editor's files start. */
const editorModule = fileURLToPath(new URL('../../components/exercise/island.ts', import.meta.url));

/** Finds the editor's chunk in the client build, by the module it was made from. */
function editorChunk(found: (fileName: string) => void): Plugin {
  return {
    name: 'endpoints:editor-chunk',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type === 'chunk' && output.facadeModuleId === editorModule) found(output.fileName);
      }
    },
  };
}

/** `astro dev` answers for the manifest and icons the build writes, so the page's links resolve there too. */
function devAppFiles(base: string, description: string): Plugin {
  return {
    name: 'endpoints:dev-app-files',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use(async (request, response, next) => {
        const path = (request.url ?? '').split('?')[0] ?? '';
        if (path === `${base}${MANIFEST_FILE}`) {
          response.setHeader('content-type', 'application/manifest+json');
          response.end(JSON.stringify(appManifest(description)));
          return;
        }
        const icon = appIcons.find((candidate) => path === `${base}${candidate.path}`);
        if (!icon) return next();
        response.setHeader('content-type', 'image/png');
        response.end(await renderIcon(await readFile(logoFile, 'utf8'), icon));
      });
    },
  };
}

export function offline(options: { description: string }): AstroIntegration {
  let base = '/';
  let editorEntry: string | undefined;
  return {
    name: 'endpoints:offline',
    hooks: {
      'astro:config:setup': ({ config, injectScript, updateConfig }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        injectScript('page', `import ${JSON.stringify(bootModule)};`);
        updateConfig({
          vite: { plugins: [editorChunk((fileName) => (editorEntry = fileName)), devAppFiles(base, options.description)] },
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const logo = await readFile(logoFile, 'utf8');
        for (const icon of appIcons) {
          const file = join(dist, icon.path);
          await mkdir(dirname(file), { recursive: true });
          await writeFile(file, await renderIcon(logo, icon));
        }
        await writeFile(join(dist, MANIFEST_FILE), `${JSON.stringify(appManifest(options.description), null, 2)}\n`);
        if (!editorEntry) throw new Error(`The client build has no chunk for ${editorModule}: the service worker cannot tell the editor's files.`);
        const built = await writeServiceWorker(dist, base, editorEntry);
        for (const warning of built.warnings) logger.warn(warning);
        logger.info(
          `service worker: ${built.precachedFiles} files precached (${(built.precachedBytes / 1024).toFixed(0)} KB), ` +
            `${built.editorFiles.length} editor files cached when first loaded`,
        );
      },
    },
  };
}
