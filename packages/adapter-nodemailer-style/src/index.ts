export type { MailMappingOptions, SmsMailOptions } from './adapter-options.js';
export {
  createTransport,
  type SmsMail,
  type SmsMailPlugin,
  type SmsTransporter,
} from './create-transport.js';
export { htmlToText } from './html-to-text.js';
export { type MailError, mailErrorCode, toMailError } from './mail-errors.js';
export type { SmsFromMail, SmsMailData } from './mail-to-sms.js';
export { type MailAddress, type MailAddressField, phonesFromAddresses } from './recipients.js';
export type { SmsSentInfo } from './send-mail.js';
export {
  type NodemailerMail,
  type SmsNodemailerTransport,
  smsTransport,
} from './sms-transport-plugin.js';
export type { SmsVerifyResult } from './verify-transport.js';
