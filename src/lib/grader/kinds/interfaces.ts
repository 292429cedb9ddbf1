/**
 * A program that reports its own host: its name, and its cards with their addresses, judged against the cards
 * the host really had in that run (the record's `hosts`), never against fixed text.
 */
import type { NicView } from '../../netsim/types';
import type { RunRecord } from '../../runner/protocol';
import type { PrintsHostnameCheck, ReportsInterfacesCheck } from '../checks';
import { addressesIn, hasAddress, hasWord, printedLines, programOf, quoted } from '../printed';
import { listInWords } from '../record-queries';
import { fail, pass, type Verdict } from './verdict';

const toNumber = (ip: string) => ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
const toText = (n: number) => [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');

export function netmaskOf(prefix: number): string {
  return toText(2 ** 32 - 2 ** (32 - prefix));
}

/** `eth0 (10.0.0.2/24, MAC 02:…)`: a card as the messages name it. */
export function describeCard(card: NicView, withMac = true): string {
  return `${card.name} (${card.ip}/${card.prefix}${withMac && !card.loopback ? `, MAC ${card.mac}` : ''})`;
}

/** Addresses a report may show besides the cards' own: their netmasks, networks and broadcasts, and 0.0.0.0. */
function relatedAddresses(cards: readonly NicView[]): Set<string> {
  const related = new Set<string>(['0.0.0.0', '127.0.0.1']);
  for (const card of cards) {
    const size = 2 ** (32 - card.prefix);
    const network = toNumber(card.ip) - (toNumber(card.ip) % size);
    related.add(card.ip).add(netmaskOf(card.prefix)).add(toText(network)).add(toText(network + size - 1));
  }
  return related;
}

export interface ReportedHost {
  host: string;
  /** Every interface of the host, `lo` first. */
  interfaces: NicView[];
  /** The ones the check wants reported. */
  wanted: NicView[];
  lines: string[];
}

export function reportedHost(check: Pick<ReportsInterfacesCheck, 'file' | 'loopback'>, record: RunRecord): ReportedHost | undefined {
  const program = programOf(record, check.file);
  const view = program && record.hosts.find((h) => h.name === program.host);
  if (!program || !view) return undefined;
  return {
    host: view.name,
    interfaces: view.nics,
    wanted: view.nics.filter((n) => check.loopback === 'include' || !n.loopback),
    lines: printedLines(record, check.file),
  };
}

/** Addresses the program printed that its host does not have in this run (nor their masks or networks). */
export function foreignAddresses(report: ReportedHost): string[] {
  const related = relatedAddresses(report.interfaces);
  return [...new Set(report.lines.flatMap(addressesIn))].filter((ip) => !related.has(ip));
}

/** The lines that report `lo` as a card: they name it, or its address. */
export function loopbackLines(report: ReportedHost): string[] {
  return report.lines.filter((line) => hasWord(line, 'lo') || hasAddress(line, '127.0.0.1'));
}

/** What a card's line lacks ([] when it has everything the check asks for). */
function lacking(line: string, card: NicView, show: ReportsInterfacesCheck['show']): string[] {
  const missing: string[] = [];
  if (!hasAddress(line, card.ip)) missing.push(`its address ${card.ip}`);
  if (show.includes('prefix') && !line.includes(`${card.ip}/${card.prefix}`) && !hasAddress(line, netmaskOf(card.prefix))) {
    missing.push(`its prefix (/${card.prefix}, or the netmask ${netmaskOf(card.prefix)})`);
  }
  if (show.includes('mac') && !card.loopback && !line.toLowerCase().includes(card.mac.toLowerCase())) missing.push(`its MAC address ${card.mac}`);
  return missing;
}

/** The cards no line reports in full, each with the best line for it and what that line lacks. */
export function unreported(report: ReportedHost, show: ReportsInterfacesCheck['show']): { card: NicView; line?: string; missing: string[] }[] {
  const result: { card: NicView; line?: string; missing: string[] }[] = [];
  for (const card of report.wanted) {
    const naming = report.lines.filter((line) => hasWord(line, card.name));
    if (naming.some((line) => lacking(line, card, show).length === 0)) continue;
    const best = naming.map((line) => ({ line, missing: lacking(line, card, show) })).sort((a, b) => a.missing.length - b.missing.length)[0];
    result.push(best ? { card, ...best } : { card, missing: [] });
  }
  return result;
}

/** `a`, `a or b`, `a, b or c`. */
function orList(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

export function evaluateReportsInterfaces(check: ReportsInterfacesCheck, record: RunRecord): Verdict {
  const report = reportedHost(check, record);
  if (!report) return fail(`${check.file} did not run, so it reported nothing.`);
  const { host, lines, wanted } = report;
  const cards = `${host} has ${wanted.length === 1 ? 'one card' : `${wanted.length} cards`} in this run: ${listInWords(wanted.map((c) => describeCard(c, check.show.includes('mac'))))}`;
  if (lines.length === 0) return fail(`${check.file} printed nothing. ${cards}; print one line for each.`);
  const foreign = foreignAddresses(report);
  if (foreign.length > 0) {
    return fail(`${check.file} printed ${listInWords(foreign)}, which ${host} does not have in this run. ${cards}.`);
  }
  if (check.loopback === 'skip') {
    const lo = loopbackLines(report);
    if (lo.length > 0) return fail(`${check.file} reported the loopback (${quoted(lo[0]!)}), which is not a network card: skip it. ${cards}.`);
  }
  const missing = unreported(report, check.show);
  if (missing.length === 0) {
    return pass(`${check.file} reported every card ${host} had in this run: ${listInWords(wanted.map((c) => describeCard(c, check.show.includes('mac'))))}.`);
  }
  const first = missing[0]!;
  const objectShown = first.line?.includes('[object Object]')
    ? ' ([object Object] is what a list of addresses becomes in a string: print its fields, such as address, cidr and mac)'
    : '';
  const detail = first.line
    ? `the line ${quoted(first.line)} names ${first.card.name} but not ${orList(first.missing)}${objectShown}`
    : `no line ${check.file} printed names ${first.card.name}`;
  return fail(`${cards}; ${detail}.`);
}

export function evaluatePrintsHostname(check: PrintsHostnameCheck, record: RunRecord): Verdict {
  const program = programOf(record, check.file);
  if (!program) return fail(`${check.file} did not run, so it printed no host name.`);
  const lines = printedLines(record, check.file);
  const line = lines.find((l) => hasWord(l, program.host));
  if (line) return pass(`${check.file} printed its host's name, ${program.host}: ${quoted(line)}.`);
  const functionShown = lines.find((l) => l.includes('[Function'));
  if (functionShown) {
    return fail(`${check.file} printed ${quoted(functionShown)}: that is the function os.hostname itself. Call it, os.hostname(), to get the name (${program.host}).`);
  }
  return fail(`No line ${check.file} printed names the host it ran on, ${program.host}: print os.hostname().`);
}
