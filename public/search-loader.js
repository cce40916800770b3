// Starts the search worker (src/bin/search-worker.rs), whose files Trunk writes unhashed beside the
// app. Queries that arrive while the wasm loads wait here; the worker's own handler, set as it
// starts, then answers them. A failure to load is thrown outside the promise, so that the page's
// `error` handler sees it and fails its queries instead of waiting for answers that never come.
const early = [];
self.onmessage = (event) => early.push(event);
importScripts('./search-worker.js');
wasm_bindgen({ module_or_path: './search-worker_bg.wasm' }).then(
  () => early.forEach((event) => self.onmessage(event)),
  (error) =>
    setTimeout(() => {
      throw error;
    }),
);
