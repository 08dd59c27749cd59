export {
  classifySendFailure,
  type SmsSendFailure,
  type SmsSendOutcome,
} from './notifier/classify-send-failure.js';
export {
  createSmsNotifier,
  type SmsNotification,
  type SmsNotifier,
  type SmsNotifierOptions,
  type SmsNotifierSource,
  type SmsNotifyResult,
} from './notifier/create-sms-notifier.js';
export {
  type IncompleteSendContext,
  type IncompleteSendEvent,
  type IncompleteSendOptions,
  OUTCOME_UNKNOWN_ID_PREFIX,
} from './notifier/incomplete-send.js';
export {
  SmsNotificationError,
  type SmsNotificationErrorOptions,
} from './notifier/notification-error.js';
export { renderTemplate } from './notifier/render-template.js';
