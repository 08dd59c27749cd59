export {
  createSmsNotifier,
  type SmsNotification,
  type SmsNotifier,
  type SmsNotifierOptions,
  type SmsNotifierSource,
  type SmsNotifyResult,
} from './notifier/create-sms-notifier.js';
export { SmsNotificationError } from './notifier/notification-error.js';
export { renderTemplate } from './notifier/render-template.js';
