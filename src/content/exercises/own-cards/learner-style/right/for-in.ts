import * as os from 'os';

const all = os.networkInterfaces();
console.log('Running on ' + os.hostname());
for (const name in all) {
  const list = all[name];
  if (!list) continue;
  for (let i = 0; i < list.length; i++) {
    const a = list[i]!;
    if (a.internal === true) continue;
    console.log(name + ' ' + a.address + '/' + a.cidr!.split('/')[1] + ' ' + a.mac);
  }
}
