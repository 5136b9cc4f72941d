import { readdirSync, readFileSync } from "node:fs";

/** The parent of every process, from /proc/<pid>/stat (the name may hold spaces and parentheses). */
function readParents(): Map<number, number> {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parents.set(Number(entry), Number(fields[1]));
    } catch {
      // the process ended while we looked
    }
  }
  return parents;
}

export function listDescendants(rootPid: number, parents: Map<number, number> = readParents()): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, parent] of parents) {
    const siblings = children.get(parent);
    if (siblings) siblings.push(pid);
    else children.set(parent, [pid]);
  }
  const found: number[] = [];
  const queue = [...(children.get(rootPid) ?? [])];
  for (let pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
    found.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return found;
}

/** Resident memory of one process in bytes; 0 when it is gone. */
export function residentBytes(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * Samples the summed resident memory of every process below `rootPid` (the web server that
 * `scripts/start.ts` runs, and whatever it starts) every `intervalMs`, keeping the peak. The tree
 * itself is looked up again every second. Linux only: elsewhere the peak stays 0.
 */
export class MemorySampler {
  peakBytes = 0;
  private pids: number[] = [];
  private ticks = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly rootPid: number,
    private readonly intervalMs = 100,
  ) {}

  start(): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    this.timer.unref();
  }

  stop(): number {
    clearInterval(this.timer);
    this.sample();
    return this.peakBytes;
  }

  private sample(): void {
    try {
      if (this.ticks++ % Math.max(1, Math.round(1000 / this.intervalMs)) === 0)
        this.pids = listDescendants(this.rootPid);
    } catch {
      return;
    }
    const total = this.pids.reduce((sum, pid) => sum + residentBytes(pid), 0);
    this.peakBytes = Math.max(this.peakBytes, total);
  }
}
