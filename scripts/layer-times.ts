import type { Reporter, TestModule } from 'vitest/node';

/** Each layer's budget on the 2-core machine (the unit layer is what a developer waits on). */
const BUDGET_S: Record<string, number> = { unit: 20, integration: 180, infra: 60 };

/**
 * A vitest reporter that ends the run with the time of each layer (vitest project): from its first
 * file's start to its last file's end, beside the time its files took added up and its budget.
 * The layers run side by side in one vitest process, so a layer's span is what it costs the run.
 */
export default class LayerTimes implements Reporter {
  private readonly layers = new Map<string, { start: number; end: number; files: number; sum: number }>();
  private readonly started = new Map<string, number>();

  onTestModuleStart(m: TestModule): void {
    this.started.set(m.moduleId, performance.now());
  }

  onTestModuleEnd(m: TestModule): void {
    const end = performance.now();
    const start = this.started.get(m.moduleId) ?? end;
    const l = this.layers.get(m.project.name) ?? { start, end, files: 0, sum: 0 };
    this.layers.set(m.project.name, { start: Math.min(l.start, start), end: Math.max(l.end, end), files: l.files + 1, sum: l.sum + m.diagnostic().duration });
  }

  onTestRunEnd(): void {
    if (!this.layers.size) return;
    const rows = [...this.layers].map(([name, l]) => {
      const span = (l.end - l.start) / 1000;
      const budget = BUDGET_S[name];
      const over = budget !== undefined && span > budget ? ', OVER' : '';
      return `${name} ${span.toFixed(1)} s (${l.files} files, ${(l.sum / 1000).toFixed(1)} s of file time${budget ? `; budget ${budget} s${over}` : ''})`;
    });
    console.log(`time per layer: ${rows.join('; ')}`);
  }
}
