import { defineSmsProvider } from '../../kit/define-sms-provider.js';
import { toChannel } from './sjroom-channel.js';
import { internalsOf, SjroomClient } from './sjroom-client.js';
import { SJROOM_OWN_SETTING_KEYS, type SjroomClientSettings } from './sjroom-client-settings.js';
import { toDeliveryReport } from './sjroom-delivery-report.js';
import { SJROOM_MAX_PHONES_PER_SUBMIT } from './sjroom-inputs.js';

/** What the sjroom provider takes besides the kit's settings. */
export type SjroomProviderSettings = Pick<SjroomClientSettings, 'account' | 'password' | 'baseUrl'>;

/**
 * The sjroom provider, defined with the kit: its four operations over the wire calls of
 * a {@link SjroomClient}. `createSjroomTransport` builds its transport (with `SJROOM_*`
 * fallbacks); `sjroomProvider.createTransport(settings)` takes the settings as given.
 */
export const sjroomProvider = defineSmsProvider<SjroomProviderSettings, SjroomClient>({
  name: 'sjroom',
  maxPhonesPerSubmit: SJROOM_MAX_PHONES_PER_SUBMIT,
  settingKeys: SJROOM_OWN_SETTING_KEYS,
  operationNames: {
    listChannels: 'list',
    submit: 'submit',
    getDeliveryReport: 'query',
    getBalance: 'balance',
  },
  createClient: (settings, { http }) => new SjroomClient(settings as SjroomClientSettings, http),
  listChannels: async (client, call) =>
    (await internalsOf(client).wire.list(call.http)).map(toChannel),
  submit: (client, request, call) =>
    internalsOf(client).wire.submit(call.http, {
      channelId: request.channelId,
      phones: request.phones,
      content: request.text,
    }),
  getDeliveryReport: async (client, request, call) =>
    toDeliveryReport(
      request.id,
      await internalsOf(client).wire.query(call.http, request.id),
      request.recipients,
    ),
  getBalance: (client, call) => internalsOf(client).wire.balance(call.http),
  describe: (client) => `SjroomTransport { baseUrl: '${client.baseUrl}' }`,
});
