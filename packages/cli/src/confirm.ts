import { createInterface } from 'node:readline/promises';
import { UsageError } from './exit-codes.js';
import { terminalText } from './terminal-text.js';

/**
 * Asks "Send? [y/N]" on a terminal. Without a terminal there is no one to ask: the send
 * is refused unless `--yes` was given.
 */
export async function confirmPaidSend(summary: string, yes: boolean | undefined): Promise<boolean> {
  if (yes) return true;
  if (!process.stdin.isTTY) {
    throw new UsageError(
      `${summary}\nRefusing to send without confirmation in a non-interactive shell: pass --yes`,
    );
  }
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await prompt.question(terminalText(`${summary}\nSend? [y/N] `));
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    prompt.close();
  }
}
