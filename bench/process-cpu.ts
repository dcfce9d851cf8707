import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** utime, stime, cutime, cstime of a process (fields 14–17 of /proc/PID/stat), in ticks; null once it has gone. */
function ticks(pid: number): { own: number; children: number; ppid: number } | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // The command name is in parentheses and may hold spaces: split after its closing one.
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { ppid: Number(f[1]), own: Number(f[11]) + Number(f[12]), children: Number(f[13]) + Number(f[14]) };
}

/** CPU seconds a process has used so far, its reaped children included. */
export function cpuSeconds(pid: number): number {
  const t = ticks(pid);
  return t ? (t.own + t.children) / TICKS_PER_SECOND : 0;
}

/**
 * CPU seconds a PostgreSQL cluster has used so far: its postmaster (found as the parent of this connection's
 * backend), every live child (backends, WAL writer, checkpointer…) and the children it already reaped.
 */
export async function clusterCpuSeconds(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let backend: number;
  let postmaster: number | undefined;
  try {
    backend = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    // Read while connected: the backend exits with the connection.
    postmaster = ticks(backend)?.ppid;
  } finally {
    await client.end();
  }
  if (!postmaster)
    throw new Error(`bench/process-cpu.ts: cannot read /proc/${backend}/stat: the CPU figure needs Linux`);
  let total = cpuSeconds(postmaster);
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const t = ticks(Number(name));
    if (t?.ppid === postmaster) total += t.own / TICKS_PER_SECOND;
  }
  return total;
}
