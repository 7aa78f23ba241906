// `npm start` only: lets the runnable blocks' sandbox load the worker's modules from the dev server.
//
// The worker runs in an opaque-origin frame (sandbox.ts), so its module requests are cross-site
// with `Origin: null`. Astro's dev server refuses every cross-site subresource request whose origin
// it cannot parse (403 « Cross-origin request blocked »), and "null" is not a URL. This middleware,
// placed before Astro's, lets through only GET requests from Origin null for source modules (the
// course's own code and its dependencies, public anyway); CORS for them is vite.server.cors.
// The built site needs none of this: GitHub Pages answers `Access-Control-Allow-Origin: *`.
const MODULE_PATH = /^\/(?:src\/|node_modules\/|@fs\/|@id\/|@vite\/)/;

/** @returns {import('vite').Plugin} */
export default function devServerSandbox() {
  return {
    name: 'npn:dev-server-sandbox',
    apply: 'serve',
    enforce: 'post',
    configureServer(server) {
      // Returned hooks run after the internal ones: Astro has put its check first by then.
      return () => {
        server.middlewares.stack.unshift({
          route: '',
          handle(req, _res, next) {
            if (req.method === 'GET' && req.headers.origin === 'null' && MODULE_PATH.test(req.url ?? ''))
              req.headers['sec-fetch-site'] = 'same-site';
            next();
          },
        });
      };
    },
  };
}
