/** A console click-path, e.g. Admin Settings › My Company › Authentication, read aloud as a list. */
export function ClickPath({ label, parts }: { label: string; parts: readonly string[] }) {
  return (
    <ol className="click-path" aria-label={label}>
      {parts.map((part) => (
        <li key={part}>{part}</li>
      ))}
    </ol>
  )
}
