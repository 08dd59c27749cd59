import type { SendEstimate, SmsMessage, SmsTransport } from '@intl-sms/core';

/** A transport that forwards to `inner`, with some of its methods replaced (closing is yours). */
export function wrapTransport(
  inner: SmsTransport,
  overrides: Partial<Pick<SmsTransport, 'send' | 'getDeliveryReport' | 'listChannels'>> & {
    /** A replacement `estimate` (without one the wrapper cannot estimate at all). */
    readonly estimate?: (message: SmsMessage) => Promise<SendEstimate>;
  },
): SmsTransport {
  return {
    ...(overrides.estimate ? { estimate: overrides.estimate } : {}),
    specificationVersion: inner.specificationVersion,
    provider: inner.provider,
    send: overrides.send ?? inner.send.bind(inner),
    getDeliveryReport: overrides.getDeliveryReport ?? inner.getDeliveryReport.bind(inner),
    getBalance: inner.getBalance.bind(inner),
    listChannels: overrides.listChannels ?? inner.listChannels.bind(inner),
    close: async () => {},
  };
}

/** `inner`, except that its channels to `callingCode` are reported disabled while `off()` says so. */
export function routesWithout(
  inner: SmsTransport,
  callingCode: string,
  off: () => boolean = () => true,
): SmsTransport {
  return wrapTransport(inner, {
    listChannels: async (options) =>
      (await inner.listChannels(options)).map((channel) =>
        off() && channel.countryCode === callingCode ? { ...channel, enabled: false } : channel,
      ),
  });
}
