/** Which address phones can reach this computer on. */
import { networkInterfaces } from 'node:os';

const isPrivate = (address: string) => /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(address);

/** This computer's IPv4 address on the local network (a private one first), or undefined if it has none. */
export function lanAddress(): string | undefined {
  const addresses = Object.values(networkInterfaces())
    .flat()
    .filter((entry) => entry !== undefined && entry.family === 'IPv4' && !entry.internal)
    .map((entry) => entry!.address);
  return addresses.find(isPrivate) ?? addresses[0];
}

/** Whether an address is this computer alone (loopback), which phones cannot reach. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host.startsWith('127.') || host === '::1';
}

/** Whether an address means every interface, so URLs need a real address instead. */
export function isAnyAddress(host: string): boolean {
  return host === '0.0.0.0' || host === '::';
}
