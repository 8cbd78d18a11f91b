/** Provider names compare as people, not strings: "Webb, Marcus DO" and "Dr. Marcus Webb" agree. One definition, used by routing and by the web desk's access rules. */
const TITLES = new Set(['md', 'do', 'np', 'pa', 'dr', 'rn', 'phd', 'mph', 'fnp', 'aprn'])
const nameParts = (s: string | null | undefined): string =>
  (s ?? '')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((p) => p && !TITLES.has(p))
    .sort()
    .join(' ')

/** Same person however the name is written: "Webb, Marcus DO" and "Dr. Marcus Webb" agree. */
export function sameProvider(a: string | null | undefined, b: string | null | undefined): boolean {
  const pa = nameParts(a)
  return pa !== '' && pa === nameParts(b)
}
