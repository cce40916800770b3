// Starts the app from a file rather than Trunk's inline loader, so that a strict
// Content-Security-Policy (script-src 'self') holds. Trunk writes the hashed module and wasm
// URLs into <meta name="app-entry"> (see `pattern_script` in Trunk.toml).

// The reader's theme and text size, applied before the app renders (see
// src/components/theme_toggle.rs and src/components/font_size.rs).
try {
  const theme = localStorage.getItem('theme');
  if (theme === 'dark' || theme === 'light') document.documentElement.dataset.theme = theme;
  const fontSize = localStorage.getItem('font-size');
  if (/^-?[0-9]$/.test(fontSize ?? '')) document.documentElement.dataset.fontSize = fontSize;
} catch {
  // Storage may be unavailable (private mode): follow the system's preference.
}

const entry = document.querySelector('meta[name="app-entry"]');
const { default: init } = await import(entry.dataset.js);
await init({ module_or_path: entry.dataset.wasm });
