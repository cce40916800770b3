// The reader's theme and text size, applied before the first paint: a classic script in <head>,
// so that a pre-rendered page never flashes the other theme (see
// src/components/theme_toggle.rs and src/components/font_size.rs).
try {
  const theme = localStorage.getItem('theme');
  if (theme === 'dark' || theme === 'light') document.documentElement.dataset.theme = theme;
  const fontSize = localStorage.getItem('font-size');
  if (/^-?[0-9]$/.test(fontSize ?? '')) document.documentElement.dataset.fontSize = fontSize;
} catch {
  // Storage may be unavailable (private mode): follow the system's preference.
}
