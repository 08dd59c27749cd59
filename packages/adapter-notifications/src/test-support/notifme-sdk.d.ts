// notifme-sdk ships Flow types only; the tests use it through the narrow `Sdk` type they declare.
declare module 'notifme-sdk' {
  const NotifmeSdk: unknown;
  export default NotifmeSdk;
}
