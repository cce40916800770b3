#!/usr/bin/env node
// A tiny, dependency-free static file server for the end-to-end tests.
//
//   node server.mjs --root <dir> --port <port> [--prefix /news/] [--fallback index|404] [--headers]
//
// * Binds 127.0.0.1 only.
// * --prefix: the site lives under this path (a sub-path deploy); anything outside it is 404.
// * --fallback 404: behave like GitHub Pages: no rewrites at all; a folder asked for without its
//   trailing slash is redirected (301) to it, and an unknown path is answered with
//   <root>/404.html and status 404. The default, `index`, is the SPA fallback below.
// * A folder with an index.html is answered with it (pre-rendered pages live at
//   articles/{id}/index.html).
// * --headers: apply the `/*` section of <root>/_headers (Netlify's format), e.g. the CSP.
// * Serves <file>.br or <file>.gz when present and accepted (like nginx's brotli_static and
//   gzip_static), with Content-Encoding and Vary: Accept-Encoding.
// * Serves files under <root> with proper MIME types (text types carry charset=utf-8).
// * Blocks path traversal: the decoded path must stay inside <root>.
// * SPA fallback: a path that is not an existing file is answered with 404.html (the app's
//   plain shell) and status 200, exactly like a static host configured for a client-side router —
//   EXCEPT paths under /api/ or whose last segment has a file extension, which get a
//   real 404 (so a missing JSON document or asset is a genuine error).
// * Cache-Control: no-cache on every response. Logs nothing per request.

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { readFile, stat, realpath } from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';

function parseArgs(argv) {
  const opts = { root: '.', port: 4173, host: '127.0.0.1', prefix: '/', fallback: 'index', headers: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => (inline !== undefined ? inline : argv[++i]);
    switch (flag) {
      case '--root': opts.root = value(); break;
      case '--port': opts.port = Number(value()); break;
      case '--prefix': opts.prefix = `/${value().replace(/^\/+|\/+$/g, '')}/`.replace('//', '/'); break;
      case '--fallback': opts.fallback = value(); break;
      case '--headers': opts.headers = true; break;
      case '--help':
      case '-h':
        process.stdout.write('usage: node server.mjs --root <dir> --port <port>\n');
        process.exit(0);
        break;
      default:
        process.stderr.write(`server.mjs: unknown argument ${arg}\n`);
        process.exit(2);
    }
  }
  if (!['index', '404'].includes(opts.fallback)) {
    process.stderr.write('server.mjs: --fallback must be index or 404\n');
    process.exit(2);
  }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) {
    process.stderr.write('server.mjs: --port must be an integer 0..65535\n');
    process.exit(2);
  }
  return opts;
}

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
};

function mimeFor(file) {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

const opts = parseArgs(process.argv.slice(2));
const ROOT = await realpath(path.resolve(opts.root)).catch(() => path.resolve(opts.root));
const SHELL = path.join(ROOT, '404.html');
const NOT_FOUND_PAGE = path.join(ROOT, '404.html');
const EXTRA_HEADERS = opts.headers ? await readHeaders(path.join(ROOT, '_headers')) : {};

// The headers of the `/*` section of a Netlify-style _headers file.
async function readHeaders(file) {
  const text = await readFile(file, 'utf8');
  const headers = {};
  let inAll = false;
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      inAll = line.trim() === '/*';
      continue;
    }
    const at = line.indexOf(':');
    if (inAll && at > 0) headers[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return headers;
}

// The pre-compressed sibling to send for `file`, if the client accepts one and it exists.
async function encodedVariant(req, file) {
  const accepted = String(req.headers['accept-encoding'] ?? '');
  for (const [encoding, ext] of [['br', '.br'], ['gzip', '.gz']]) {
    if (!new RegExp(`\\b${encoding}\\b`).test(accepted)) continue;
    const st = await fileStat(file + ext);
    if (st) return { encoding, file: file + ext, st };
  }
  return null;
}

function inside(root, candidate) {
  const rel = path.relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function send(res, status, body, type = 'text/plain; charset=utf-8', headOnly = false) {
  const buf = Buffer.from(body, 'utf8');
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': buf.length,
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    ...EXTRA_HEADERS,
  });
  res.end(headOnly ? undefined : buf);
}

async function fileStat(p) {
  try {
    const s = await stat(p);
    return s.isFile() ? s : null;
  } catch {
    return null;
  }
}

