import { type ReactNode, useId } from 'react'

export interface CardProps {
  /** The card's heading (an h3 under the step's h2); the card is a region named by it. */
  title: ReactNode
  children: ReactNode
  /** 'note' for background reading beside the steps (quieter than a card with something to do). */
  tone?: 'card' | 'note'
  className?: string
  testId?: string
}

/** One boxed part of a view: a titled region, so screen-reader users can jump between parts by their headings. */
export function Card({ title, children, tone = 'card', className, testId }: CardProps) {
  const headingId = useId()
  return (
    <section className={[tone, className].filter(Boolean).join(' ')} aria-labelledby={headingId} data-testid={testId}>
      <h3 id={headingId}>{title}</h3>
      {children}
    </section>
  )
}
