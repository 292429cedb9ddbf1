import { it } from 'vitest';
import { isDeepStrictEqual } from 'node:util';
import { realPlatform } from '../netsim/differential/real-platform';
import { runOnNetsim } from '../netsim/differential/sim-platform';
import { singleHostScenarios } from '../netsim/differential/scenarios/index';
import { pendingOnNetsim } from '../netsim/differential/pending';
it('status', async () => {
  const out: string[] = [];
  for (const s of singleHostScenarios) {
    const real = await s.run(realPlatform());
    let sim: unknown; let err = '';
    try { sim = await runOnNetsim(s); } catch (e) { err = String(e).slice(0, 200); }
    const ok = !err && isDeepStrictEqual(JSON.parse(JSON.stringify(sim ?? null)), JSON.parse(JSON.stringify(real ?? null)));
    const pend = s.name in pendingOnNetsim;
    if (ok && !pend) continue;
    out.push(`${ok ? 'MATCH' : 'DIFF '} ${pend ? 'pending' : 'listed '} ${s.name.split(':')[0]}${ok ? '' : '\n   real: ' + JSON.stringify(real).slice(0, 300) + '\n   sim:  ' + (err || JSON.stringify(sim).slice(0, 300))}`);
  }
  console.log(out.join('\n'));
}, 300000);
