/**
 * `localhost`, 127.0.0.0/8 and `::1`: a request there does not leave the machine, so it
 * may use `http:` (local stand-ins in tests, a local proxy). Not `*.localhost`: whether
 * that resolves to loopback is up to the resolver.
 */
export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost') return true;
  const ipv4 = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (ipv4) return ipv4.slice(1).every((octet) => Number(octet) <= 255);
  return host === '::1' || host === '0:0:0:0:0:0:0:1';
}
