import cliProgress from 'cli-progress';

/** Progress of a long command: a bar on a terminal, plain log lines otherwise; always on stderr. */
export interface Progress {
  /** Sets the units done; `total` raises the total when it was unknown at the start. */
  update(done: number, detail: string, total?: number): void;
  stop(): void;
}

/** A progress reporter for `total` units (0 when unknown), labelled `label`. */
export function createProgress(label: string, total: number, enabled: boolean): Progress {
  if (!enabled) return { update: () => undefined, stop: () => undefined };
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${label} [{bar}] {value}/{total} {detail}`,
        stream: process.stderr,
        hideCursor: true,
        clearOnComplete: false,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(Math.max(total, 1), 0, { detail: '' });
    return {
      update(done, detail, knownTotal) {
        if (total === 0 && knownTotal !== undefined) bar.setTotal(Math.max(knownTotal, 1));
        bar.update(done, { detail });
      },
      stop: () => bar.stop(),
    };
  }
  let lastLogged = -1;
  return {
    update(done, detail) {
      const step = total > 0 ? Math.floor((done / total) * 10) : done;
      if (step === lastLogged) return;
      lastLogged = step;
      process.stderr.write(`${label}: ${done}${total > 0 ? `/${total}` : ''} ${detail}\n`);
    },
    stop: () => undefined,
  };
}
