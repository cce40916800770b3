// The service worker: reading offline (docs/offline.md). Served as is; boot.js registers it as
// `sw.js?v={version}`, the version offline.json names, so that each deploy is a new worker, which
// waits until the reader chooses to reload (the page shows 有新版本 · 刷新).
//
// * The shell (offline.json, written by the pre-renderer: 404.html, config.json, the hashed
//   module, wasm, stylesheet and loader, the search worker, site.json, icons) is kept per build;
//   hashed files for good. The search worker's files come from the network first, else from the
//   build's own shell.
// * Pages and API documents the reader (or the app's prefetching) fetched are kept in two bounded
//   caches, least recently used out, each at most LIMITS.items responses and LIMITS.bytes bytes:
//   the pages per build (they name the build's files, so a new build drops them), the data for
//   all builds. A page's own data (what it was rendered from) is kept with it, in the data.
// * Articles (their pages and JSON) are answered from the cache first and refreshed behind it;
//   everything else (lists, site.json, search files, config.json) from the network first, the
//   cache answering when the network fails or is slower than LIST_TIMEOUT_MS.
// * A page never fetched, offline, gets the shell: the app then says, inside its layout, that the
//   article is not saved on this device, with a retry.
// * Only GET requests of this origin under the worker's scope: anything else (a counter on another
//   origin, an API elsewhere, a media range) goes to the network untouched, and so do sw.js and
//   offline.json, which must always be the deploy's.

const VERSION = new URL(self.location.href).searchParams.get('v') || 'unversioned';
const SHELL_CACHE = `shell-${VERSION}`;
const PAGE_CACHE = `pages-${VERSION}`;
const DATA_CACHE = 'data';
const LIMITS = { items: 400, bytes: 40 * 1024 * 1024 };
const LIST_TIMEOUT_MS = 3000;
const SIZE_HEADER = 'x-offline-bytes';
const scope = new URL(self.registration.scope).pathname;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const response = await fetch('offline.json', { cache: 'no-cache' });
      if (!response.ok) throw new Error(`offline.json: HTTP ${response.status}`);
      const list = await response.json();
      // A worker named after another build than the one deployed would keep the wrong files.
      if (list.version !== VERSION) throw new Error(`offline.json is build ${list.version}, not ${VERSION}`);
      const cache = await caches.open(SHELL_CACHE);
      await cache.addAll(list.files.map((file) => new Request(file, { cache: 'no-cache' })));
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

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || !url.pathname.startsWith(scope)) return;
  if (request.headers.has('range')) return;
  const path = url.pathname.slice(scope.length);
  if (path === 'sw.js' || path === 'offline.json') return;
  const cache = request.mode === 'navigate' ? PAGE_CACHE : DATA_CACHE;
  if (isHashed(path)) event.respondWith(hashedFile(request));
  else if (isSearchWorker(path)) event.respondWith(networkFirst(event, SHELL_CACHE, true));
  else if (isArticle(path)) event.respondWith(cacheFirst(event, cache));
  else event.respondWith(networkFirst(event, cache));
});

/** Build outputs whose name carries their content's hash: never change, kept for good. */
function isHashed(path) {
  return /^(newsreader|main|boot)-[0-9a-f]+(_bg\.wasm|\.js|\.css)$/.test(path);
}

/** The search worker's files: part of the shell, but named without a hash. */
function isSearchWorker(path) {
  return /^search-(loader\.js|worker\.js|worker_bg\.wasm)$/.test(path);
}

/** An article's page or document. */
function isArticle(path) {
  return /^(articles\/[^/]+\/?|articles\/[^/]+\/index\.html|.*api\/articles\/[^/]+\.json)$/.test(path);
}

async function hashedFile(request) {
  const kept = await caches.match(request, { ignoreSearch: true });
  if (kept) return kept;
  const response = await fetch(request);
  if (response.status === 200) {
    const copy = response.clone();
    caches.open(SHELL_CACHE).then((cache) => cache.put(request, copy)).catch(() => {});
  }
  return response;
}

/** The kept copy at once (put again: a use), refreshed from the network behind it. */
async function cacheFirst(event, name) {
  const request = event.request;
  const cache = await caches.open(name);
  const kept = await cache.match(request);
  // A reload (the app's retry after unreadable data, the browser's hard reload) asks the network.
  const fresh = request.cache === 'reload' || request.cache === 'no-cache';
  if (kept && !fresh) {
    event.waitUntil(
      fetch(request)
        .then((response) => keep(cache, request, response))
        .catch(() => cache.put(request, kept.clone()).catch(() => {})),
    );
    return kept.clone();
  }
  try {
    return answer(event, cache, await fetch(request));
  } catch (offline) {
    return kept ?? fallback(request, offline);
  }
}

