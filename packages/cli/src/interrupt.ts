import { EXIT } from './exit-codes.js';
import { terminalText } from './terminal-text.js';

/**
 * Turns Ctrl-C (and SIGTERM) during a bulk send into an orderly stop, and returns the
 * function that removes the handlers.
 *
 * 1st signal: `controller` aborts — no new submit starts; submits in flight finish, so
 * the summary and its resume token stay exact. 2nd: a reminder of why it waits. 3rd: quit
 * at once without the summary; the last checkpoint (`checkpoint()`, written before the
 * last submit) stays a safe resume point, and the batches accepted so far (`batches()`)
 * are printed on stderr.
 */
export function handleInterrupts(
  controller: AbortController,
  batches: () => readonly { readonly id: string; readonly recipients: number }[],
  checkpoint: () => string | undefined = () => undefined,
): () => void {
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    signals++;
    if (signals === 1) {
      process.stderr.write(
        '\nInterrupted: no new batches will be submitted; waiting for those in flight…\n',
      );
      controller.abort(new Error(`interrupted by ${signal}`));
    } else if (signals === 2) {
      process.stderr.write(
        'Still waiting for the submits in flight, so the summary says exactly what was sent. Press Ctrl-C again to quit at once without it (the last checkpoint stays a safe resume point).\n',
      );
    } else {
      const list = batches().map((b) => `  batch ${b.id}:${b.recipients}\n`);
      const path = checkpoint();
      const resume = path
        ? `Quit without a final summary. ${path} holds the checkpoint written before the last submit: --resume ${path} skips every row sent or in flight (those in flight have an unknown outcome: check them before sending them again).`
        : 'Quit without a summary (nothing was submitted yet).';
      // Batch numbers come from the provider: printed without control characters.
      process.stderr.write(
        terminalText(`${resume} Batches accepted so far:\n${list.join('') || '  none\n'}`),
      );
      process.exit(EXIT.interrupted);
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}
