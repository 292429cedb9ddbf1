import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { appIcons, appManifest, maskableSvg, renderIcon } from '../../src/lib/offline/app-manifest';

const logo = readFileSync(new URL('../../src/assets/logo.svg', import.meta.url), 'utf8');

describe('the app manifest', () => {
  const manifest = appManifest('A course.');

  it('has what Chromium needs to install: names, standalone, start URL and 192/512 px icons', () => {
    expect(manifest).toMatchObject({ name: expect.stringContaining('Endpoints'), short_name: 'Endpoints', display: 'standalone' });
    const sizes = (manifest.icons as { sizes: string }[]).map((icon) => icon.sizes);
    expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
  });

  it('uses URLs relative to itself, so it works under any base path', () => {
    expect(manifest.start_url).toBe('./');
    expect(manifest.scope).toBe('./');
    for (const icon of manifest.icons as { src: string }[]) expect(icon.src).not.toMatch(/^\//);
  });
});

describe('the icons, drawn from the logo', () => {
  it('puts the maskable icon’s drawing on a full tile of the logo’s colour, scaled into the safe zone', () => {
    const svg = maskableSvg(logo);
    expect(svg).toContain('<rect width="32" height="32" fill="#0f8f82"/>');
    expect(svg).toContain('scale(0.8)');
    expect(svg.match(/<circle/g)).toHaveLength(4);
  });

  it('refuses a logo without its coloured tile', () => {
    expect(() => maskableSvg('<svg viewBox="0 0 32 32"><circle r="3"/></svg>')).toThrow(/no coloured <rect> tile/);
  });

  it.each(appIcons.map((icon) => [icon.path, icon]))('renders %s at its size', async (_path, icon) => {
    const png = await renderIcon(logo, icon);
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', icon.size, icon.size]);
    // A maskable icon is opaque to its corners; the plain one keeps the logo's rounded corners transparent.
    const corner = await sharp(png).extract({ left: 0, top: 0, width: 1, height: 1 }).ensureAlpha().raw().toBuffer();
    expect(corner[3]).toBe(icon.purpose === 'maskable' ? 255 : 0);
  });
});
