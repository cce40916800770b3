// Starts the app from a file rather than Trunk's inline loader, so that a strict
// Content-Security-Policy (script-src 'self') holds. Trunk writes the hashed module and wasm
// URLs into <meta name="app-entry"> (see `pattern_script` in Trunk.toml).
//
// A pre-rendered page is readable as it arrives: the wasm is not preloaded (pattern_preload is
// empty) and its download starts only after the first frame, so that compiling and hydrating
// never delay the first paint, nor compete with the document and the stylesheet for the network.

// Leptos' hydration reads these globals, which a streaming server would set in an inline
// script; a pre-rendered page carries its data in <script type="application/json"> instead.
window.__RESOLVED_RESOURCES = [];
window.__SERIALIZED_ERRORS = [];
window.__INCOMPLETE_CHUNKS = [];

// requestAnimationFrame runs just before a frame: the second one runs once the first frame has
// been presented, so that the largest paint is over before the wasm's download begins.
await new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(painted, 0))));
const entry = document.querySelector('meta[name="app-entry"]');
const { default: init } = await import(entry.dataset.js);
await init({ module_or_path: entry.dataset.wasm });

// Reading offline (public/sw.js, docs/offline.md), once the app runs. The worker's URL names a
// build, so that a deploy is a new worker: the deployed one (offline.json says which), which may be
// newer than this page when the page was kept offline. A new worker waits while an older one serves
// the page; the app then shows 有新版本 · 刷新 (it listens for `newsreader-update`, and finds
// `data-update` on <html> if it started later), and its button sends `newsreader-apply-update`: the
// new worker takes over and the page reloads, all of it from the new build.
if ('serviceWorker' in navigator) {
  const build = /-([0-9a-f]+)\.js$/.exec(entry.dataset.js)?.[1] ?? 'unversioned';
  const deployed = navigator.onLine
    ? await fetch(new URL('offline.json', document.baseURI), { cache: 'no-cache' })
        .then((response) => (response.ok ? response.json() : null))
        .then((list) => list?.version)
        .catch(() => null)
    : null;
  const announce = () => {
    document.documentElement.dataset.update = 'ready';
    window.dispatchEvent(new Event('newsreader-update'));
  };
  const watch = (worker) =>
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed' && navigator.serviceWorker.controller) announce();
    });
  // This page came from the network before any worker: it is kept once one is active.
  const uncontrolled = !navigator.serviceWorker.controller;
  navigator.serviceWorker.ready
    .then((registration) => uncontrolled && registration.active?.postMessage({ keep: location.href }))
    .catch(() => {});
  navigator.serviceWorker
    .register(new URL(`sw.js?v=${deployed ?? build}`, document.baseURI))
    .then((registration) => {
      if (registration.waiting && navigator.serviceWorker.controller) announce();
      watch(registration.installing);
      registration.addEventListener('updatefound', () => watch(registration.installing));
      window.addEventListener('newsreader-apply-update', () => {
        if (!registration.waiting) return location.reload();
        navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
        registration.waiting.postMessage('skip-waiting');
      });
    })
    // Without a worker (no offline.json in a development build, a browser that refuses) the
    // reader works as before, online.
    .catch(() => {});
}