async function streamFile(req, res, file, st, status = 200) {
  const variant = await encodedVariant(req, file);
  const headers = {
    'Content-Type': mimeFor(file),
    'Content-Length': (variant?.st ?? st).size,
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    'Last-Modified': st.mtime.toUTCString(),
    Vary: 'Accept-Encoding',
    ...EXTRA_HEADERS,
  };
  if (variant) headers['Content-Encoding'] = variant.encoding;
  res.writeHead(status, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(variant?.file ?? file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

async function handle(req, res) {
  const headOnly = req.method === 'HEAD';
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    send(res, 405, 'Method Not Allowed\n');
    return;
  }

  // Only the path part of the request target matters; the query string is ignored.
  const fullPath = (req.url ?? '/').split(/[?#]/, 1)[0] || '/';
  if (!(fullPath + '/').startsWith(opts.prefix)) {
    send(res, 404, 'Not Found\n', undefined, headOnly);
    return;
  }
  const rawPath = '/' + fullPath.slice(opts.prefix.length);
  let decoded;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    send(res, 400, 'Bad Request\n', undefined, headOnly);
    return;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || !decoded.startsWith('/')) {
    send(res, 400, 'Bad Request\n', undefined, headOnly);
    return;
  }

  // Resolve against the root and refuse anything that escapes it (e.g. /..%2F..%2Fetc/passwd).
  // A dot-dot that stays inside the root (e.g. /articles/..%2Fetc) is not an escape: it is
  // looked up like any other path and, not being a file, falls back to index.html so the
  // client-side router can answer it (with its own "not found" view).
  const candidate = path.resolve(ROOT, '.' + decoded);
  const segments = decoded.split('/');
  if (!inside(ROOT, candidate)) {
    send(res, 403, 'Forbidden\n', undefined, headOnly);
    return;
  }

  let target = candidate;
  if (decoded.endsWith('/')) target = path.join(candidate, 'index.html');

  let st = await fileStat(target);
  if (!st && !decoded.endsWith('/') && (await fileStat(path.join(candidate, 'index.html')))) {
    if (opts.fallback === '404') {
      // GitHub Pages (and most static servers) redirect a folder to its trailing slash.
      const query = (req.url ?? '').slice(fullPath.length);
      res.writeHead(301, { Location: `${fullPath}/${query}`, 'Cache-Control': 'no-cache', ...EXTRA_HEADERS });
      res.end();
      return;
    }
    // nginx's `try_files $uri $uri/index.html` (docs/examples/nginx.conf): the page itself.
    target = path.join(candidate, 'index.html');
    st = await fileStat(target);
  }
  if (st) {
    // Symlinks must not lead out of the root either.
    const real = await realpath(target).catch(() => null);
    if (!real || !inside(ROOT, real)) {
      send(res, 403, 'Forbidden\n', undefined, headOnly);
      return;
    }
    await streamFile(req, res, target, st);
    return;
  }

  if (opts.fallback === '404') {
    // GitHub Pages: no rewrites; every unknown path gets the site's 404.html, as a 404.
    st = await fileStat(NOT_FOUND_PAGE);
    if (st) await streamFile(req, res, NOT_FOUND_PAGE, st, 404);
    else send(res, 404, 'Not Found\n', undefined, headOnly);
    return;
  }

  const last = segments[segments.length - 1] ?? '';
  const isApi = decoded === '/api' || decoded.startsWith('/api/');
  const hasExtension = path.extname(last) !== '';
  if (isApi || hasExtension) {
    send(res, 404, 'Not Found\n', undefined, headOnly);
    return;
  }

  // SPA fallback: the client-side router decides what this path shows.
  st = await fileStat(SHELL);
  if (!st) {
    send(res, 404, 'Not Found (no 404.html in root)\n', undefined, headOnly);
    return;
  }
  await streamFile(req, res, SHELL, st);
}

const server = createServer((req, res) => {
  handle(req, res).catch(() => {
    if (!res.headersSent) send(res, 500, 'Internal Server Error\n');
    else res.destroy();
  });
});

server.on('error', (err) => {
  process.stderr.write(`server.mjs: ${err.message}\n`);
  process.exit(1);
});

if (!(await fileStat(SHELL))) {
  process.stderr.write(`server.mjs: warning: ${SHELL} does not exist (is the app built?)\n`);
}

server.listen(opts.port, opts.host, () => {
  const { port } = server.address();
  process.stdout.write(`Serving ${ROOT} at http://${opts.host}:${port}/\n`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 500).unref();
  });
}
