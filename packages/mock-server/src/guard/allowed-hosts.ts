import { isIP } from 'node:net';

/**
 * Which `Host` headers the mock answers. A DNS-rebinding page reaches the mock through a
 * host name the attacker controls (`evil.example` made to resolve to 127.0.0.1), so the
 * browser sends that name as `Host`: refusing names we do not know defeats it. Allowed
 * without configuration: loopback names (`localhost`, `*.localhost`, which browsers
 * resolve to loopback themselves), IP addresses (a rebinding page always has a name, and
 * an IP address is its own origin), and the host the server listens on.
 */
export class AllowedHosts {
  readonly #exact = new Set<string>();
  readonly #suffixes: string[] = [];
  readonly #any: boolean;

  /**
   * @param names extra names: exact (`mock`), a leading dot for a domain and its
   *   subdomains (`.example.test`), or `*` for any host (turns the protection off).
   */
  constructor(names: readonly string[]) {
    this.#any = names.includes('*');
    for (const raw of names) {
      const name = normalise(raw);
      if (name.startsWith('.')) this.#suffixes.push(name);
      else if (name !== '' && name !== '*') this.#exact.add(name);
    }
  }

  /** Whether a request with this `Host` header may be answered. */
  allows(hostHeader: string | undefined): boolean {
    if (this.#any) return true;
    const name = hostName(hostHeader);
    if (name === undefined) return false;
    if (name === 'localhost' || name.endsWith('.localhost') || isIP(name) !== 0) return true;
    if (this.#exact.has(name)) return true;
    return this.#suffixes.some((suffix) => name.endsWith(suffix) || `.${name}` === suffix);
  }
}

/** The host name of a `Host` header, without port, brackets or a final dot, lower-cased. */
export function hostName(hostHeader: string | undefined): string | undefined {
  if (!hostHeader) return undefined;
  const header = hostHeader.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(header);
  if (bracketed) return bracketed[1]?.toLowerCase();
  const name = /^([^:]+)(?::\d+)?$/.exec(header)?.[1];
  return name === undefined ? undefined : normalise(name);
}

function normalise(name: string): string {
  const lower = name.trim().toLowerCase();
  return lower.length > 1 && lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

/** Whether an address the server listens on is reachable from this machine only. */
export function isLoopbackAddress(address: string): boolean {
  const plain = address.replace(/^\[|\]$/g, '').toLowerCase();
  return (
    plain === 'localhost' ||
    plain === '::1' ||
    /^127\.\d+\.\d+\.\d+$/.test(plain) ||
    /^::ffff:127\.\d+\.\d+\.\d+$/.test(plain)
  );
}
