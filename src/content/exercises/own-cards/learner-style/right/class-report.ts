import os from 'node:os';

class CardReport {
  constructor(private readonly host: string, private readonly cards: ReturnType<typeof os.networkInterfaces>) {}

  print(): void {
    console.log(`[${this.host}]`);
    for (const [name, infos] of Object.entries(this.cards)) {
      for (const info of infos ?? []) {
        if (!info.internal) console.log(this.describe(name, info));
      }
    }
  }

  private describe(name: string, info: os.NetworkInterfaceInfo): string {
    return `${name} has address ${info.address} with netmask ${info.netmask} and MAC ${info.mac}`;
  }
}

new CardReport(os.hostname(), os.networkInterfaces()).print();
