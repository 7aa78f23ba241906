// @ts-check
/**
 * Astro integration: makes sure public/data/mnist/ holds the site's MNIST files before Astro
 * copies public/ (build) or serves it (dev). A hook rather than an npm pre-script so that
 * `astro build` run directly — as tests/site-build.mjs does — gets them too.
 */
import { fileURLToPath } from 'node:url';
import { buildMnistData } from '../scripts/mnist-data.mjs';

/** @returns {import('astro').AstroIntegration} */
export default function mnistData() {
  return {
    name: 'npn:mnist-data',
    hooks: {
      'astro:config:setup': async ({ config, logger }) => {
        // The folder src/nn/data/mnist-fetch.ts reads from (MNIST_DATA_DIR), under the site's base.
        const outputDir = fileURLToPath(new URL('data/mnist/', config.publicDir));
        await buildMnistData({ outputDir, log: (message) => logger.info(message) });
      },
    },
  };
}
