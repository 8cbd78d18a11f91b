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

/**
 * Proportional set size of one process (MB): its private pages plus its share of pages it shares
 * with others (the node binary, libraries, forked copies). Summed over a tree this is what the tree
 * takes from the machine; summed VmRSS counts every shared page once per process. 0 once exited.
 */
export function pssMb(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8').match(/^Pss:\s+(\d+)/m)?.[1] ?? 0) / 1024
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

/** `starting`: a child caught between fork and exec, still main's copy (its pages are main's, shared). */
export type ProcRole = 'main' | 'ocr-host' | 'reader' | 'starting' | 'other'

const cmdline = (pid: number) => readFileSync(`/proc/${pid}/cmdline`, 'utf8')

/** What a process of chartclerk's tree is, from its command line. */
function roleOf(pid: number, root: number): ProcRole {
  if (pid === root) return 'main'
  try {
    const cmd = cmdline(pid)
    if (/ocr[/\\]host\.[jt]s/.test(cmd)) return 'ocr-host'
    if (/sandbox[/\\]child\.[jt]s/.test(cmd)) return 'reader'
    if (cmd === cmdline(root)) return 'starting'
  } catch {
    // exited meanwhile
  }
  return 'other'
}

export interface ProcSample {
  pid: number
  role: ProcRole
  rssMb: number
}

/** Every process of the tree with its role and resident memory, at one moment. */
export function treeBreakdown(root: number, pid = root): ProcSample[] {
  const rss = rssMb(pid)
  const own: ProcSample[] = rss > 0 ? [{ pid, role: roleOf(pid, root), rssMb: Math.round(rss) }] : []
  return own.concat(...childPids(pid).map((c) => treeBreakdown(root, c)))
}

/**
 * Samples a process tree until stopped: the peak of the whole tree with what each process held at
 * that moment, and the highest each role reached on its own over the run.
 */
export class TreeSampler {
  peakMb = 0
  /** The tree's highest summed PSS, sampled at the same moments. */
  peakPssMb = 0
  peakMainMb = 0
  atPeak: ProcSample[] = []
  maxByRole: Partial<Record<ProcRole, number>> = {}
  maxProcesses = 0
  private timer: NodeJS.Timeout

  constructor(
    private readonly root: number,
    everyMs = 200,
    onSample?: (treeMb: number, mainMb: number) => void,
    withPss = true,
  ) {
    this.timer = setInterval(() => {
      const s = treeBreakdown(this.root)
      if (!s.length) return
      const tree = s.reduce((a, p) => a + p.rssMb, 0)
      const main = s.find((p) => p.role === 'main')?.rssMb ?? 0
      if (tree > this.peakMb) {
        this.peakMb = tree
        this.atPeak = s
      }
      this.peakMainMb = Math.max(this.peakMainMb, main)
      if (withPss)
        this.peakPssMb = Math.max(
          this.peakPssMb,
          s.reduce((a, p) => a + pssMb(p.pid), 0),
        )
      this.maxProcesses = Math.max(this.maxProcesses, s.length - 1)
      for (const p of s) this.maxByRole[p.role] = Math.max(this.maxByRole[p.role] ?? 0, p.rssMb)
      onSample?.(tree, main)
    }, everyMs)
  }

  stop(): void {
    clearInterval(this.timer)
  }

  /** The figures for a bench result. */
  summary() {
    return {
      peakTreeRssMb: Math.round(this.peakMb),
      peakTreePssMb: Math.round(this.peakPssMb),
      peakMainRssMb: Math.round(this.peakMainMb),
      atPeak: this.atPeak.map((p) => `${p.role} ${p.rssMb}`).join(', '),
      maxRssMbByRole: this.maxByRole,
      maxChildProcesses: this.maxProcesses,
    }
  }
}

/** The processor time (user + system) of one process in ms, from /proc; null once it has exited. */
export function cpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1')
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(f[11]) + Number(f[12])) * 10 // USER_HZ is 100 on every mainstream Linux build
  } catch {
    return null
  }
}

/** A role with the image readers told apart from PDF readers, and native tesseract named. */
function cpuRoleOf(pid: number, root: number): string {
  const role = roleOf(pid, root)
  if (role === 'reader') {
    try {
      return cmdline(pid).includes('\0image') ? 'image-reader' : 'pdf-reader'
    } catch {
      return role
    }
  }
  if (role === 'other') {
    try {
      return cmdline(pid).split('\0')[0]!.split('/').pop() || 'other'
    } catch {
      return role
    }
  }
  return role
}

/**
 * The processor time of a process tree by role, sampled until stopped: the last time seen of every
 * process that ever lived in it (a short-lived one may lose its last sampling interval).
 */
export class TreeCpu {
  private readonly last = new Map<number, { ms: number; role: string }>()
  private readonly timer: NodeJS.Timeout

  constructor(
    private readonly root: number,
    everyMs = 20,
  ) {
    this.timer = setInterval(() => this.sample(this.root), everyMs)
  }

  private sample(pid: number): void {
    const ms = cpuMs(pid)
    if (ms !== null) {
      // A child is seen between fork and exec as a copy of its parent (a tesseract started by an OCR host looks
      // like that host): its role is read again at every sample, and the last one read while it lived counts.
      const role = pid === this.root ? 'main' : cpuRoleOf(pid, this.root)
      const prev = this.last.get(pid)
      this.last.set(pid, { ms, role: role === 'other' && prev ? prev.role : role })
    }
    for (const c of childPids(pid)) this.sample(c)
  }

  stop(): void {
    clearInterval(this.timer)
  }

  summary(): { cpuSeconds: number; byRole: Record<string, { cpuSeconds: number; processes: number }> } {
    const byRole: Record<string, { cpuSeconds: number; processes: number }> = {}
    let total = 0
    for (const { ms, role } of this.last.values()) {
      const r = (byRole[role] ??= { cpuSeconds: 0, processes: 0 })
      r.cpuSeconds += ms / 1000
      r.processes++
      total += ms
    }
    return { cpuSeconds: total / 1000, byRole }
  }
}
