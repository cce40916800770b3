// What the Node scripts beside the specs share (screenshots, benchmarks): the static test server
// and Debian's Chromium.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { once } from 'node:events';

/** Starts server.mjs on `port` serving `root`, with `args` (e.g. `--headers`); resolves once it listens. */
export async function startServer(root, port, args = []) {
  const server = spawn(process.execPath, ['server.mjs', '--root', root, '--port', String(port), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await once(server.stdout, 'data');
  return server;
}

/** Launches /usr/bin/chromium headless, with `args` added to the usual flags. */
export function launchChromium(args = []) {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', ...args],
  });
}
