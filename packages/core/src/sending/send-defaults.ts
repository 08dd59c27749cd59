import type { RoutingSettings } from '../transport/routing-settings.js';
import type { SendDefaults } from './send-pipeline.js';

/** A transport's routing settings as the send pipeline's defaults. */
export function sendDefaults(settings: RoutingSettings, maxPerSubmit: number): SendDefaults {
  return {
    onInvalid: settings.onInvalid ?? 'reject',
    dedupe: settings.dedupe ?? true,
    preferences: settings.channelPreferences ?? {},
    maxPerSubmit: settings.maxPhonesPerSubmit ?? maxPerSubmit,
    concurrency: settings.submitConcurrency ?? 4,
    smartEncoding: settings.smartEncoding ?? false,
    ...(settings.defaultCountry === undefined ? {} : { defaultCountry: settings.defaultCountry }),
    ...(settings.phoneValidation === undefined ? {} : { validation: settings.phoneValidation }),
  };
}
