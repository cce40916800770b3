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
