/** Which address phones can reach this computer on, and which names a request may give for it. */
import { hostname, networkInterfaces } from 'node:os';

/** Addresses of private networks (RFC 1918), and the link-local ones a network without a router hands out. */
export const isPrivate = (address: string): boolean => /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|169\.254\.)/.test(address) || /^f[cd]|^fe80:/i.test(address);

function ownAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((entry) => entry !== undefined)
    .map((entry) => entry!.address);
}

/**
 * This computer's IPv4 address on a private local network, or undefined if it has none. A public
 * address (a cloud machine, some campus networks) is never picked by itself: the room would be
 * open to anyone who can reach it, so that takes an explicit --host.
 */
export function lanAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .filter((entry) => entry !== undefined && entry.family === 'IPv4' && !entry.internal)
    .map((entry) => entry!.address)
    .find(isPrivate);
}

/** This computer's non-loopback IPv4 addresses that are not private, to name when none is. */
export function publicAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((entry) => entry !== undefined && entry.family === 'IPv4' && !entry.internal && !isPrivate(entry.address))
    .map((entry) => entry!.address);
}

/** Whether an address is this computer alone (loopback), which phones cannot reach. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host.startsWith('127.') || host === '::1';
}

/** Whether an address means every interface, so URLs need a real address instead. */
export function isAnyAddress(host: string): boolean {
  return host === '0.0.0.0' || host === '::';
}

const withBrackets = (address: string) => (address.includes(':') ? `[${address}]` : address);

/**
 * The `Host` values a request to this server may carry: the address it listens on (every address
 * of this computer when it listens on all), `localhost` for loopback, and this computer's own
 * name; each with the port. Anything else is a page on another site that a DNS record pointed
 * at this server (DNS rebinding), which must not reach the rooms.
 */
export function ownHostValues(host: string, port: number): Set<string> {
  const addresses = isAnyAddress(host) ? [...ownAddresses(), 'localhost'] : isLoopback(host) ? [host, '127.0.0.1', '::1', 'localhost'] : [host];
  const names = [...addresses.map(withBrackets), hostname(), `${hostname()}.local`].map((name) => name.toLowerCase());
  return new Set(names.flatMap((name) => (port === 80 ? [name, `${name}:80`] : [`${name}:${port}`])));
}
