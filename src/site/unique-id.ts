let counter = 0;

/** An id unique within the build, for pairing elements with aria-describedby and similar. */
export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}
