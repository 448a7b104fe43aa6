/** A size for people: "512 bytes", "64 KiB", "300.5 MiB". Rounded up, so a size just over a limit never reads as equal to it. */
export function formatBytes(bytes: number): string {
  const roundUp = (value: number): number => Math.ceil(value * 10) / 10
  if (bytes < 1024) return `${bytes} bytes`
  if (bytes < 1024 * 1024) return `${roundUp(bytes / 1024)} KiB`
  if (bytes < 1024 * 1024 * 1024) return `${roundUp(bytes / (1024 * 1024))} MiB`
  return `${roundUp(bytes / (1024 * 1024 * 1024))} GiB`
}
