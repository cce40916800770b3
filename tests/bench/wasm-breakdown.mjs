// The release wasm by crate and by largest function, so that the next size regression has a
// name (`make bench`). Reads `twiggy top --format json` of a wasm whose name section was kept
// (`wasm-opt -g`); sizes are the bytes of the optimized wasm, before compression.
// Usage: twiggy top --format json app.wasm | node tests/bench/wasm-breakdown.mjs
import { readFileSync } from 'node:fs';

// The name section is there only for this report.
const items = JSON.parse(readFileSync(0, 'utf8')).filter((i) => !/names" subsection|^custom section "name"/.test(i.name));
const total = items.reduce((sum, i) => sum + i.shallow_size, 0);

/** The crate a (demangled) function belongs to: for `<T as Trait>::f`, the implementing type's
 * when it has a path, else the trait's (`<F as tachys::…::ReactiveFunction>` is tachys code). */
function crateOf(rawName) {
  const name = rawName.replace(/\[[0-9a-f]{16}\]/g, '');
  if (/^(data segment|elem\[|table|global|type|import|export|memory|code section headers|custom section|"[a-z]+" subsection)/.test(name)) {
    return '(data, tables, headers)';
  }
  if (/^__wbg|^__wbindgen|^wasm_bindgen/.test(name)) return 'wasm_bindgen';
  const crate = (path) => /^(?:&|mut |dyn |\*const |\*mut |\(|\[|<)*([A-Za-z_][A-Za-z0-9_]*)::/.exec(path)?.[1];
  const qualified = /^<(.+?) as ([^>]+)>/.exec(name);
  const found = qualified ? crate(qualified[1]) ?? crate(qualified[2]) : crate(name);
  if (!found) return '(unnamed)';
  return ['core', 'alloc', 'std', 'dlmalloc'].includes(found) ? 'std (core, alloc, dlmalloc)' : found;
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
