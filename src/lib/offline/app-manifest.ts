/**
 * The web app manifest and its icons, so the course installs as an app (a school laptop's shelf, a phone's
 * home screen). The icons are drawn from the course logo (src/assets/logo.svg) at build time: the plain ones
 * are the logo itself; the maskable one puts the logo's drawing on a full-bleed tile, inside the safe circle
 * a launcher may crop to. Node only: build time (and the dev server).
 */
import sharp from 'sharp';

export const MANIFEST_FILE = 'manifest.webmanifest';

export interface AppIcon {
  /** From the site root. */
  readonly path: string;
  readonly size: number;
  readonly purpose: 'any' | 'maskable';
}

export const appIcons: readonly AppIcon[] = [
  { path: 'icons/icon-192.png', size: 192, purpose: 'any' },
  { path: 'icons/icon-512.png', size: 512, purpose: 'any' },
  { path: 'icons/maskable-512.png', size: 512, purpose: 'maskable' },
  // iOS's home screen takes an opaque square and rounds it itself.
  { path: 'icons/apple-touch-icon.png', size: 180, purpose: 'maskable' },
];

/** The colours of the logo's tile and of Starlight's dark page: the launch screen and the title bar. */
export const THEME_COLOR = '#0f8f82';
const BACKGROUND_COLOR = '#14191f';

/**
 * The manifest. Its URLs are relative to the manifest itself, so it works under any base path
 * (`/endpoints/manifest.webmanifest` → start and scope `/endpoints/`).
 */
export function appManifest(description: string): Record<string, unknown> {
  return {
    name: 'Endpoints — how computers talk on a network',
    short_name: 'Endpoints',
    description,
    lang: 'en',
    start_url: './',
    scope: './',
    display: 'standalone',
    background_color: BACKGROUND_COLOR,
    theme_color: THEME_COLOR,
    icons: appIcons
      .filter((icon) => !icon.path.includes('apple-touch'))
      .map((icon) => ({ src: icon.path, sizes: `${icon.size}x${icon.size}`, type: 'image/png', purpose: icon.purpose })),
  };
}

const TILE = /<rect\b[^>]*\bfill="(#[0-9a-fA-F]{3,8})"[^>]*\/>/;

/**
 * The logo's drawing on a square tile of the logo's own colour, scaled into the middle 80% (the safe zone of
 * a maskable icon). Throws when the logo no longer starts with its coloured tile.
 */
export function maskableSvg(logo: string): string {
  const tile = TILE.exec(logo);
  if (!tile) throw new Error('src/assets/logo.svg has no coloured <rect> tile to make the maskable icon from.');
  const viewBox = /viewBox="0 0 (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)"/.exec(logo);
  if (!viewBox) throw new Error('src/assets/logo.svg needs a viewBox starting at 0 0.');
  const [width, height] = [Number(viewBox[1]), Number(viewBox[2])];
  const drawing = logo
    .replace(/^[\s\S]*?<svg\b[^>]*>/, '')
    .replace(/<\/svg>\s*$/, '')
    .replace(TILE, '');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`,
    `<rect width="${width}" height="${height}" fill="${tile[1]}"/>`,
    `<g transform="translate(${width / 2} ${height / 2}) scale(0.8) translate(${-width / 2} ${-height / 2})">${drawing}</g>`,
    '</svg>',
  ].join('');
}

/** One icon as PNG bytes, drawn from the logo's SVG text. */
export async function renderIcon(logo: string, icon: AppIcon): Promise<Buffer> {
  const svg = icon.purpose === 'maskable' ? maskableSvg(logo) : logo;
  const width = Number(/viewBox="0 0 (\d+(?:\.\d+)?)/.exec(svg)?.[1] ?? 32);
  // Rasterise at the target size (density is dots per inch of the SVG's own units) rather than scale a bitmap.
  return sharp(Buffer.from(svg), { density: Math.ceil((72 * icon.size) / width) })
    .resize(icon.size, icon.size)
    .png()
    .toBuffer();
}
