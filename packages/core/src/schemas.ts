// `@intl-sms/core/schemas`: the zod schemas of the sjroom API, loaded at import (zod
// included). The main entry exports the same schemas lazily, so that importing it stays
// cheap; import them from here in a bundle, or to have zod loaded up front.
export {
  type SjroomChannel,
  type SjroomEnvelope,
  type SjroomReceipt,
  sjroomBalanceSchema,
  sjroomBatchNoSchema,
  sjroomChannelListSchema,
  sjroomChannelSchema,
  sjroomEnvelopeSchema,
  sjroomInt64Schema,
  sjroomReceiptSchema,
} from './providers/sjroom/sjroom-api.js';
