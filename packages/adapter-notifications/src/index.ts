/**
 * Placeholder: this package is not implemented yet and exports nothing.
 * See its README for what it will offer and the issue that tracks it.
 */
export {};
