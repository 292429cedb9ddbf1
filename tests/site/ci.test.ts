import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(fileURLToPath(new URL(`../../${path}`, import.meta.url)), 'utf8');

describe('the GitHub Pages workflow', () => {
  const deploy = read('.github/workflows/deploy.yml');

  it.each(['actions/checkout@', 'actions/setup-node@', 'actions/configure-pages@', 'actions/upload-pages-artifact@', 'actions/deploy-pages@'])(
    'uses the official %s action',
    (action) => expect(deploy).toContain(`uses: ${action}`),
  );

  it('builds on Node 22 on every push to main', () => {
    expect(deploy).toMatch(/node-version:\s*22/);
    expect(deploy).toMatch(/push:\s*\n\s*branches:\s*\[main\]/);
  });

  it('sets the base path from the repository name and the site from the Pages origin', () => {
    expect(deploy).toContain('BASE_PATH: /${{ github.event.repository.name }}/');
    expect(deploy).toContain('SITE_URL: ${{ steps.pages.outputs.origin }}');
  });

  it('may write Pages and mint the deployment token, and nothing else', () => {
    expect(deploy).toMatch(/permissions:\s*\n\s*contents: read\s*\n\s*pages: write\s*\n\s*id-token: write/);
  });
});

describe('.ci/run', () => {
  const script = read('.ci/run');

  it('is an executable bash script that stops at the first failure', () => {
    expect(statSync(fileURLToPath(new URL('../../.ci/run', import.meta.url))).mode & 0o111).not.toBe(0);
    expect(script.startsWith('#!/usr/bin/env bash\n')).toBe(true);
    expect(script).toContain('set -euo pipefail');
  });

  it.each([
    ['Node 22 from the registry into the tools folder', 'npm install --prefix "$TOOLS"'],
    ['Chromium from Debian when it is missing', 'apt_install chromium'],
    ['iproute2 when `ip` is missing', 'apt_install iproute2'],
    ['the locked dependencies', 'npm ci'],
    ["the README's test command", 'npm test'],
  ])('installs or runs %s', (_, command) => {
    expect(script).toContain(command);
  });

  it("runs the same test command the README tells newcomers to run", () => {
    expect(read('README.md')).toContain('npm install && npm test');
  });
});
