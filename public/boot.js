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

// A button pressed before the app has hydrated the page does nothing then: it is pressed again
// once the app is ready (main.rs sends `newsreader-hydrated`), each button at most once, since a
// reader who presses again because nothing happened meant it once. Links and forms need no help:
// the browser follows and sends them.
const pressed = [];
const press = (event) => {
  const button = event.target.closest?.('button[type="button"]');
  if (button && !pressed.includes(button)) pressed.push(button);
};
window.addEventListener('click', press, true);
window.addEventListener(
  'newsreader-hydrated',
  () => {
    window.removeEventListener('click', press, true);
    document.documentElement.dataset.hydrated = '';
    for (const button of pressed) if (button.isConnected) button.click();
  },
  { once: true },
);

// requestAnimationFrame runs just before a frame: the second one runs once the first frame has
// been presented, so that the largest paint is over before the wasm's download begins.
await new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(painted, 0))));
const entry = document.querySelector('meta[name="app-entry"]');
// The page as it arrived, before the app moves elsewhere: kept for reading offline below.
const arrival = location.href;
try {
  const { default: init } = await import(entry.dataset.js);
  // The bytes, not the URL: a streaming compile decodes each chunk on the main thread as it
  // arrives (40 ms with 4× CPU throttling); compiling the whole file runs on a background thread.
  const wasm = await fetch(entry.dataset.wasm).then((response) => response.arrayBuffer());
  await init({ module_or_path: wasm });
} finally {
  // Even when this build fails to start, the next deploy's worker must be able to replace it.
  await startOfflineReading();
}

/**
 * Reading offline (public/sw.js, docs/offline.md). The worker's URL names the deployed build
 * (offline.json says which; it may be newer than this page when the page was kept offline), so
 * that a deploy is a new worker. It waits while an older one serves the page; the app then shows
 * 有新版本 · 刷新 (it listens for `newsreader-update`, and finds `data-update` on <html> if it
 * started later), and its button sends `newsreader-apply-update`: the new worker takes over and
 * every open page of the site reloads, all of it from the new build.
 */
async function startOfflineReading() {
  if (!('serviceWorker' in navigator)) return;
  const workers = navigator.serviceWorker;
  const announce = () => {
    document.documentElement.dataset.update = 'ready';
    window.dispatchEvent(new Event('newsreader-update'));
  };
  const watch = (worker) =>
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed' && workers.controller) announce();
    });
  // A page served by an older worker reloads once a newer one takes over (here or in another tab);
  // the first worker taking over a page the network served changes nothing.
  if (workers.controller) workers.addEventListener('controllerchange', () => location.reload(), { once: true });
  else workers.ready.then((ready) => ready.active?.postMessage({ keep: arrival })).catch(() => {});
  const deployed = navigator.onLine
    ? await fetch(new URL('offline.json', document.baseURI), { cache: 'no-cache' })
        .then((response) => (response.ok ? response.json() : null))
        .then((list) => list?.version)
        .catch(() => null)
    : null;
  // Offline, or a development build without offline.json: the worker there is, if any, stays.
  const registration = await (deployed
    ? workers.register(new URL(`sw.js?v=${deployed}`, document.baseURI))
    : workers.getRegistration()
  ).catch(() => null);
  if (!registration) return;
  if (registration.waiting && workers.controller) announce();
  watch(registration.installing);
  registration.addEventListener('updatefound', () => watch(registration.installing));
  window.addEventListener('newsreader-apply-update', () => {
    if (registration.waiting) registration.waiting.postMessage('skip-waiting');
    else location.reload();
  });
}
