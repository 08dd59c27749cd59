import type { BulkSummary } from '@intl-sms/core';
import type { CsvRecipients } from '../csv-recipients.js';
import { cliRejections } from '../error-message.js';
import { bulkJson, type IndexRange } from './bulk-output.js';
import { type ResumePoint, writeSummary } from './bulk-resume.js';
import type { SendFileOptions } from './send-file.js';
import { recordedFingerprint } from './send-file-report.js';

/** The code `sendBulk` gives, in a checkpoint, the recipients of submits in flight. */
const IN_FLIGHT = 'IN_FLIGHT';

/** The checkpoints of one `send --file` run, all written to one path. */
export interface CheckpointFile {
  /** Where they go: `--summary-file`, or the summary name a stopped run would get. */
  readonly path: string;
  /** Whether one was written (so the path holds a resume point of this run). */
  readonly written: boolean;
  /** Writes one, durably; `sendBulk` awaits it before the submit it covers leaves. */
  readonly save: (checkpoint: BulkSummary) => Promise<void>;
}

/**
 * The write-ahead checkpoints of a `send --file` run (`sendBulk`'s `beforeSubmit`): before
 * each submit leaves, the summary file is replaced, durably, by the document a final
 * summary would be — `state: "running"`, every row sent, of unknown outcome or in flight
 * (booked `unknown`, code `IN_FLIGHT`) in its `resumeToken`, the fingerprint of the rows
 * read. So whenever the process dies (SIGKILL, out of memory, a reboot, a third Ctrl-C),
 * `--resume` from that file skips everything the run may have sent.
 */
export function checkpointFile(
  path: string,
  options: SendFileOptions,
  source: CsvRecipients,
  resume: ResumePoint | undefined,
  maxCost: string | undefined,
): CheckpointFile {
  let written = false;
  return {
    path,
    get written() {
      return written;
    },
    save: async (checkpoint) => {
      // Rows in flight go in as index ranges, not one entry each: up to concurrency ×
      // 10,000 of them, in every checkpoint, would make each write megabytes.
      const unknown = checkpoint.unknownRecipients.filter((u) => u.code !== IN_FLIGHT);
      const summary = {
        ...checkpoint,
        rejectedRecipients: cliRejections(checkpoint.rejectedRecipients, options.textColumn),
        unknownRecipients: unknown,
      };
      const document = bulkJson({
        file: options.file,
        column: options.column ?? 'phone',
        textColumn: options.textColumn,
        summary,
        interruption: undefined,
        error: undefined,
        fingerprint: await recordedFingerprint(options, source, summary, resume),
        summaryFile: path,
        state: 'running',
        maxCost,
        inFlight: indexRanges(
          checkpoint.unknownRecipients.filter((u) => u.code === IN_FLIGHT).map((u) => u.index),
        ),
      });
      await writeSummary(path, document);
      written = true;
    },
  };
}

/** Sorted indexes as inclusive ranges: `[3, 4, 5, 9]` → `[{ from: 3, to: 5 }, { from: 9, to: 9 }]`. */
export function indexRanges(indexes: readonly number[]): IndexRange[] {
  const ranges: IndexRange[] = [];
  for (const index of indexes) {
    const last = ranges.at(-1);
    if (last && index === last.to + 1) last.to = index;
    else ranges.push({ from: index, to: index });
  }
  return ranges;
}
