/** One value of a URL query parameter: `?a=1&a=2` yields the first. */
export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
