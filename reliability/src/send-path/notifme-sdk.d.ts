// notifme-sdk ships Flow types only; the driver declares the little it uses.
declare module 'notifme-sdk';
