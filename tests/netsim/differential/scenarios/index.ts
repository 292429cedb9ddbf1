/** Every single-host scenario, in the order the suite runs them. */
import type { Scenario } from '../platform';
import { tcpCloseScenarios } from './tcp-close';
import { tcpConnectScenarios } from './tcp-connect';
import { tcpListenScenarios } from './tcp-listen';
import { tcpStreamScenarios } from './tcp-stream';
import { udpScenarios } from './udp';
import { udpCheckScenarios } from './udp-checks';
import { processScenarios } from './process';
import { readlineScenarios } from './readline';
import { utilScenarios } from './util';
import { dnsScenarios } from './dns';
import { streamScenarios } from './stream';
import { tcpServerScenarios } from './tcp-server';
import { tcpSocketLifeScenarios } from './tcp-socket-life';

export const singleHostScenarios: Scenario[] = [
  ...tcpConnectScenarios,
  ...tcpListenScenarios,
  ...tcpCloseScenarios,
  ...tcpStreamScenarios,
  ...udpScenarios,
  ...udpCheckScenarios,
  ...tcpServerScenarios,
  ...tcpSocketLifeScenarios,
  ...streamScenarios,
  ...readlineScenarios,
  ...utilScenarios,
  ...dnsScenarios,
  ...processScenarios,
];
