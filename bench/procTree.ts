/** Resident memory of a process and everything it started (reader processes), from /proc (Linux). */
import { readFileSync, readdirSync } from 'node:fs'

/** VmRSS of one process (MB); 0 once it has exited. */
export function rssMb(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)?.[1] ?? 0) / 1024
  } catch {
    return 0
  }
}

/** Children of a process (all its threads' children). */
export function childPids(pid: number): number[] {
  const out: number[] = []
  try {
    for (const t of readdirSync(`/proc/${pid}/task`)) {
      for (const c of readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').split(' ').filter(Boolean)) out.push(Number(c))
    }
  } catch {
    // exited meanwhile
  }
  return out
}

/** VmRSS of a process and all its descendants (MB). */
export function treeRssMb(pid: number): number {
  return rssMb(pid) + childPids(pid).reduce((s, c) => s + treeRssMb(c), 0)
}