/**
 * From the network, else (offline, or slower than LIST_TIMEOUT_MS) a kept copy. With `ownOnly`,
 * the copy comes from cache `name` alone and nothing is kept: the search worker's files, which
 * only this build's shell may answer for.
 */
async function networkFirst(event, name, ownOnly = false) {
  const request = event.request;
  const cache = await caches.open(name);
  const fetched = fetch(request);
  const network = ownOnly ? fetched : fetched.then((response) => answer(event, cache, response));
  // Settled either way: when the cache answers first, a failure later is nobody's business.
  network.catch(() => {});
  const copy = () => (ownOnly ? cache.match(request) : caches.match(request));
  const slow = new Promise((resolve) => setTimeout(resolve, LIST_TIMEOUT_MS));
  try {
    const first = await Promise.race([network, slow]);
    if (first) return first;
    return (await copy()) ?? (await network);
  } catch (offline) {
    const kept = await copy();
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

/** Returns `response` at once and keeps a copy behind it: keeping never delays nor fails an answer. */
function answer(event, cache, response) {
  event.waitUntil(keep(cache, event.request, response.clone()).catch(() => {}));
  return response;
}

/** Keeps the page at `href` (one of this scope's), as if it had been fetched through the worker. */
async function keepPage(href) {
  const url = new URL(href);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(scope)) return;
  try {
    await keep(await caches.open(PAGE_CACHE), new Request(url.href), await fetch(url.href));
  } catch {
    // Offline already, or the cache is full: nothing to keep.
  }
}

/** Keeps a complete, successful answer with its size; a page's own data goes to the data cache. */
async function keep(cache, request, response) {
  if (response.status !== 200 || response.type !== 'basic') return;
  const body = await response.arrayBuffer();
  await put(cache, request, body, response.headers);
  if ((response.headers.get('content-type') ?? '').startsWith('text/html')) await keepPageData(body);
}

async function put(cache, request, body, headers) {
  const sized = new Headers(headers);
  sized.set(SIZE_HEADER, String(body.byteLength));
  await cache.put(request, new Response(body, { status: 200, headers: sized }));
  await trim(cache);
}

/**
 * A pre-rendered page carries the data it was rendered from (`<script type="application/json"
 * id="page-data">`, written by our own pre-renderer, docs/prerender.md): kept as the documents it
 * names, the article still reads offline once a new build has dropped the page. The article whose
 * body is the page's HTML travels without it (`body_in_page`): that document comes whole from the
 * network, unless it is kept already.
 */
async function keepPageData(body) {
  const html = new TextDecoder().decode(body);
  const block = /<script type="application\/json" id="page-data">([\s\S]*?)<\/script>/.exec(html);
  if (!block) return;
  const { responses, body_in_page: bodyInPage } = JSON.parse(block[1]);
  const cache = await caches.open(DATA_CACHE);
  for (const [url, document] of responses ?? []) {
    if (document === null || !new URL(url, self.location.origin).pathname.startsWith(scope)) continue;
    const request = new Request(new URL(url, self.location.origin).href);
    if (url === bodyInPage) {
      if (!(await cache.match(request))) await fetch(request).then((whole) => keep(cache, request, whole), () => {});
      continue;
    }
    const text = new TextEncoder().encode(JSON.stringify(document));
    const headers = { 'content-type': 'application/json; charset=utf-8' };
    await put(cache, request, text.buffer, headers);
  }
}

// One trim at a time: two reading the same keys would each count the same deletions.
let trimming = Promise.resolve();

function trim(cache) {
  trimming = trimming.then(() => trimNow(cache)).catch(() => {});
  return trimming;
}

async function trimNow(cache) {
  const keys = await cache.keys();
  const sizes = await Promise.all(
    keys.map(async (key) => Number((await cache.match(key))?.headers.get(SIZE_HEADER) ?? 0)),
  );
  let bytes = sizes.reduce((sum, size) => sum + size, 0);
  for (let i = 0; i < keys.length && (keys.length - i > LIMITS.items || bytes > LIMITS.bytes); i++) {
    await cache.delete(keys[i]);
    bytes -= sizes[i];
  }
}
