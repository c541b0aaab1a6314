/**
 * Who is still alive in a process group. `kill(-pgid, 0)` alone also counts zombies, which linger
 * until init reaps them (slowly in some containers); /proc tells the living from the dead.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Pids of live (not zombie) processes whose process group is `pgid`. */
export function liveProcessesInGroup(pgid: number): number[] {
  try {
    process.kill(-pgid, 0);
  } catch {
    return []; // ESRCH: not even a zombie is left
  }
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [pgid]; // no /proc: assume the worst
  }
  const found: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // `comm` (field 2) is parenthesised and may hold spaces: fields after it start with the state.
    const [state, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(group) === pgid && state !== 'Z' && state !== 'X') found.push(Number(entry));
  }
  return found;
}
