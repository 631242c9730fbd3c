// Copyright 2026 The Two Hats authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Fetches the packages a package-lock.json pins into the node_modules/
// beside it, from the npm registry, without npm: each tarball is checked
// against the lock's sha512 before it is unpacked, and a package already
// there at its pinned version is left alone.  tools/deps --tests runs it
// for tests/room (the participant page's accessibility audit).
//
//   node tools/fetch-node-modules.mjs DIR
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const REGISTRY = 'https://registry.npmjs.org/';
const dir = process.argv[2];
if (!dir) {
  console.error('usage: node tools/fetch-node-modules.mjs DIR');
  process.exit(2);
}

const lock = JSON.parse(fs.readFileSync(path.join(dir, 'package-lock.json'), 'utf8'));
for (const [where, entry] of Object.entries(lock.packages)) {
  if (!where.startsWith('node_modules/'))
    continue;
  const name = where.slice('node_modules/'.length);
  const target = path.join(dir, where);
  try {
    const installed = JSON.parse(fs.readFileSync(path.join(target, 'package.json'), 'utf8'));
    if (installed.version === entry.version)
      continue;
  } catch {
    // Not there yet, or not readable: fetched below.
  }

  const [algorithm, expected] = entry.integrity.split(/-(.*)/s);
  const url = entry.resolved
    ?? `${REGISTRY}${name}/-/${name.split('/').pop()}-${entry.version}.tgz`;
  console.log(`Fetching ${name} ${entry.version} from ${url}`);
  // curl (tools/deps --tests installs it) rather than node's fetch, which
  // in Debian 12's node trusts only its own CA list.  What makes the
  // tarball trustworthy is the sha512 below, not the connection: where a
  // proxy that re-signs TLS stands between this machine and the registry
  // (curl exit status 60, an unknown CA), the download is made without
  // verifying the certificate, and the checksum decides.
  const curl = (insecure) => execFileSync('curl', [...(insecure ? ['--insecure'] : []),
    '--fail', '--silent', '--show-error', '--location', '--retry', '3', '--retry-delay', '2',
    '--max-time', '120', url], { maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  let tarball;
  try {
    try {
      tarball = curl(false);
    } catch (e) {
      if (e.status !== 60)
        throw e;
      console.log(`${url}: the registry's certificate is not one this machine trusts; ` +
        'downloading anyway, for the sha512 package-lock.json pins to check');
      tarball = curl(true);
    }
  } catch (e) {
    console.error(`fetch-node-modules: ${url}: ${String(e.stderr || e.message).trim()}`);
    process.exit(1);
  }
  const actual = createHash(algorithm).update(tarball).digest('base64');
  if (actual !== expected) {
    console.error(`fetch-node-modules: ${url}: ${algorithm} is ${actual}, ` +
      `package-lock.json says ${expected}`);
    process.exit(1);
  }

  // Unpacked beside the target and then renamed, so that an interrupted
  // run never leaves a half-written package that looks installed.
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const scratch = fs.mkdtempSync(path.join(path.dirname(target), '.fetch-'));
  try {
    const file = path.join(scratch, 'package.tgz');
    fs.writeFileSync(file, tarball);
    const unpacked = path.join(scratch, 'package');
    fs.mkdirSync(unpacked);
    execFileSync('tar', ['-xzf', file, '-C', unpacked, '--strip-components=1',
      '--no-same-owner']);
    fs.rmSync(target, { recursive: true, force: true });
    fs.renameSync(unpacked, target);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
