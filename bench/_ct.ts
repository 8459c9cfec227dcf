import { measureColdStart } from './cold-start.ts';

const r = await measureColdStart({ outRoot: '/work/main/bench-results/bundles', runs: 3 });
for (const b of [r.floor, ...r.bundles])
  console.log(
    b.name,
    b.rawBytes,
    b.gzipBytes,
    b.mapBytes,
    b.importMs.toFixed(1),
    b.importMsNoMaps.toFixed(1),
    b.readyMs.toFixed(1),
    JSON.stringify(b.packages.slice(0, 12).map((p) => [p.name, p.bytes, p.importedBy.slice(0, 2)])),
  );
