import { readFileSync } from 'node:fs';

/** The parts of a V8 .cpuprofile this needs (node --cpu-prof writes it). */
type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
};
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

export type Phase = { phase: string; ms: number; share: number };

// First match wins, tried on each frame from the leaf up: the innermost frame we can name decides the phase, so
// zod called from the route counts as validation, not as the route.
const RULES: { phase: string; test: (fn: string, url: string) => boolean }[] = [
  { phase: 'idle (waiting for I/O: fsync, sockets)', test: (fn) => fn === '(idle)' },
  { phase: 'garbage collection', test: (fn) => fn === '(garbage collector)' },
  { phase: 'gunzip', test: (_, url) => /zlib/.test(url) },
  { phase: 'JSON.parse of the body', test: (fn, url) => fn === 'parse' && url === '' },
  { phase: 'content hash (canonical JSON + SHA-256)', test: (_, url) => /content-hash/.test(url) },
  { phase: 'learner HMAC + signature', test: (_, url) => /learner-(hash|signature)|judged-learner/.test(url) },
  { phase: 'zod validation', test: (_, url) => /node_modules\/zod/.test(url) },
  {
    phase: 'answer checks against the survey version',
    test: (_, url) => /protocol\/.*(response|answer|check)/.test(url),
  },
  { phase: 'derived flags', test: (_, url) => /collector\/flags\//.test(url) },
  {
    phase: 'SQL (driver + storage adapter)',
    test: (_, url) => /better-sqlite3|node_modules\/pg|collector\/storage\//.test(url),
  },
  { phase: 'item preparation (split, records)', test: (_, url) => /collector\/ingest\//.test(url) },
  { phase: 'body read', test: (_, url) => /read-json-body/.test(url) },
  { phase: 'JSON.stringify (ack, rows)', test: (fn, url) => fn === 'stringify' && url === '' },
  { phase: 'logging', test: (_, url) => /collector\/logging|pino/.test(url) },
  {
    phase: 'HTTP (node:http, Hono, adapter, routes)',
    test: (_, url) => /node:_?http|hono|collector\/(http|routes)\//.test(url),
  },
  { phase: 'module loading / startup', test: (_, url) => /node:internal\/modules|tsx|esbuild/.test(url) },
  { phase: 'program (V8/native, unattributed)', test: (fn) => fn === '(program)' },
];

/**
 * Sums sample time per phase over the load window (first to last sample inside `windowUrl`, so start-up and the
 * wait for the first request are left out); `ms` is wall time the process spent in each, idle included.
 */
export function phasesOf(path: string, windowUrl: RegExp): Phase[] {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const phaseOfNode = new Map<number, string>();
  const classify = (id: number): string => {
    const known = phaseOfNode.get(id);
    if (known) return known;
    let phase = 'other JavaScript';
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const { functionName, url } = (byId.get(at) as ProfileNode).callFrame;
      const rule = RULES.find((r) => r.test(functionName, url));
      if (rule) {
        phase = rule.phase;
        break;
      }
    }
    phaseOfNode.set(id, phase);
    return phase;
  };
  const inWindow = (id: number): boolean => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at))
      if (windowUrl.test((byId.get(at) as ProfileNode).callFrame.url)) return true;
    return false;
  };
  const marks = profile.samples.flatMap((id, i) => (inWindow(id) ? [i] : []));
  if (marks.length === 0) throw new Error(`cpu profile ${path}: no sample ran code matching ${windowUrl}`);
  const totals = new Map<string, number>();
  for (let i = marks[0]; i <= marks[marks.length - 1]; i++) {
    const phase = classify(profile.samples[i]);
    totals.set(phase, (totals.get(phase) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  const all = [...totals.values()].reduce((a, b) => a + b, 0);
  return [...totals.entries()].map(([phase, ms]) => ({ phase, ms, share: ms / all })).sort((a, b) => b.ms - a.ms);
}
