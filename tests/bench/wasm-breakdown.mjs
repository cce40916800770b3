// The release wasm by crate and by largest function, so that the next size regression has a
// name (`make bench`). Reads `twiggy top --format json` of a wasm whose name section was kept
// (`wasm-opt -g`); sizes are the bytes of the optimized wasm, before compression.
// Usage: twiggy top -a --format json app.wasm | node tests/bench/wasm-breakdown.mjs
import { readFileSync } from 'node:fs';

const { items } = JSON.parse(readFileSync(0, 'utf8'));
const total = items.reduce((sum, i) => sum + i.shallow_size, 0);

/** The crate a (demangled) function belongs to: the implementing type's for `<T as Trait>::f`. */
function crateOf(name) {
  const path = name.replace(/^(<|&|mut |dyn |\*const |\*mut |\(|\[)+/, '');
  const match = /^([A-Za-z_][A-Za-z0-9_]*)::/.exec(path);
  if (match) return ['core', 'alloc', 'std'].includes(match[1]) ? 'std (core, alloc)' : match[1];
  if (/^(data|elem|table|global|type|import|export|memory|code section headers|custom section)/.test(name)) return '(data, tables, headers)';
  if (/^__wbg|^__wbindgen|^wasm_bindgen/.test(name)) return 'wasm_bindgen';
  return '(unnamed)';
}

const byCrate = new Map();
for (const item of items) byCrate.set(crateOf(item.name), (byCrate.get(crateOf(item.name)) ?? 0) + item.shallow_size);
const pct = (n) => `${((n / total) * 100).toFixed(1)}%`;
console.log(`wasm by crate (${total} B before compression):`);
for (const [crate, size] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
  console.log(`  ${String(size).padStart(8)} B ${pct(size).padStart(6)}  ${crate}`);
}
console.log('largest functions:');
for (const item of [...items].sort((a, b) => b.shallow_size - a.shallow_size).slice(0, 20)) {
  console.log(`  ${String(item.shallow_size).padStart(8)} B ${pct(item.shallow_size).padStart(6)}  ${item.name.slice(0, 140)}`);
}
