#!/usr/bin/env node
// Runs Debian's nginx in the foreground with the deploy guide's own site config
// (docs/examples/nginx.conf), changing only its listen, server_name and root directives.
//
//   node nginx.mjs --root <dist> --port <port>
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import process from 'node:process';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const root = path.resolve(args.root ?? '../../dist');
const port = Number(args.port ?? 4175);
const here = path.dirname(new URL(import.meta.url).pathname);
const published = readFileSync(path.join(here, '../../docs/examples/nginx.conf'), 'utf8');

const site = published
  .replace(/^(\s*)listen\s+[^;]+;/m, `$1listen 127.0.0.1:${port};`)
  .replace(/^(\s*)server_name\s+[^;]+;/m, '$1server_name localhost;')
  .replace(/^(\s*)root\s+[^;]+;/m, `$1root ${root};`);
for (const directive of ['listen 127.0.0.1', 'server_name localhost', `root ${root}`]) {
  if (!site.includes(directive)) throw new Error(`nginx.mjs: could not set "${directive}" in docs/examples/nginx.conf`);
}

const dir = mkdtempSync(path.join(tmpdir(), 'news-nginx-'));
for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(path.join(dir, sub));
const brotli = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
writeFileSync(path.join(dir, 'site.conf'), site);
writeFileSync(
  path.join(dir, 'nginx.conf'),
  `${existsSync(brotli) ? `load_module ${brotli};` : ''}
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${dir}/site.conf;
}
`,
);

// Debian installs nginx in /usr/sbin, which is not on every user's PATH.
const binary = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p)) ?? 'nginx';
const nginx = spawn(binary, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'inherit' });
nginx.on('exit', (code) => process.exit(code ?? 1));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => nginx.kill('SIGQUIT'));
process.stdout.write(`nginx serving ${root} at http://127.0.0.1:${port}/\n`);
