/**
 * A classroom in Chromium: network and CPU throttling through the DevTools protocol, applied to everything a
 * page starts — the page, its out-of-process frames (the runner sandbox is one: Chromium isolates sandboxed
 * frames) and the service worker, whose own fetches a page-level throttle would not slow.
 *
 * What CDP cannot throttle is said where it is measured: `Emulation.setCPUThrottlingRate` slows a renderer's
 * main thread, not its Web Workers, so the runner worker and TypeScript's worker run at the machine's speed.
 */
import type { Browser, BrowserContext, CDPSession, Frame, Page } from 'playwright-core';

export interface NetworkProfile {
  readonly name: string;
  /** Round-trip latency added to every request, in ms. */
  readonly latencyMs: number;
  readonly downloadBitsPerSecond: number;
  readonly uploadBitsPerSecond: number;
}

export interface Profile {
  readonly name: string;
  readonly network?: NetworkProfile;
  /** 4 = four times slower main thread; absent = the machine's speed. */
  readonly cpuSlowdown?: number;
}

/** "Fast 3G" as the course's issue states it: 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip. */
export const fast3g: NetworkProfile = {
  name: 'Fast 3G',
  latencyMs: 150,
  downloadBitsPerSecond: 1_600_000,
  uploadBitsPerSecond: 750_000,
};

function networkConditions(network: NetworkProfile) {
  return {
    offline: false,
    latency: network.latencyMs,
    downloadThroughput: network.downloadBitsPerSecond / 8,
    uploadThroughput: network.uploadBitsPerSecond / 8,
  };
}

async function throttleSession(session: CDPSession, profile: Profile, main: boolean): Promise<void> {
  if (profile.network) {
    await session.send('Network.enable');
    await session.send('Network.emulateNetworkConditions', networkConditions(profile.network));
  }
  if (profile.cpuSlowdown && main) await session.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuSlowdown });
}

/**
 * Service workers are throttled through the browser's own session: attached without flattening (Playwright
 * keeps the flat sessions for itself), commands sent as messages to the target.
 */
async function throttleServiceWorkers(browser: Browser, profile: Profile): Promise<() => Promise<void>> {
  const network = profile.network;
  if (!network) return async () => undefined;
  const session = await browser.newBrowserCDPSession();
  const done = new Set<string>();
  let nextId = 1;
  const throttle = async (targetId: string) => {
    if (done.has(targetId)) return;
    done.add(targetId);
    const { sessionId } = await session.send('Target.attachToTarget', { targetId, flatten: false });
    for (const [method, params] of [
      ['Network.enable', {}],
      ['Network.emulateNetworkConditions', networkConditions(network)],
    ] as const) {
      await session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: nextId++, method, params }) });
    }
  };
  session.on('Target.targetCreated', ({ targetInfo }) => {
    if (targetInfo.type === 'service_worker') void throttle(targetInfo.targetId).catch(() => undefined);
  });
  await session.send('Target.setDiscoverTargets', { discover: true });
  const { targetInfos } = await session.send('Target.getTargets');
  for (const info of targetInfos) if (info.type === 'service_worker') await throttle(info.targetId).catch(() => undefined);
  return () => session.detach().catch(() => undefined);
}

/** A context whose pages, frames and service workers all run under `profile`; `release` lifts it. */
export async function throttledContext(browser: Browser, profile: Profile): Promise<{ context: BrowserContext; newPage(): Promise<Page>; release(): Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
  const releaseWorkers = await throttleServiceWorkers(browser, profile);
  const throttleFrame = async (frame: Frame) => {
    // Only out-of-process frames have a session of their own; an in-process frame shares its page's.
    const session = await context.newCDPSession(frame).catch(() => undefined);
    if (session) await throttleSession(session, profile, true).catch(() => undefined);
  };
  return {
    context,
    async newPage() {
      const page = await context.newPage();
      await throttleSession(await context.newCDPSession(page), profile, true);
      page.on('framenavigated', (frame) => {
        if (frame !== page.mainFrame()) void throttleFrame(frame);
      });
      return page;
    },
    async release() {
      await releaseWorkers();
      await context.close();
    },
  };
}
