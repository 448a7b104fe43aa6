import { Alert } from '../ui/Alert'
import { useWizard } from '../../store/wizardStore'
import { problemKey } from '../../store/profileListSlice'
import type { ProfileFileProblem } from '../../../../shared/profile'

/** What went wrong with saved profile files (set aside, newer version, unreadable, key not moved): one notice each. */
export function ProfileProblems({ problems }: { problems: readonly ProfileFileProblem[] }) {
  const dismissed = useWizard((s) => s.dismissedProblems)
  const dismiss = useWizard((s) => s.dismissProblem)
  const shown = problems.filter((problem) => !dismissed.includes(problemKey(problem)))
  if (shown.length === 0) return null
  return (
    <ul className="notice-list" aria-label="Problems with saved profiles">
      {shown.map((problem) => (
        <li key={problemKey(problem)}>
          <Alert tone="warning" message={problem.message}>
            <button type="button" className="button" onClick={() => dismiss(problem)}>
              Dismiss
            </button>
          </Alert>
        </li>
      ))}
    </ul>
  )
}
