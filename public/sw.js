// The service worker: reading offline (docs/offline.md). Served as is; boot.js registers it as
// `sw.js?v={build}` once the app has started, so that each deploy is a new worker, which waits
// until the reader chooses to reload (the page shows 有新版本 · 刷新).
//
// * The shell (offline.json, written by the pre-renderer: 404.html, config.json, the hashed
//   module, wasm, stylesheet and loader, site.json) is kept per build; hashed files for good.
// * Pages and API documents the reader (or the app's prefetching) fetched are kept in two bounded
//   caches, least recently used out, each at most `limits.items` responses and `limits.bytes`
//   bytes (offline.json; 400 and 40 MB unless it says otherwise): the pages per build (they name
//   the build's files, so a new build drops them), the data for all builds.
// * The page that registered the worker came before it: the page asks for it to be kept.
// * Articles (their pages and JSON) are served from that cache first; everything else (lists,
//   site.json, search files, config.json) from the network first, the cache answering when the
//   network fails or is slower than LIST_TIMEOUT_MS.
// * A page never fetched, offline, gets the shell: the app then says, inside its layout, that the
//   article is not saved on this device, with a retry.
// * Only GET requests of this origin under the worker's scope: anything else (a counter on another
//   origin, an API elsewhere) goes to the network untouched.

const VERSION = new URL(self.location.href).searchParams.get('v') || 'unversioned';
const SHELL_CACHE = `shell-${VERSION}`;
const PAGE_CACHE = `pages-${VERSION}`;
const DATA_CACHE = 'data';
const DEFAULT_LIMITS = { items: 400, bytes: 40 * 1024 * 1024 };
const LIST_TIMEOUT_MS = 3000;
const SIZE_HEADER = 'x-offline-bytes';
const scope = new URL(self.registration.scope).pathname;
/** Where this build's offline.json is kept: the limits are read from it. */
const LIST_KEY = new URL(`offline.json?build=${VERSION}`, self.registration.scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const response = await fetch('offline.json', { cache: 'no-cache' });
      if (!response.ok) throw new Error(`offline.json: HTTP ${response.status}`);
      const list = await response.clone().json();
      const cache = await caches.open(SHELL_CACHE);
      await cache.addAll(list.files.map((file) => new Request(file, { cache: 'no-cache' })));
      await cache.put(LIST_KEY, response);
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        const build = /^(shell|pages)-/.test(name);
        if (build && name !== SHELL_CACHE && name !== PAGE_CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
  else if (typeof event.data?.keep === 'string') event.waitUntil(keepPage(event.data.keep));
});

/** Keeps the page at `href` (one of this scope's), as if it had been fetched through the worker. */
async function keepPage(href) {
  const url = new URL(href);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(scope)) return;
  try {
    await keep(await caches.open(PAGE_CACHE), url.href, await fetch(url.href));
  } catch {
    // Offline already: nothing to keep.
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || !url.pathname.startsWith(scope)) return;
  const path = url.pathname.slice(scope.length);
  const cache = request.mode === 'navigate' ? PAGE_CACHE : DATA_CACHE;
  if (isHashed(path)) event.respondWith(hashedFile(request));
  else if (isArticle(path)) event.respondWith(cacheFirst(cache, request));
  else event.respondWith(networkFirst(cache, request));
});

/** Build outputs whose name carries their content's hash: never change, kept for good. */
function isHashed(path) {
  return /^(newsreader|main|boot)-[0-9a-f]+(_bg\.wasm|\.js|\.css)$/.test(path);
}

/** An article's page or document: it does not change once read. */
function isArticle(path) {
  return /^(articles\/[^/]+\/?|articles\/[^/]+\/index\.html|.*api\/articles\/[^/]+\.json)$/.test(path);
}

async function hashedFile(request) {
  const kept = await caches.match(request, { ignoreSearch: true });
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(SHELL_CACHE);
    await cache.put(request, response.clone());
  }
  return response;
}

async function cacheFirst(name, request) {
  const cache = await caches.open(name);
  const kept = await cache.match(request);
  if (kept) {
    // Put again: the cache lists entries in the order they were put, which makes it the
    // least-recently-used order.
    await cache.put(request, kept.clone());
    return kept;
  }
  try {
    return await keep(cache, request, await fetch(request));
  } catch (offline) {
    return fallback(request, offline);
  }
}

async function networkFirst(name, request) {
  const cache = await caches.open(name);
  const network = fetch(request).then((response) => keep(cache, request, response));
  // Settled either way: when the cache answers first, a failure later is nobody's business.
  network.catch(() => {});
  const slow = new Promise((resolve) => setTimeout(resolve, LIST_TIMEOUT_MS));
  try {
    const first = await Promise.race([network, slow]);
    if (first) return first;
    return (await caches.match(request)) ?? (await network);
  } catch (offline) {
    const kept = await caches.match(request);
    return kept ?? fallback(request, offline);
  }
}

/** Offline with nothing kept: a page gets the app's shell, which says so; a request fails. */
async function fallback(request, error) {
  if (request.mode === 'navigate') {
    const shell = await caches.match(new URL('404.html', self.registration.scope).href);
    if (shell) return new Response(shell.body, { status: 200, headers: shell.headers });
  }
  throw error;
}

/** Keeps a successful answer (with its size) and drops the least recently used beyond the limits. */
async function keep(cache, request, response) {
  if (!response.ok || response.type !== 'basic') return response;
  const body = await response.clone().arrayBuffer();
  const headers = new Headers(response.headers);
  headers.set(SIZE_HEADER, String(body.byteLength));
  await cache.put(request, new Response(body, { status: response.status, statusText: response.statusText, headers }));
  await trim(cache);
  return response;
}

let limits;

/** The cache limits of this build's offline.json (read once per start of the worker). */
async function cacheLimits() {
  limits ??= caches
    .match(LIST_KEY)
    .then((list) => list?.json())
    .then((list) => ({ ...DEFAULT_LIMITS, ...list?.limits }))
    .catch(() => DEFAULT_LIMITS);
  return limits;
}

async function trim(cache) {
  const { items, bytes: maxBytes } = await cacheLimits();
  const keys = await cache.keys();
  const sizes = await Promise.all(
    keys.map(async (key) => Number((await cache.match(key))?.headers.get(SIZE_HEADER) ?? 0)),
  );
  let bytes = sizes.reduce((sum, size) => sum + size, 0);
  for (let i = 0; i < keys.length && (keys.length - i > items || bytes > maxBytes); i++) {
    await cache.delete(keys[i]);
    bytes -= sizes[i];
  }
}
