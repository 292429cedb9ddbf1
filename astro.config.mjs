// @ts-check
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { chapters } from './src/content/outline.ts';
import { monacoCssAtRuntime } from './src/lib/editor/monaco-css-plugin.ts';
import { monacoWorkersWithoutContributions } from './src/lib/editor/monaco-workers-plugin.ts';
import { devRunnerWorker } from './src/lib/editor/dev-runner-worker-plugin.ts';
import { offline } from './src/lib/offline/integration.ts';
import { MANIFEST_FILE, THEME_COLOR } from './src/lib/offline/app-manifest.ts';
import { nodeLibsVite } from './src/lib/build/node-libs.ts';

// Where the site is served. GitHub Pages serves a project site at https://<owner>.github.io/<repo>/, so the
// deploy workflow sets SITE_URL to that origin and BASE_PATH to `/<repo>/`; locally both default to the root.
const site = process.env.SITE_URL || 'http://localhost:4321';
const base = normaliseBase(process.env.BASE_PATH);

/** `endpoints`, `/endpoints`, `endpoints/` → `/endpoints/`; empty → `/`. */
function normaliseBase(raw = '/') {
  const trimmed = raw.trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

const docsDir = fileURLToPath(new URL('./src/content/docs/', import.meta.url));

/**
 * A chapter appears in the sidebar only once it has a page; the home page lists the rest as coming soon.
 * @param {string} directory a folder under src/content/docs/
 */
function hasPages(directory) {
  const path = docsDir + directory;
  return existsSync(path) && readdirSync(path, { recursive: true }).some((name) => /\.mdx?$/.test(String(name)));
}

const chapterGroups = chapters
  .map((chapter, index) => ({ ...chapter, number: index + 1 }))
  .filter((chapter) => hasPages(chapter.slug))
  .map((chapter) => ({
    label: `${chapter.number}. ${chapter.title}`,
    items: [{ autogenerate: { directory: chapter.slug } }],
  }));

const referenceGroup = hasPages('reference')
  ? [{ label: 'Reference', collapsed: true, items: [{ autogenerate: { directory: 'reference' } }] }]
  : [];

/** The teachers' pages: the overview, the assignment and grading tools, and a guide per chapter that has lessons. */
const teachersGroup = {
  label: 'For teachers',
  collapsed: true,
  items: [
    { label: 'Using Endpoints in class', slug: 'teachers' },
    { label: 'Assign and grade', slug: 'teachers/assign-and-grade' },
    ...(hasPages('teachers/guide') ? [{ label: 'Teacher guide', items: [{ autogenerate: { directory: 'teachers/guide' } }] }] : []),
  ],
};

/**
 * The editor gives learners the netsim faces' types (`import net from 'node:net'` autocompletes). They are
 * generated from the netsim source before every dev server and build, never kept by hand.
 */
const learnerTypes = {
  name: 'endpoints:learner-types',
  hooks: {
    'astro:config:setup': () => {
      execFileSync(process.execPath, [fileURLToPath(new URL('./scripts/gen-learner-types.mjs', import.meta.url))], { stdio: 'inherit' });
    },
  },
};

const description =
  'An interactive course on how computers talk on a network: the network card and its IP address, ports and sockets — with a socket emulator in your browser.';

export default defineConfig({
  site,
  base,
  // Pages are folders (`/nic/network-card/`), so relative links between lessons behave the same everywhere.
  trailingSlash: 'always',
  // netsim's Node libraries (readable-stream, buffer, events…) come as one bundle, in the page and in the runner worker.
  vite: { plugins: [monacoCssAtRuntime(), monacoWorkersWithoutContributions(), devRunnerWorker(), nodeLibsVite()], worker: { plugins: () => [nodeLibsVite()] } },
  integrations: [
    learnerTypes,
    starlight({
      title: 'Endpoints',
      description,
      head: [
        { tag: 'link', attrs: { rel: 'manifest', href: `${base}${MANIFEST_FILE}` } },
        { tag: 'link', attrs: { rel: 'apple-touch-icon', href: `${base}icons/apple-touch-icon.png` } },
        { tag: 'meta', attrs: { name: 'theme-color', content: THEME_COLOR } },
      ],
      // The logo sits beside the visible title "Endpoints", so it is decorative (empty alt).
      logo: { src: './src/assets/logo.svg' },
      favicon: '/favicon.svg',
      customCss: ['./src/styles/custom.css'],
      components: {
        PageTitle: './src/components/site/LessonTitle.astro',
        Search: './src/components/site/Search.astro',
        Sidebar: './src/components/exercise/SidebarWithProgress.astro',
        Banner: './src/components/classroom/AssignmentBanner.astro',
        SkipLink: './src/components/site/SkipLinks.astro',
        PageSidebar: './src/components/site/PageSidebar.astro',
        TwoColumnContent: './src/components/site/TwoColumnContent.astro',
        Head: './src/components/site/WorkspaceHead.astro',
        MobileMenuToggle: './src/components/site/MobileMenuToggle.astro',
      },
      lastUpdated: false,
      pagination: true,
      sidebar: [{ label: 'Start here', slug: 'index' }, ...chapterGroups, ...referenceGroup, teachersGroup],
      tableOfContents: { minHeadingLevel: 2, maxHeadingLevel: 3 },
    }),
    // Last, so the service worker it writes after the build precaches Starlight's search index too: offline
    // after the first visit, a notice when a new version is ready, installable (src/lib/offline/).
    offline({ description }),
  ],
});
