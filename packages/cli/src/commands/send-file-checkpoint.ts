import type { BulkSummary } from '@intl-sms/core';
import type { CsvRecipients } from '../csv-recipients.js';
import { cliRejections } from '../error-message.js';
import { bulkJson } from './bulk-output.js';
import { type ResumePoint, writeSummary } from './bulk-resume.js';
import type { SendFileOptions } from './send-file.js';
import { recordedFingerprint } from './send-file-report.js';

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
): CheckpointFile {
  let written = false;
  return {
    path,
    get written() {
      return written;
    },
    save: async (checkpoint) => {
      const summary = {
        ...checkpoint,
        rejectedRecipients: cliRejections(checkpoint.rejectedRecipients, options.textColumn),
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
      });
      await writeSummary(path, document);
      written = true;
    },
  };
}
