import os from 'node:os';

interface Row {
  card: string;
  address: string;
  mac: string;
}

function rowsOf(interfaces: ReturnType<typeof os.networkInterfaces>): Row[] {
  const rows: Row[] = [];
  for (const [card, list] of Object.entries(interfaces)) {
    for (const entry of list ?? []) {
      if (entry.internal) continue;
      rows.push({ card, address: entry.cidr ?? `${entry.address} ${entry.netmask}`, mac: entry.mac });
    }
  }
  return rows;
}

console.log(`== ${os.hostname()} ==`);
console.log(`${'CARD'.padEnd(12)}${'ADDRESS'.padEnd(22)}MAC`);
for (const row of rowsOf(os.networkInterfaces())) {
  console.log(`${row.card.padEnd(12)}${row.address.padEnd(22)}${row.mac}`);
}
