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

  it('brings Node 22 from the registry into the tools folder when the system Node is older', () => {
    expect(script).toContain('npm install --prefix "$TOOLS"');
  });

  it("runs the README's test command, word for word, and sets up nothing else itself", () => {
    const command = /^readme_test_command='([^']+)'$/m.exec(script)?.[1];
    expect(command).toBe('npm install && npm test');
    expect(script).toContain('bash -c "$readme_test_command"');
    const runIt = read('README.md').split('## Run it')[1]?.split('\n## ')[0] ?? '';
    const readmeCommands = runIt.split('\n').map((line) => line.split('#')[0]!.trim());
    expect(readmeCommands).toContain(command);
    // Chromium and system tools come from the test command's own setup step, as on a newcomer's machine.
    const commands = script.split('\n').filter((line) => !line.trimStart().startsWith('#')).join('\n');
    expect(commands).not.toMatch(/apt-get|apt_install|chromium|iproute2/i);
  });

  it('that test command sets up the browser and the system tools before any test runs', () => {
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.test).toMatch(/^node scripts\/require-node\.mjs && node scripts\/prepare-tests\.ts && /);
    expect(scripts['test:e2e']).toContain('node scripts/prepare-tests.ts browser && vitest run --project e2e');
    expect(scripts['test:unit']).toContain('node scripts/prepare-tests.ts tools && vitest run --project unit');
    expect(scripts.bench).toContain('node scripts/prepare-tests.ts browser && ');
  });
});
