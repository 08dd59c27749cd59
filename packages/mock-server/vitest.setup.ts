import fc from 'fast-check';

// fast-check 4 caps generated arrays and strings at about 10 items, even where a property
// names a larger `maxLength`, unless `size` says otherwise. With this setting a property's
// `maxLength` is the size it really explores.
fc.configureGlobal({ defaultSizeToMaxWhenMaxSpecified: true });
