import { type DragEvent, useId, useState } from 'react'

export interface FileDropZoneProps {
  /** Names what to drop, e.g. "JumpCloud metadata file". */
  label: string
  hint: string
  /** For the file picker, e.g. ".xml". */
  accept: string
  onFile(file: File): void
}

/** A file picker that also takes a file dragged onto it. */
export function FileDropZone({ label, hint, accept, onFile }: FileDropZoneProps) {
  const [active, setActive] = useState(false)
  const inputId = useId()
  const hintId = useId()

  const onDragOver = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes('Files')) return
    event.preventDefault()
    event.dataTransfer.dropEffect = 'copy'
    setActive(true)
  }
  const onDrop = (event: DragEvent) => {
    event.preventDefault()
    setActive(false)
    const file = event.dataTransfer.files[0]
    if (file) onFile(file)
  }

  return (
    <div
      className={active ? 'drop-zone drop-zone--active' : 'drop-zone'}
      data-testid={`drop-zone: ${label}`}
      onDragOver={onDragOver}
      onDragLeave={() => setActive(false)}
      onDrop={onDrop}
    >
      <input
        id={inputId}
        className="file-input"
        type="file"
        accept={accept}
        aria-describedby={hintId}
        onChange={(event) => {
          const file = event.target.files?.[0]
          event.target.value = ''
          if (file) onFile(file)
        }}
      />
      <label htmlFor={inputId} className="button">
        Choose {label}…
      </label>
      <p id={hintId}>{hint}</p>
    </div>
  )
}
