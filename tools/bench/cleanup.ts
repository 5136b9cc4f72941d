import type { ChildProcess } from "node:child_process";

/**
 * What the bench must undo however it ends (success, failure, Ctrl-C): the server, the database, the
 * temporary folder. Tasks run once, newest first, and one failing does not keep the others from running.
 */
export class Cleanup {
  private readonly tasks: { name: string; run: () => Promise<void> }[] = [];
  private running: Promise<string[]> | undefined;

  add(name: string, run: () => Promise<void>): void {
    this.tasks.push({ name, run });
  }

  /** Stops a child process (a build) unless it has exited by then. */
  addChild(name: string, child: ChildProcess): void {
    this.add(name, async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    });
  }

  /** Returns the problems met, if any, as sentences. */
  run(): Promise<string[]> {
    this.running ??= (async () => {
      const problems: string[] = [];
      for (const task of this.tasks.reverse()) {
        try {
          await task.run();
        } catch (error) {
          problems.push(`Could not ${task.name}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      return problems;
    })();
    return this.running;
  }
}
