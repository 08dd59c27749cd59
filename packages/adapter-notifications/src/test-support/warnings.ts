/** A process warning as the tests read it. */
export interface CapturedWarning {
  readonly code: string | undefined;
  readonly message: string;
}

/** Records process warnings until `stop()`; `settle()` waits for the ones already emitted. */
export function captureWarnings(): {
  readonly warnings: CapturedWarning[];
  settle(): Promise<void>;
  stop(): void;
} {
  const warnings: CapturedWarning[] = [];
  const listener = (warning: Error & { code?: string }) =>
    warnings.push({ code: warning.code, message: warning.message });
  process.on('warning', listener);
  return {
    warnings,
    // process.emitWarning emits on the next tick.
    settle: () => new Promise((resolve) => setImmediate(resolve)),
    stop: () => process.off('warning', listener),
  };
}
