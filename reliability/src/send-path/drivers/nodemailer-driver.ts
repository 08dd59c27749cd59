import { smsTransport } from '@intl-sms/adapter-nodemailer-style';
import { PartialSendError, type SmsTransport } from '@intl-sms/core';
import nodemailer from 'nodemailer';
import { BookKeeper, type Books } from '../books.js';
import type { Scenario } from '../scenario.js';
import { bookByNumber } from './book-by-number.js';
import { unknownNumbers } from './book-send-outcome.js';

/** Real nodemailer with our transport plugin: one `sendMail` to every drawn recipient. */
export async function nodemailerSend(sms: SmsTransport, scenario: Scenario): Promise<Books> {
  const keeper = new BookKeeper(scenario.recipients.length);
  const transporter = nodemailer.createTransport(smsTransport({ transport: sms }));
  try {
    const info = (await transporter.sendMail({
      to: scenario.recipients.map((r) => r.input),
      text: scenario.text,
    })) as { accepted: string[]; pending?: string[] };
    bookByNumber(keeper, scenario.recipients, {
      accepted: info.accepted,
      unknown: info.pending ?? [],
    });
  } catch (error) {
    // The nodemailer error keeps the core error as its cause, with the books of the send;
    // the adapter parsed the addresses itself, so positions differ: book by number.
    const cause = (error as { cause?: unknown }).cause ?? error;
    bookByNumber(keeper, scenario.recipients, {
      accepted: PartialSendError.isInstance(cause) ? cause.result.accepted : [],
      unknown: [...unknownNumbers(cause)],
    });
  } finally {
    transporter.close();
    await sms.close();
  }
  return keeper.books();
}
