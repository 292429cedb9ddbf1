/**
 * One laptop with two cards on two networks — wired to the office (10.0.0.0/24, where web is) and on Wi-Fi at
 * home (192.168.1.0/24, where phone is) — and a development server on laptop that listens on 127.0.0.1 only.
 * For the lesson on interfaces: three blocks in `ip addr`, who reaches which address, and loopback.
 */
import { definePlayground } from './kit/playground';

export const { summary, topology, services, start } = definePlayground({
  summary:
    'laptop has two network cards: eth0 (10.0.0.10) on the office network 10.0.0.0/24 with web (10.0.0.2), and wlan0 (192.168.1.7) on the home Wi-Fi 192.168.1.0/24 with phone (192.168.1.20). On laptop, your own development web server (node, run as you) listens on 127.0.0.1 port 3000; on web, a web server (httpd, run by root) listens on every address, port 80.',
  topology: {
    version: 1,
    seed: 3,
    hosts: [
      {
        name: 'laptop',
        nics: [
          { name: 'eth0', ip: '10.0.0.10', prefix: 24, mac: '3c:22:fb:7a:10:4e' },
          { name: 'wlan0', ip: '192.168.1.7', prefix: 24, mac: 'ba:5e:19:c4:27:81' },
        ],
      },
      { name: 'web', nics: [{ name: 'eth0', ip: '10.0.0.2', prefix: 24, mac: '56:a1:22:32:6c:09' }] },
      { name: 'phone', nics: [{ name: 'wlan0', ip: '192.168.1.20', prefix: 24, mac: 'd2:0f:6e:31:9a:05' }] },
    ],
  },
  services: [
    {
      kind: 'http',
      host: 'laptop',
      process: 'node',
      runAs: 'user',
      address: '127.0.0.1',
      port: 3000,
      pages: { '/': { title: 'My work in progress', paragraphs: ['This page came from the development server on laptop, 127.0.0.1 port 3000: only laptop itself can reach it.'] } },
    },
    {
      kind: 'http',
      host: 'web',
      process: 'httpd',
      runAs: 'root',
      address: '0.0.0.0',
      port: 80,
      pages: { '/': { title: 'Hello from web', paragraphs: ['This page came from the web server (httpd) on web, 10.0.0.2, port 80.'] } },
    },
  ],
});
