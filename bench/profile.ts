/** Reads a V8 .cpuprofile and says where the self time went: by package and by function. */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
}

function bucketOf(url: string, fn: string): string {
  if (!url) return fn === '(garbage collector)' || fn === '(idle)' || fn === '(program)' ? fn : '(native)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  if (url.startsWith('node:')) return 'node core';
  if (url.includes('/src/')) return 'newsgraph src';
  return url;
}

export function summarizeProfile(profile: CpuProfile, size: number, top = 12): string {
  const total = profile.nodes.reduce((s, n) => s + (n.hitCount ?? 0), 0) || 1;
  const byBucket = new Map<string, number>();
  const byFn = new Map<string, number>();
  for (const n of profile.nodes) {
    const hits = n.hitCount ?? 0;
    if (!hits) continue;
    const b = bucketOf(n.callFrame.url, n.callFrame.functionName);
    byBucket.set(b, (byBucket.get(b) ?? 0) + hits);
    const f = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/(src|dist-bench)\//, '$1/')}:${n.callFrame.lineNumber + 1}`;
    byFn.set(f, (byFn.get(f) ?? 0) + hits);
  }
  const pct = (n: number) => `${((n / total) * 100).toFixed(1)}%`;
  const sorted = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  return [
    `API process on PostgreSQL under the actor page at ${size} events (\`--cpu-prof\`, ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s, ${total} samples), self time:`,
    '',
    '| where | self time |',
    '|---|---:|',
    ...sorted(byBucket).map(([k, v]) => `| ${k} | ${pct(v)} |`),
    '',
    '| function | self time |',
    '|---|---:|',
    ...sorted(byFn).map(([k, v]) => `| \`${k.replace(/\|/g, '\\|')}\` | ${pct(v)} |`),
  ].join('\n');
}
